import * as v from 'valibot';

/**
 * The live tester: the options page injects `profile-tester.js` into a tab the user picked, opens a
 * port to it, and sends the profile being edited (again after every edit). The tab answers with
 * what the profile finds there and outlines those rows; when the port closes (testing stopped, the
 * options page closed) the outlines go.
 */
export const TESTER_PORT = 'roster:profile-tester';
export const TESTER_SCRIPT = '/profile-tester.js';

/** Rows the tester outlines carry this attribute; the value says what was read. */
export const TEST_ATTRIBUTE = 'data-roster-test';
/** Where the mark would go inside a row. */
export const TEST_ANCHOR_ATTRIBUTE = 'data-roster-test-anchor';

/**
 * Inserted with `scripting.insertCSS` (a page's CSP cannot block it, and it leaves the host's own
 * styles alone); it matches only what the tester marked, so a copy left behind matches nothing.
 */
export const TEST_CSS = `
[${TEST_ATTRIBUTE}="user"] { outline: 2px solid #0969da !important; outline-offset: -2px !important; }
[${TEST_ATTRIBUTE}="unread"] { outline: 2px dashed #cf222e !important; outline-offset: -2px !important; }
[${TEST_ANCHOR_ATTRIBUTE}] { background-color: rgb(26 127 55 / 22%) !important; }
`;

export const TesterRequestSchema = v.variant('type', [
  /** Checked again in the tab (its DOM decides which selectors are valid). */
  v.object({ type: v.literal('test'), profile: v.unknown() }),
]);

export const MAX_SAMPLE = 50;

const Text = v.pipe(v.string(), v.maxLength(1_000));

export const TesterRowSchema = v.object({
  /** 1-based, in page order. */
  index: v.number(),
  id: v.optional(Text),
  name: v.optional(Text),
});
export type TesterRow = v.InferOutput<typeof TesterRowSchema>;

export const TesterReplySchema = v.variant('type', [
  v.object({
    type: v.literal('result'),
    /** The tab's address when it was read. */
    url: v.string(),
    /** Elements the rows selector matched. */
    rows: v.number(),
    /** Rows an id or a name was read from. */
    users: v.number(),
    /** Copies of a row Element UI draws again for fixed columns: counted once. */
    duplicates: v.number(),
    /** Rows matched, but nothing read from them. */
    unread: v.number(),
    sample: v.pipe(v.array(TesterRowSchema), v.maxLength(MAX_SAMPLE)),
    /** More rows than the tester reads. */
    truncated: v.boolean(),
  }),
  /** The profile does not work in this page (e.g. a selector its DOM refuses). */
  v.object({ type: v.literal('refused'), field: v.string(), message: v.string() }),
]);
export type TesterReply = v.InferOutput<typeof TesterReplySchema>;
