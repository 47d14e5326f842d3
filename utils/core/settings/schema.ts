import * as v from 'valibot';
import { LEGACY_HEARTBEAT } from '../protocol/schemas';
import { SitesSettingsSchema } from '../sites/settings-schema';
import { fromEnv } from './build-defaults';

/**
 * The settings, described once. Every field has a default, so a partial JSON (an import, a policy)
 * fills in the rest; unknown keys are refused so a typo like `serverURL` is caught, not ignored.
 * The demo build's defaults come from `.env.demo` (WXT_DEFAULT_*), so production builds ship with
 * nothing configured.
 */

const isUrlWith = (protocols: readonly string[]) => (text: string) => {
  if (text === '') return true;
  try {
    return protocols.includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

const WsUrl = v.pipe(v.string(), v.trim(), v.check(isUrlWith(['ws:', 'wss:']), 'must be a ws:// or wss:// URL'));
const HttpUrl = v.pipe(
  v.string(),
  v.trim(),
  v.check(isUrlWith(['http:', 'https:']), 'must be an http:// or https:// URL'),
);
const Name = v.pipe(v.string(), v.trim(), v.maxLength(200));
const Claims = v.pipe(v.array(v.pipe(v.string(), v.trim(), v.nonEmpty())), v.maxLength(20));
const JsonPaths = v.pipe(
  v.array(
    v.pipe(
      v.string(),
      v.trim(),
      v.regex(/^[^.\s]+(\.[^.\s]+)*$/, 'must be a dotted path such as data.user.id'),
      v.maxLength(200),
    ),
  ),
  v.maxLength(20),
);
/** An http(s) address, or a path on the sign-in site (`/api/user/info`). */
const HttpUrlOrPath = v.pipe(
  v.string(),
  v.trim(),
  v.check(
    (text) => (text.startsWith('/') ? !text.startsWith('//') : isUrlWith(['http:', 'https:'])(text)),
    'must be an http:// or https:// URL, or a path starting with /',
  ),
);
const whole = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

export const AuthSettingsSchema = v.strictObject({
  /** The host site whose cookie holds the token. */
  cookieUrl: v.optional(HttpUrl, () => fromEnv('WXT_DEFAULT_SITE_URL')),
  cookieName: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'), v.maxLength(200)), 'USERTOKEN'),
});

/** Where a host's JSON usually keeps the signed-in user (vue-element-admin, RuoYi, Vuex stores…). */
export const DEFAULT_ID_PATHS = [
  'data.id',
  'data.userId',
  'data.user.id',
  'data.user.userId',
  'user.id',
  'user.userId',
  'userInfo.id',
  'userInfo.userId',
  'id',
  'userId',
];
export const DEFAULT_NAME_PATHS = [
  'data.name',
  'data.userName',
  'data.nickName',
  'data.user.name',
  'data.user.userName',
  'data.user.nickName',
  'user.name',
  'user.userName',
  'user.nickName',
  'userInfo.name',
  'userInfo.userName',
  'userInfo.nickName',
  'name',
  'userName',
  'nickName',
];

/**
 * Who the signed-in user is. `auto` tries, in order: the token's JWT claims, the "who am I"
 * address, the host page (storage key or element), the ID typed below, and what the server taught
 * us; `manual` uses only the ID typed below.
 */
export const IdentitySettingsSchema = v.strictObject({
  mode: v.optional(v.picklist(['auto', 'manual']), 'auto'),
  userId: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(128)), ''),
  userName: v.optional(Name, ''),
  idClaims: v.optional(Claims, ['sub', 'userId', 'uid', 'nameid', 'id']),
  nameClaims: v.optional(Claims, ['name', 'userName', 'unique_name', 'preferred_username', 'given_name']),
  /** The host's "who am I" address (JSON, read with the host's cookies); empty: not used. */
  url: v.optional(HttpUrlOrPath, () => fromEnv('WXT_DEFAULT_IDENTITY_URL')),
  /** Dotted paths to the id and the name, in that JSON and in the page's stored JSON; first match wins. */
  idPaths: v.optional(JsonPaths, DEFAULT_ID_PATHS),
  namePaths: v.optional(JsonPaths, DEFAULT_NAME_PATHS),
  /** The host page's storage key holding the user as JSON (a persisted Vuex store: `vuex`); empty: not used. */
  pageKey: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), () => fromEnv('WXT_DEFAULT_IDENTITY_PAGE_KEY')),
  pageStorage: v.optional(v.picklist(['localStorage', 'sessionStorage']), 'localStorage'),
  /** An element of the host page that shows the user; empty: not used. */
  pageSelector: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500)), ''),
  /** The element's attribute holding the id (its text is the name); empty: the id is its text. */
  pageAttribute: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100)), ''),
  /** Learn the user from the server (a call's Receiver, the online lists) when nothing else says. */
  learn: v.optional(v.boolean(), true),
});

