import { cookieTokenSource, type CookieApi } from '../auth/cookie-token';
import type { Timers } from '../../core/timers';
import { asName, asUserId, type NamedId } from '../../core/identity/identity-json';
import { identityUrl } from '../../core/identity/identity-url';
import { chooseMe, readJwtIdentity, settingsIdentity, type IdentityReadings } from '../../core/identity/me';
import { pageIdentityConfig, type PageIdentityConfig, type PageReading } from '../../core/identity/page-reading';
import type { SourceState } from '../../core/identity/status';
import { fetchWhoAmI } from '../../core/identity/who-am-i';
import { requiredOrigins } from '../../core/settings/origins';
import type { IdentityProbeRequest, IdentityProbeResult } from '../../core/messages/options-background-probes';

export interface IdentityProbeDeps {
  readonly cookies: CookieApi;
  readonly fetch: typeof fetch;
  readonly timers: Timers;
  readonly missingOrigins: (origins: readonly string[]) => Promise<string[]>;
  /** Reads the page source in the open host tabs, with the settings being tested. */
  readonly readPages: (config: PageIdentityConfig) => Promise<PageReading[]>;
  /** What the server has shown about the current sign-in (the live connection's learning). */
  readonly learnedNow: () => Promise<SourceState>;
}

/**
 * "Test" of who I am: every source tried with the settings as edited (not yet saved), the way the
 * background tries them, and the winner named. The token stays in the background.
 */
export async function probeIdentity(
  request: IdentityProbeRequest,
  deps: IdentityProbeDeps,
  signal: AbortSignal,
): Promise<IdentityProbeResult> {
  const { auth, identity } = request;
  if (!auth.cookieUrl) return { outcome: 'not-configured' };
  const missing = await deps.missingOrigins(requiredOrigins({ serverUrl: '', auth, directory: { url: '' }, identity }));
  if (missing.length > 0) return { outcome: 'no-permission', origins: missing };
  const token = await cookieTokenSource(auth, deps.cookies)
    .read()
    .catch(() => undefined);
  const manual = identity.mode === 'manual';
  const off: SourceState = { state: 'off' };
  const readings: { -readonly [K in keyof IdentityReadings]: IdentityReadings[K] } = {};

  const jwt = manual ? undefined : readJwtIdentity(token, identity);
  if (jwt) readings.jwt = jwt;
  const url = identityUrl(identity.url, auth.cookieUrl);
  const [urlState, pageState, learnedState] = await Promise.all([
    !url || manual
      ? off
      : !token
        ? waiting
        : fetchWhoAmI(url, identity, deps, signal).then((result): SourceState => {
            if (!result.ok)
              return {
                state: 'failed',
                problem: result.problem,
                detail: result.detail.slice(0, 500),
                ...(result.status ? { status: result.status } : {}),
              };
            readings.url = result.user;
            return found(result.user);
          }),
    readPageSource(pageIdentityConfig(identity), deps).then((state) => {
      if (state.state === 'found')
        readings.page = { id: state.id, name: state.name, spot: state.spot ?? 'localStorage' };
      return state;
    }),
    !identity.learn || manual ? off : deps.learnedNow(),
  ]);
  if (learnedState.state === 'found') readings.learned = { id: learnedState.id, name: learnedState.name };
  const typed = settingsIdentity(identity);
  const me = chooseMe(readings, identity);
  return {
    outcome: 'identity',
    signedIn: token !== undefined,
    me: me ?? null,
    sources: {
      jwt: manual ? off : jwt ? found(jwt) : token ? { state: 'failed', problem: 'not-jwt' } : waiting,
      url: urlState,
      page: pageState,
      settings: typed ? found(typed) : identity.userId ? { state: 'failed', problem: 'bad-id' } : off,
      learned: learnedState,
    },
  };
}

const waiting: SourceState = { state: 'waiting' };
const found = (user: NamedId): SourceState => ({ state: 'found', id: user.id, name: user.name });

/** The first tab that names someone wins; otherwise the first problem a tab reported. */
async function readPageSource(config: PageIdentityConfig | null, deps: IdentityProbeDeps): Promise<SourceState> {
  if (!config) return { state: 'off' };
  const readings = await deps.readPages(config).catch((): PageReading[] => []);
  for (const reading of readings) {
    const id = reading.ok ? asUserId(reading.id) : undefined;
    if (reading.ok && id !== undefined)
      return { state: 'found', id, name: asName(reading.name) ?? '', spot: reading.spot };
  }
  for (const reading of readings)
    if (!reading.ok) return { state: 'failed', problem: reading.problem, spot: reading.spot };
  return readings.length > 0 ? { state: 'failed', problem: 'bad-id' } : waiting;
}
