import { defineConfig } from 'vitest/config';

// The suite Stryker runs for each mutant: everything but the CLI's tests, which drive a
// subprocess on the unmutated sources or test CLI code that is not mutated, and so could
// never kill a mutant.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/cli*.test.ts', 'test/hostileInput.cli-*.test.ts', 'test/browser/**'],
    // Each mutant reruns the property tests that cover it; fewer generated cases keep a run
    // under the hour, and a wrong rule fails on the first few cases anyway.
    env: { HUZHU_PROPERTY_RUNS: '20' },
    // A mutant that stops a test file from loading must count as killed, not survived.
    reporters: ['default', './test/mutation/unloadableFileAsFailedTest.ts'],
  },
});
