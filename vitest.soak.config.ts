import { defineConfig } from 'vitest/config';

/**
 * The soak (`npm run test:soak`): minutes long, so never part of `npm test`, whose projects include
 * only `*.test.ts(x)` files under tests/unit, tests/integration and tests/e2e.
 */
export default defineConfig({
  test: {
    include: ['tests/soak/**/*.soak.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    hookTimeout: 120_000,
  },
});
