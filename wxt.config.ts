import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';

// Local origins the demo and test builds may use without asking: the reference server picks
// random ports in tests, and match patterns without a port cover them all.
const localOrigins = ['http://localhost/*', 'http://127.0.0.1/*'];
// Production asks for the host site's and the server's origins at run time, from a user gesture.
const anyOrigin = ['http://*/*', 'https://*/*'];
/**
 * The demo/test build's public key: it pins the Chrome extension id to
 * `nehbojjjlciiofmcpheindobdgmmddph` wherever the folder is loaded from, so a policy file (README,
 * "Deploying by policy") can name it. The private key was thrown away: nothing is ever signed with
 * it. Production builds carry no `key` (the Chrome Web Store refuses one); their id is the store's,
 * or the one of the .pem a company packs its own build with.
 */
const DEMO_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxCQRTVR4mXVrd9WXWeMGqqgH8rvzLdUrAoEVWR3xLgnT4drG11Ux/kuKVrO9F9NDomf+jFB6L4i+OMzkCJSSUuNmuA8Y4U4ZdGg0HuvH6mXH9BazoA5s3KesjssS5+wLfTL+uStfvEfDYv1nfPZZI4V+N87dKJky4sqoABrXmTvJq2K1PE3MKX/YrrmCX8EXpYjHxHflxHMTE8HwFPWdXwnj5udFTek0Atx6VLN7VIB3DD6NtqHkPVYDpg7hC9Rr/DJKXkakT/+sJU1RSwe9Olp/1R2pouXCr3NE8FWQUNu9/w2BrDC4ts8HucIwkh4SV2wPIkBZWbNgMBmx4du6IQIDAQAB';

/** The scripts that run in host pages: the content script and the parts it loads later. */
const HOST_PAGE_SCRIPTS =
  /entrypoints\/(content|call-toasts|hover-card|site-profiles|shadow-styles|page-identity)\.ts$/;

/**
 * Terser, not esbuild, for what host pages load: about 6% smaller gzipped, and every host page and
 * frame loads the content script (README, "Bundle sizes"). Only there: it is slower to run, and the
 * extension's own pages gain little. WXT builds each of these scripts on its own, in library mode.
 */
function terserForHostPages(): Plugin {
  return {
    name: 'roster:terser-for-host-pages',
    config(config) {
      const entry = config.build?.lib ? config.build.lib.entry : undefined;
      const paths = typeof entry === 'string' ? [entry] : Object.values(entry ?? {});
      if (!paths.some((path) => HOST_PAGE_SCRIPTS.test(path))) return undefined;
      // ROSTER_UNMINIFIED=1 keeps names readable, for CPU profiles of the content script.
      if (process.env.ROSTER_UNMINIFIED) return { build: { minify: false } };
      return { build: { minify: 'terser', terserOptions: { compress: { passes: 3 } } } };
    },
  };
}

export default defineConfig({
  imports: false,
  zip: {
    // The AMO sources zip holds what rebuilds the extension (README, "Firefox"): the reference
    // server, demo page, tests and benchmarks are not part of the add-on.
    excludeSources: ['dev/**', 'tests/**', 'bench/**', 'vitest.config.ts'],
  },
  vite: () => ({ plugins: [preact(), terserForHostPages()] }),
  manifest: ({ browser, mode }) => {
    const demo = mode === 'demo';
    const firefox = browser === 'firefox';
    const common = {
      name: demo ? '__MSG_extName__ (demo)' : '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      permissions: ['storage', 'cookies', 'alarms', 'notifications', 'scripting', 'idle'],
    };
    // One key to the popup. People change it where the browser keeps shortcuts (README, "The popup").
    const openPopup = { suggested_key: { default: 'Alt+Shift+R' } };
    if (firefox) {
      // MV2: host patterns live in (optional_)permissions.
      return {
        ...common,
        commands: { _execute_browser_action: openPopup },
        permissions: [...common.permissions, ...(demo ? localOrigins : [])],
        optional_permissions: demo ? [] : anyOrigin,
        browser_specific_settings: {
          gecko: {
            id: 'roster@roster-presence.org',
            // 140 (desktop ESR) is the first Firefox that knows `data_collection_permissions`;
            // older ones refuse the manifest. The code needs 124+ anyway (`AbortSignal.any`).
            strict_min_version: '140.0',
            // Roster talks only to the organisation's own server, which the user configures:
            // nothing is sent to its authors or any third party.
            data_collection_permissions: { required: ['none'] },
          },
          // Firefox for Android learnt `data_collection_permissions` in 142. Android is not a
          // tested target, but the key must not claim versions that would reject the manifest.
          gecko_android: { strict_min_version: '142.0' },
        },
      };
    }
    return {
      ...common,
      commands: { _execute_action: openPopup },
      // Chrome's service worker has no audio: the optional ring plays in an offscreen document.
      permissions: [...common.permissions, 'offscreen'],
      // 119: registered content scripts take matchOriginAsFallback (host pages in about:blank frames).
      minimum_chrome_version: '119',
      host_permissions: demo ? localOrigins : [],
      optional_host_permissions: demo ? [] : anyOrigin,
      storage: { managed_schema: 'managed_schema.json' },
      ...(demo ? { key: DEMO_KEY } : {}),
    };
  },
});
