import type { NamedId } from '../../utils/core/identity/identity-json';
import { hashToken } from '../../utils/background/identity/token-hash';
import type { RosterDeps } from '../../utils/background/service/deps';

/** The identity side of RosterDeps: the real token hash, and learned identities kept in memory. */
export function fakeIdentityDeps() {
  const learned = new Map<string, NamedId>();
  const deps: Pick<RosterDeps, 'hashToken' | 'learned'> = {
    hashToken,
    learned: {
      get: (hash) => Promise.resolve(learned.get(hash)),
      set: (hash, user) => {
        learned.set(hash, user);
        return Promise.resolve();
      },
    },
  };
  return { deps, learned };
}
