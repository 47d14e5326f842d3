import { createLogger } from '../../core/log';
import { offerPart } from '../part-shelf';
import type { CompileProfile } from './active-profiles';

const log = createLogger('profiles');

export interface ProfilesLoader {
  /** The compiler, once loaded. */
  readonly compile: CompileProfile | undefined;
  /** True once a load was tried and settled, whether or not it brought the compiler. */
  readonly tried: boolean;
  /** Asks the background for the compiler (`load`), once at a time; settles when that is over. */
  load(): Promise<void>;
}

/**
 * Custom site profiles (their selectors, extractors and patterns) are compiled by a part loaded
 * only into pages a custom profile applies to: most host pages use the built-ins alone.
 */
export function loadProfilesOnUse(load: () => Promise<unknown>, signal: AbortSignal): ProfilesLoader {
  let compile: CompileProfile | undefined;
  let tried = false;
  let loading: Promise<void> | undefined;
  offerPart('site-profiles', { started: (compiler) => (compile = compiler) }, () => !signal.aborted);
  return {
    get compile() {
      return compile;
    },
    get tried() {
      return tried;
    },
    load() {
      loading ??= load().then(
        () => {
          tried = true;
          loading = undefined;
        },
        (error: unknown) => {
          tried = true;
          loading = undefined;
          log.warn('could not load the custom site profiles; the built-in ones mark this page', error);
        },
      );
      return loading;
    },
  };
}
