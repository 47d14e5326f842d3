/**
 * Site-profile patterns run on host text in every host page, and JavaScript cannot stop a regular
 * expression once it runs: `^(\w+\s?)+$` took 1–3 s on a 26-character cell. A time budget would
 * only notice after the page froze, so patterns are held to a subset whose work is bounded before
 * they ever run, checked where settings are validated (options page, tester, policy, import):
 *
 * - no backreferences (`\1`, `\k<name>`): matching with them has no good bound at all;
 * - nothing repeated that itself repeats or branches (`(\w+\s?)+`, `(a|ab)*`): the exponential case;
 * - the ways the rest can split a text are counted (each repetition as many ways as a text has
 *   characters, each `?` or `{n,m}` as its range, each `|` as its branches, an unanchored pattern
 *   once per starting point) and kept under `PATTERN_INPUT_LIMIT`³. That bounds the polynomial
 *   cases (`\w*\w*\w*x` is quartic), given that patterns only read texts of at most
 *   `PATTERN_INPUT_LIMIT` characters: about 3 ms for the worst pattern allowed on the worst text.
 *
 * Pure; parses the pattern as `new RegExp(pattern)` (no flags) reads it.
 */

export type PatternProblem = 'backreference' | 'nested-repeat' | 'too-costly';

/** Patterns read texts up to this long; a longer cell or link is not read by a pattern at all. */
export const PATTERN_INPUT_LIMIT = 256;
const COST_LIMIT = PATTERN_INPUT_LIMIT ** 3;

/** The English wording of each problem, as validation reports it (the options page translates it). */
export const patternProblemMessages: Readonly<Record<PatternProblem, string>> = {
  backreference: 'uses a backreference, which Roster does not run',
  'nested-repeat': 'repeats a group that itself repeats or branches, which can take seconds on one cell',
  'too-costly': 'has too many repetitions to run on every cell',
};

/** Why `pattern` may not run on host text, or `undefined` when its work is bounded (or it is no pattern at all). */
export function patternProblem(pattern: string): PatternProblem | undefined {
  try {
    new RegExp(pattern);
  } catch {
    return undefined; // Not a pattern: validation says so in its own words.
  }
  try {
    const alternatives = new PatternReader(pattern).pattern();
    const cost = alternatives.reduce(
      (sum, branch) => sum + branch.ways * (branch.anchored ? 1 : PATTERN_INPUT_LIMIT),
      0,
    );
    return cost > COST_LIMIT ? 'too-costly' : undefined;
  } catch (error) {
    if (error instanceof Refused) return error.problem;
    throw error;
  }
}

class Refused extends Error {
  constructor(readonly problem: PatternProblem) {
    super(problem);
  }
}

interface Branch {
  /** How many ways the branch can match from one starting point, at most (capped at the limit). */
  readonly ways: number;
  /** It starts with `^`: tried from the first character only. */
  readonly anchored: boolean;
}

const QUANTIFIER = /^\{(\d+)(?:(,)(\d*))?\}/;
const cap = (ways: number) => Math.min(ways, COST_LIMIT + 1);

/** A recursive-descent reading of the pattern that counts, and refuses, as it goes. */
class PatternReader {
  readonly #text: string;
  #at = 0;

  constructor(text: string) {
    this.#text = text;
  }

  /** The whole pattern: its top-level branches. */
  pattern(): Branch[] {
    const branches = [this.#branch()];
    while (this.#text[this.#at] === '|') {
      this.#at++;
      branches.push(this.#branch());
    }
    return branches;
  }

  /** Ways through a group's content: the sum over its branches. */
  #disjunction(): number {
    let ways = this.#branch().ways;
    while (this.#text[this.#at] === '|') {
      this.#at++;
      ways = cap(ways + this.#branch().ways);
    }
    return ways;
  }

  #branch(): Branch {
    const anchored = this.#text[this.#at] === '^';
    let ways = 1;
    while (this.#at < this.#text.length && this.#text[this.#at] !== '|' && this.#text[this.#at] !== ')')
      ways = cap(ways * this.#term());
    return { ways, anchored };
  }

  /** One atom and its quantifier: the ways it can match. */
  #term(): number {
    const inner = this.#atom();
    const repeat = this.#quantifier();
    if (!repeat) return inner;
    const [min, max] = repeat;
    if (inner > 1 && max > 1) throw new Refused('nested-repeat');
    if (max === min) return inner;
    return cap(Math.min(max - min + 1, PATTERN_INPUT_LIMIT));
  }

  #atom(): number {
    const char = this.#text[this.#at++];
    switch (char) {
      case '\\':
        return this.#escape();
      case '[':
        this.#skipClass();
        return 1;
      case '(': {
        this.#groupOpening();
        const ways = this.#disjunction();
        this.#at++; // ')'
        return ways;
      }
      default:
        return 1;
    }
  }

  #escape(): number {
    const char = this.#text[this.#at++] ?? '';
    if (/[1-9]/.test(char) || (char === 'k' && this.#text[this.#at] === '<')) throw new Refused('backreference');
    return 1;
  }

  /** `[...]`: in this syntax a `]` right after `[` or `[^` closes an empty class. */
  #skipClass(): void {
    if (this.#text[this.#at] === '^') this.#at++;
    while (this.#at < this.#text.length && this.#text[this.#at] !== ']')
      this.#at += this.#text[this.#at] === '\\' ? 2 : 1;
    this.#at++;
  }

  /** After `(`: a capture, `(?:`, a lookaround, a named group or a modifier group. */
  #groupOpening(): void {
    if (this.#text[this.#at] !== '?') return;
    const opening = /^\?(?::|=|!|<=|<!|<[^>]*>|[a-z-]*:)/.exec(this.#text.slice(this.#at));
    this.#at += opening ? opening[0].length : 1;
  }

  /** `[min, max]` of a quantifier here (max `Infinity` when open), or `undefined`. */
  #quantifier(): readonly [number, number] | undefined {
    const char = this.#text[this.#at];
    let repeat: readonly [number, number] | undefined;
    if (char === '*') repeat = [0, Infinity];
    else if (char === '+') repeat = [1, Infinity];
    else if (char === '?') repeat = [0, 1];
    if (repeat) this.#at++;
    else {
      const braces = char === '{' ? QUANTIFIER.exec(this.#text.slice(this.#at)) : null;
      if (!braces) return undefined;
      this.#at += braces[0].length;
      const min = Number(braces[1]);
      repeat = [min, braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity];
    }
    if (this.#text[this.#at] === '?') this.#at++; // lazy: the same ways, in another order
    return repeat;
  }
}
