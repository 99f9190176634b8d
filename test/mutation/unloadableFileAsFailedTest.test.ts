import { describe, expect, it } from 'vitest';
import type { RunnerTestFile } from 'vitest';
import type { Vitest } from 'vitest/node';
import UnloadableFileAsFailedTest from './unloadableFileAsFailedTest';

// Just the parts of a finished run's files the reporter reads and Stryker then reads.
function file(name: string, state: 'pass' | 'fail', tasks: unknown[] = []): RunnerTestFile {
  return { id: name, name, filepath: `/repo/${name}`, tasks, result: { state, errors: state === 'fail' ? [{ message: 'boom on import' }] : [] } } as never;
}

function report(files: RunnerTestFile[]): RunnerTestFile[] {
  const reporter = new UnloadableFileAsFailedTest();
  reporter.onInit({ state: { getFiles: () => files } } as unknown as Vitest);
  reporter.onTestRunEnd();
  return files;
}

describe('the mutation runs’ reporter', () => {
  it('gives a file that failed to load one failed test with the load error', () => {
    const [broken] = report([file('a.test.ts', 'fail')]);
    expect(broken!.tasks).toHaveLength(1);
    const test = broken!.tasks[0]!;
    expect(test).toMatchObject({ type: 'test', name: 'loads', mode: 'run', file: broken, suite: broken });
    expect(test.result).toEqual({ state: 'fail', errors: [{ message: 'boom on import' }] });
  });

  it('leaves files that loaded as they are, failed or passed', () => {
    const failedTest = { type: 'test', name: 'x', result: { state: 'fail' } };
    const [failed, passed, empty] = report([file('a.test.ts', 'fail', [failedTest]), file('b.test.ts', 'pass', [{ type: 'test' }]), file('c.test.ts', 'pass')]);
    expect(failed!.tasks).toEqual([failedTest]);
    expect(passed!.tasks).toHaveLength(1);
    expect(empty!.tasks).toEqual([]);
  });
});