export const DEFAULT_MAX_FRAME_KIB = 2_048;

export const ConnectionSettingsSchema = v.strictObject({
  heartbeatSeconds: v.optional(whole(5, 300), 20),
  heartbeatPayload: v.optional(
    v.pipe(v.string(), v.nonEmpty('must not be empty'), v.maxLength(1024)),
    LEGACY_HEARTBEAT,
  ),
  unauthorizedCloseCodes: v.optional(v.pipe(v.array(whole(1000, 4999)), v.maxLength(20)), [4001, 4003, 1008]),
  /**
   * Frames above this are dropped unread (and a dropped online list is shown as a problem). The
   * default takes an online list of 20,000 users with names (about 1 MiB; see bench/core.ts).
   */
  maxFrameKiB: v.optional(whole(1, 16 * 1024), DEFAULT_MAX_FRAME_KIB),
  /** How calls write ids: `auto` as the server writes them (numbers stay numbers). */
  idType: v.optional(v.picklist(['auto', 'string', 'number']), 'auto'),
});

export const DirectorySettingsSchema = v.strictObject({
  /** The host system's user list (a JSON array), fetched with the host's cookies. Empty: none. */
  url: v.optional(HttpUrl, () => fromEnv('WXT_DEFAULT_DIRECTORY_URL')),
  idField: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty')), 'id'),
  nameField: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty')), 'name'),
  refreshMinutes: v.optional(whole(1, 24 * 60), 15),
});

export const NotificationSettingsSchema = v.strictObject({
  /** A system notification for each incoming call (flood-limited per caller). */
  system: v.optional(v.boolean(), true),
  /** Chrome keeps the notification on screen until it is dismissed. */
  keepUntilDismissed: v.optional(v.boolean(), true),
  sound: v.optional(v.boolean(), false),
  volume: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 0.6),
  /** Do not disturb: no notification, toast or sound; calls are still recorded, as missed. */
  doNotDisturb: v.optional(v.boolean(), false),
  /** A call nobody answers or dismisses within this time is missed. */
  ringTimeoutSeconds: v.optional(whole(5, 600), 60),
  /** How many calls the history keeps; the oldest go first. */
  historyLimit: v.optional(whole(10, 2_000), 200),
});

export const CallSettingsSchema = v.strictObject({
  /**
   * A call from a host page (or from the popup over one) carries that page's address and title, so
   * the callee can open it. Off: no address or title is ever sent; a typed note still is.
   */
  pageContext: v.optional(v.boolean(), true),
});

export const PresenceSettingsSchema = v.strictObject({
  /** `always`: online while the browser runs; `host-tab`: only while an admin page is open. */
  mode: v.optional(v.picklist(['always', 'host-tab']), 'always'),
  /** Shown as away in Roster after this long without input; 0 turns it off. */
  awayAfterMinutes: v.optional(whole(0, 240), 10),
});

export const SETTINGS_VERSION = 1;

export const SettingsSchema = v.strictObject({
  /** Lets an exported file say which format it is; always the current one once parsed. */
  version: v.optional(v.literal(SETTINGS_VERSION), SETTINGS_VERSION),
  serverUrl: v.optional(WsUrl, () => fromEnv('WXT_DEFAULT_SERVER_URL')),
  auth: v.optional(AuthSettingsSchema, {}),
  identity: v.optional(IdentitySettingsSchema, {}),
  connection: v.optional(ConnectionSettingsSchema, {}),
  directory: v.optional(DirectorySettingsSchema, {}),
  notifications: v.optional(NotificationSettingsSchema, {}),
  calls: v.optional(CallSettingsSchema, {}),
  sites: v.optional(SitesSettingsSchema, {}),
  presence: v.optional(PresenceSettingsSchema, {}),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type AuthSettings = Settings['auth'];
export type IdentitySettings = Settings['identity'];
export type DirectorySettings = Settings['directory'];
export type NotificationSettings = Settings['notifications'];
export type PresenceSettings = Settings['presence'];
export type CallSettings = Settings['calls'];
