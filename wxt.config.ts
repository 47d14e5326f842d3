import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Local origins the demo and test builds may use without asking: the reference server picks
// random ports in tests, and match patterns without a port cover them all.
const localOrigins = ['http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => {
    const demo = mode === 'demo';
    return {
      name: demo ? '__MSG_extName__ (demo)' : '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      minimum_chrome_version: '116',
      permissions: ['storage', 'cookies', 'alarms'],
      host_permissions: demo ? localOrigins : [],
      optional_host_permissions: demo ? [] : ['http://*/*', 'https://*/*'],
      ...(browser === 'firefox'
        ? {}
        : { storage: { managed_schema: 'managed_schema.json' } }),
    };
  },
});
