/**
 * A setting's default from the build (`.env.demo`'s WXT_DEFAULT_*): production builds define none,
 * so they ship with nothing configured.
 */
const env = import.meta.env as Record<string, string | undefined> | undefined;

export const fromEnv = (key: string): string => env?.[key] ?? '';
