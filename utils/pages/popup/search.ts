import type { UserId } from '../../core/protocol/schemas';
import type { Initials } from './pinyin';

/**
 * Text as the search compares it: compatibility forms folded (full-width "Ａｌｉｃｅ" is "alice"),
 * accents dropped ("chloe" finds "Chloé"), lower case. Han characters are left as they are.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a query; every one must be found for a person to match. */
export function queryTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/u)
    .filter((term) => term !== '');
}

/**
 * One string per person holding what a query may match: the name, the id and the pinyin initials.
 * Newlines keep one term from matching across two of them.
 */
export function searchKey(id: UserId, name: string, initials: Initials): string {
  return `${foldForSearch(name)}\n${foldForSearch(id)}\n${initials(name)}`;
}

export function matchesTerms(key: string, terms: readonly string[]): boolean {
  for (const term of terms) if (!key.includes(term)) return false;
  return true;
}

/**
 * Search keys kept between renders: a presence change or a keystroke reuses every key already
 * built, so only new people (or renamed ones) cost anything.
 */
export class SearchIndex {
  readonly #keys = new Map<UserId, { readonly name: string; readonly key: string }>();
  readonly #initials: Initials;

  constructor(initials: Initials) {
    this.#initials = initials;
  }

  keyOf(id: UserId, name: string): string {
    const known = this.#keys.get(id);
    if (known?.name === name) return known.key;
    const key = searchKey(id, name, this.#initials);
    this.#keys.set(id, { name, key });
    return key;
  }

  /** Builds the keys ahead of the first keystroke (called when the browser is idle). */
  warm(people: readonly { readonly id: UserId; readonly name: string }[]): void {
    for (const person of people) this.keyOf(person.id, person.name);
  }

  filter<P extends { readonly id: UserId; readonly name: string }>(
    people: readonly P[],
    terms: readonly string[],
  ): readonly P[] {
    if (terms.length === 0) return people;
    return people.filter((person) => matchesTerms(this.keyOf(person.id, person.name), terms));
  }
}
