/** Bounds of an id and a name, everywhere; free of the schema library so content scripts stay small. */
export const MAX_ID_LENGTH = 128;
export const MAX_NAME_LENGTH = 200;
