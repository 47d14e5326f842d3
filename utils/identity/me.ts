import * as v from 'valibot';
import { UserIdSchema, type UserId } from '../protocol/schemas';
import type { IdentitySettings } from '../settings/schema';
import { readJwtClaims } from './jwt';

export interface Me {
  readonly id: UserId;
  /** Empty when neither the token nor the settings name me. */
  readonly name: string;
  readonly source: 'jwt' | 'settings';
}

/** Who I am: the token's claims in `auto` mode, else (or failing that) the settings. */
export function resolveMe(token: string | undefined, identity: IdentitySettings): Me | undefined {
  if (identity.mode === 'auto' && token) {
    const claims = readJwtClaims(token);
    const id = claims && firstClaim(claims, identity.idClaims, (value) => v.safeParse(UserIdSchema, value));
    if (claims && id) {
      const name = firstClaim(claims, identity.nameClaims, (value) =>
        typeof value === 'string' && value.trim() ? { success: true, output: value.trim() } : { success: false },
      );
      return { id, name: name ?? identity.userName, source: 'jwt' };
    }
  }
  const manual = v.safeParse(UserIdSchema, identity.userId);
  return manual.success ? { id: manual.output, name: identity.userName, source: 'settings' } : undefined;
}

type Check<T> = (value: unknown) => { success: true; output: T } | { success: false };

function firstClaim<T>(claims: Record<string, unknown>, names: readonly string[], check: Check<T>): T | undefined {
  for (const name of names) {
    const result = check(claims[name]);
    if (result.success) return result.output;
  }
  return undefined;
}
