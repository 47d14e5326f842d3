import type { IdentitySource, Me } from '../../core/identity/me';
import type { SourceState } from '../../core/identity/status';
import type { Ambiguity } from '../../core/identity/server-evidence';
import type { MessageKey } from '../../extension/i18n';

/** A sentence: its key, substitutions and tone (words come from `t` in the component). Pure. */
export interface IdentityWords {
  readonly key: MessageKey;
  readonly substitutions: readonly (string | number)[];
  readonly tone: 'ok' | 'busy' | 'problem' | 'muted';
}

const words = (key: MessageKey, tone: IdentityWords['tone'], ...substitutions: (string | number)[]): IdentityWords => ({
  key,
  tone,
  substitutions,
});

export const sourceLabel: Record<IdentitySource, MessageKey> = {
  jwt: 'identityLabelJwt',
  url: 'identityLabelUrl',
  page: 'identityLabelPage',
  settings: 'identityLabelSettings',
  learned: 'identityLabelLearned',
};

/** "read from the page's local storage": where `me` came from. */
export function fromWords(me: Pick<Me, 'source' | 'spot'>): MessageKey {
  switch (me.source) {
    case 'jwt':
      return 'identityFromJwt';
    case 'url':
      return 'identityFromUrl';
    case 'page':
      return me.spot === 'sessionStorage'
        ? 'identityFromSessionStorage'
        : me.spot === 'element'
          ? 'identityFromElement'
          : 'identityFromLocalStorage';
    case 'settings':
      return 'identityFromSettings';
    case 'learned':
      return 'identityFromLearned';
  }
}

/**
 * The headline: "You are 章三 (ID 1), read from the page's local storage." `name` is the name to
 * show (the source's, else the directory's); `from` is the source phrase already in words.
 */
export function youAreWords(me: Me | null, signedIn: boolean, name: string, from: string): IdentityWords {
  if (!me) return signedIn ? words('identityUnknown', 'problem') : words('identitySignedOut', 'busy');
  return name ? words('identityYouAre', 'ok', name, me.id, from) : words('identityYouAreId', 'ok', me.id, from);
}

const problemKey: Record<Extract<SourceState, { state: 'failed' }>['problem'], MessageKey> = {
  'not-jwt': 'identityProblemNotJwt',
  http: 'identityProblemHttp',
  redirected: 'identityProblemRedirected',
  'not-json': 'identityProblemNotJson',
  'too-large': 'identityProblemTooLarge',
  timeout: 'identityProblemTimeout',
  network: 'identityProblemNetwork',
  'no-id': 'identityProblemNoId',
  'not-found': 'identityProblemNotFound',
  blocked: 'identityProblemBlocked',
  'bad-selector': 'identityProblemBadSelector',
  unstable: 'identityProblemUnstable',
  'not-in-lists': 'identityProblemNotInLists',
  'bad-id': 'identityProblemBadId',
};

/** One source's line: "“Who am I” address: the address answered HTTP 404". */
export function sourceWords(source: IdentitySource, state: SourceState, ambiguity?: Ambiguity): IdentityWords {
  switch (state.state) {
    case 'off':
      return words('identityStateOff', 'muted');
    case 'unused':
      return words('identityStateUnused', 'muted');
    case 'found':
      return state.name
        ? words('identityStateFound', 'ok', state.name, state.id)
        : words('identityStateFoundId', 'ok', state.id);
    case 'waiting':
      if (source === 'learned' && ambiguity) return ambiguityWords(ambiguity);
      return words(source === 'page' ? 'identityStateWaitingPage' : 'identityStateWaiting', 'busy');
    case 'failed': {
      if (state.problem === 'http' && (state.status === 401 || state.status === 403))
        return words('identityProblemSignedOut', 'problem', state.status);
      // Most hosts sign in with opaque tokens: that the token names nobody is a fact, not a fault.
      if (state.problem === 'not-jwt') return words('identityProblemNotJwt', 'muted');
      return words(problemKey[state.problem], 'problem', ...(state.problem === 'http' ? [state.status ?? 0] : []));
    }
  }
}

function ambiguityWords(ambiguity: Ambiguity): IdentityWords {
  switch (ambiguity.why) {
    case 'no-list':
      return words('identityAmbiguousNoList', 'busy');
    case 'several':
      return words('identityAmbiguousSeveral', 'busy', ambiguity.count);
    case 'lists-omit-me':
      return words('identityAmbiguousOmit', 'muted');
  }
}
