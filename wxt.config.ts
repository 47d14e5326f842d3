import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Local origins the demo and test builds may use without asking: the reference server picks
// random ports in tests, and match patterns without a port cover them all.
const localOrigins = ['http://localhost/*', 'http://127.0.0.1/*'];
// Production asks for the host site's and the server's origins at run time, from a user gesture.
const anyOrigin = ['http://*/*', 'https://*/*'];

export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => {
    const demo = mode === 'demo';
    const firefox = browser === 'firefox';
    const common = {
      name: demo ? '__MSG_extName__ (demo)' : '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      permissions: ['storage', 'cookies', 'alarms', 'notifications'],
    };
    if (firefox) {
      // MV2: host patterns live in (optional_)permissions.
      return {
        ...common,
        permissions: [...common.permissions, ...(demo ? localOrigins : [])],
        optional_permissions: demo ? [] : anyOrigin,
        browser_specific_settings: { gecko: { id: 'roster@roster-presence.org', strict_min_version: '115.0' } },
      };
    }
    return {
      ...common,
      // Chrome's service worker has no audio: the optional ring plays in an offscreen document.
      permissions: [...common.permissions, 'offscreen'],
      minimum_chrome_version: '116',
      host_permissions: demo ? localOrigins : [],
      optional_host_permissions: demo ? [] : anyOrigin,
      storage: { managed_schema: 'managed_schema.json' },
    };
  },
});
