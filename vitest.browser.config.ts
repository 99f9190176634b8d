import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the tests that drive a real browser (test/browser/_chromium.ts).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    // Starting Chromium takes seconds on a busy machine: a guard against a hang, never a clock.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
