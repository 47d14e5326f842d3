import type { UserId } from '../protocol/schemas';
import type { IdentitySettings } from '../settings/schema';
import { asName, asUserId, type NamedId } from './identity-json';
import { readJwtClaims } from './jwt';

/**
 * Where the user's identity came from, in the order `auto` tries them: the token's claims, the
 * host's "who am I" address, the host page, the ID typed in the settings, what the server showed.
 */
export const identitySources = ['jwt', 'url', 'page', 'settings', 'learned'] as const;
export type IdentitySource = (typeof identitySources)[number];

/** Where on the host page the identity was read. */
export const PAGE_SPOTS = ['localStorage', 'sessionStorage', 'element'] as const;
export type PageSpot = (typeof PAGE_SPOTS)[number];

export interface Me {
  readonly id: UserId;
  /** Empty when no source names me (views fall back to the directory, then the id). */
  readonly name: string;
  readonly source: IdentitySource;
  /** For `page`: where on the page. */
  readonly spot?: PageSpot;
}

/** What each source says now, for the current token; a source with nothing to say is absent. */
export interface IdentityReadings {
  readonly jwt?: NamedId;
  readonly url?: NamedId;
  readonly page?: NamedId & { readonly spot: PageSpot };
  readonly learned?: NamedId;
}

/** The token's JWT claims, when it is a JWT with an id claim. Pure. */
export function readJwtIdentity(
  token: string | undefined,
  identity: Pick<IdentitySettings, 'idClaims' | 'nameClaims'>,
): NamedId | undefined {
  const claims = token ? readJwtClaims(token) : undefined;
  if (!claims) return undefined;
  const id = firstClaim(claims, identity.idClaims, asUserId);
  return id === undefined ? undefined : { id, name: firstClaim(claims, identity.nameClaims, asName) ?? '' };
}

/** The ID typed in the settings, when there is one. Pure. */
export function settingsIdentity(identity: Pick<IdentitySettings, 'userId' | 'userName'>): NamedId | undefined {
  const id = asUserId(identity.userId);
  return id === undefined ? undefined : { id, name: identity.userName };
}

/**
 * Who I am: in `manual` mode the typed ID only; in `auto` the first source that names me, in the
 * documented order. What the server taught us comes last: it never overrides a configured source.
 * A source without a name borrows the typed name when the typed ID is the same person (or unset). Pure.
 */
export function chooseMe(readings: IdentityReadings, identity: IdentitySettings): Me | undefined {
  const typed = settingsIdentity(identity);
  if (identity.mode === 'manual') return typed && { ...typed, source: 'settings' };
  const all: Partial<Record<IdentitySource, NamedId & { readonly spot?: PageSpot }>> = {
    ...readings,
    ...(typed ? { settings: typed } : {}),
  };
  if (!identity.learn) delete all.learned;
  for (const source of identitySources) {
    const found = all[source];
    if (!found) continue;
    const borrowed = !found.name && (identity.userId === '' || identity.userId === found.id) ? identity.userName : '';
    return { id: found.id, name: found.name || borrowed, source, ...(found.spot ? { spot: found.spot } : {}) };
  }
  return undefined;
}

function firstClaim<T>(
  claims: Record<string, unknown>,
  names: readonly string[],
  check: (value: unknown) => T | undefined,
): T | undefined {
  for (const name of names) {
    const value = Object.hasOwn(claims, name) ? check(claims[name]) : undefined;
    if (value !== undefined) return value;
  }
  return undefined;
}
