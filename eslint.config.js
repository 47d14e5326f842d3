import noUnsanitized from 'eslint-plugin-no-unsanitized';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

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
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render data as text, never as HTML.' },
        { selector: "Property[key.name='dangerouslySetInnerHTML']", message: 'Render data as text, never as HTML.' },
      ],
      'no-console': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
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
