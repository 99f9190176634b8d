import type { RunnerTestCase, RunnerTestFile } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

/**
 * A vitest reporter for mutation runs only: a test file that fails to load becomes one failed
 * test carrying the load error.
 *
 * Stryker's vitest runner (9.6.1) builds a mutant's result from the tests vitest collected, and
 * a file whose import throws collects none. So a mutant that breaks a module as it loads (a
 * policy compiled by `definePolicy` when a test file imports it, say) would count as survived
 * although the suite cannot even run: stryker-js issue #6150. This reporter runs before
 * Stryker reads the results and gives such a file the failed test it should have had.
 */
export default class UnloadableFileAsFailedTest implements Reporter {
  #vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
  }

  onTestRunEnd(): void {
    for (const file of this.#vitest?.state.getFiles() ?? []) {
      if (file.result?.state === 'fail' && file.tasks.length === 0) file.tasks.push(failedLoad(file));
    }
  }
}

function failedLoad(file: RunnerTestFile): RunnerTestCase {
  const name = 'loads';
  const test: Omit<RunnerTestCase, 'context'> = {
    type: 'test',
    id: `${file.id}_load`,
    name,
    fullName: `${file.name} ${name}`,
    fullTestName: name,
    mode: 'run',
    meta: {},
    file,
    suite: file,
    result: { state: 'fail', errors: file.result?.errors ?? [] },
    timeout: 0,
    annotations: [],
    artifacts: [],
  };
  // A test's context is made by vitest as the test runs; a finished run's report never reads it.
  return test as RunnerTestCase;
}
