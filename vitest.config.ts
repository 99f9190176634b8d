import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // `npm test` stays browser-free: the browser tests run in `npm run test:browser`.
    exclude: ['test/browser/**', '**/node_modules/**'],
  },
});
