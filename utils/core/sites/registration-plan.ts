/** What to do about the content script's registration after settings or permissions changed. Pure. */
export interface RegistrationPlan {
  /** The patterns to register (empty: unregister), or `undefined` to leave the registration alone. */
  readonly register: readonly string[] | undefined;
  /** Newly covered patterns: their open tabs get the script now rather than on their next load. */
  readonly injectInto: readonly string[];
  /** Some pattern is no longer covered: open tabs are told, so marks there disappear. */
  readonly announce: boolean;
}

/**
 * @param current what is registered now
 * @param granted the configured patterns whose host permission is granted
 * @param reinject the extension was just installed or updated: scripts in open tabs are orphans
 */
export function planRegistration(
  current: readonly string[],
  granted: readonly string[],
  reinject: boolean,
): RegistrationPlan {
  const added = granted.filter((pattern) => !current.includes(pattern));
  const removed = current.filter((pattern) => !granted.includes(pattern));
  const unchanged = added.length === 0 && removed.length === 0;
  return {
    register: unchanged ? undefined : [...granted],
    injectInto: reinject ? [...granted] : added,
    announce: removed.length > 0,
  };
}

/** The registrations the browser is given for a set of patterns (see `splitForRegistration`). */
export interface RegistrationSplit {
  /** Patterns for one path of a site: web pages only, in every frame. */
  readonly paths: readonly string[];
  /**
   * Whole sites (`/*`): also the `about:blank`, `srcdoc` and `blob:` frames their pages fill by
   * script (`matchOriginAsFallback`, which browsers allow only for whole-site patterns).
   */
  readonly sites: readonly string[];
}

/**
 * Splits patterns for the two registrations. A path pattern of a site that is registered whole is
 * left out: both would inject into the same frame. Pure.
 */
export function splitForRegistration(patterns: readonly string[]): RegistrationSplit {
  const origin = (pattern: string) => /^[^:]+:\/\/[^/]+/.exec(pattern)?.[0] ?? pattern;
  const sites = patterns.filter(
    (pattern) => pattern.endsWith('/*') && pattern.indexOf('/', pattern.indexOf('://') + 3) === pattern.length - 2,
  );
  const whole = new Set(sites.map(origin));
  return { paths: patterns.filter((pattern) => !sites.includes(pattern) && !whole.has(origin(pattern))), sites };
}
