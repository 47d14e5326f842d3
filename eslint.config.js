import noUnsanitized from 'eslint-plugin-no-unsanitized';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * Where code runs decides what it may import (README, "How it fits together"). The folder names
 * are the runtimes: `core` runs anywhere, `extension` in any extension context, the others in one.
 */
const runtimes = ['core', 'extension', 'background', 'content', 'pages'];
const folder = (name) => ({
  regex: `(^|/)(utils/)?${name}/`,
  message: `${name}/ is another runtime's code: share through utils/core/ or a message (utils/core/messages/).`,
});
const views = { regex: '(^|/)components/', message: 'utils/ does not draw: only a mount module renders a view.' };
const browserApis = {
  regex: '^(wxt|@wxt-dev|preact)(/|$)',
  message: 'utils/core/ uses no browser API and no view: inject it.',
};
const zone = (files, forbidden, extra = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [...forbidden.map(folder), ...extra] }] },
});
const others = (...allowed) => runtimes.filter((name) => !allowed.includes(name));

export default defineConfig(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'bench/results/'] },
  ...tseslint.configs.strictTypeChecked,
  noUnsanitized.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Markup from data is how the recipe got its XSS hole: Preact's escape hatch is banned too.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render data as text, never as HTML.',
        },
        { selector: "Property[key.name='dangerouslySetInnerHTML']", message: 'Render data as text, never as HTML.' },
      ],
      'no-console': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  zone(['utils/core/**'], others('core'), [views, browserApis]),
  {
    files: ['utils/core/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'browser',
          'chrome',
          'document',
          'window',
          'navigator',
          'location',
          'localStorage',
          'sessionStorage',
          'indexedDB',
        ].map((name) => ({
          name,
          message: 'utils/core/ runs anywhere: take what it needs of the browser as a parameter.',
        })),
      ],
    },
  },
  zone(['utils/extension/**'], others('core', 'extension'), [views]),
  zone(['utils/background/**', 'entrypoints/background.ts'], others('core', 'extension', 'background'), [views]),
  zone(
    ['utils/content/**', 'entrypoints/content.ts', 'entrypoints/profile-tester.ts'],
    others('core', 'extension', 'content'),
    [views],
  ),
  zone(['utils/pages/**', 'entrypoints/popup/**', 'entrypoints/options/**'], others('core', 'extension', 'pages'), [
    views,
  ]),
  zone(['entrypoints/popup/**', 'entrypoints/options/**'], others('core', 'extension', 'pages')),
  zone(['entrypoints/offscreen/**'], others('core', 'extension'), [views]),
  zone(['components/**'], others('core', 'extension', 'pages')),
  // Plain scripts (this config, the demo page's browser script) are linted without type information.
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    // The demo host page is ES5 in the style of the Vue 2 apps it imitates.
    files: ['dev/demo-page/**/*.js'],
    rules: { '@typescript-eslint/no-this-alias': 'off' },
  },
  {
    // The logger is the one place that writes to the console; dev tools and tests may print.
    files: ['utils/core/log.ts', 'dev/**', 'bench/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
