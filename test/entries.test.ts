/**
 * `huzhu/core` and `huzhu/policies`: what each entry exports, and what a program's bundler
 * keeps of them. The bundles are made with esbuild from the sources, as .ci/sizes.mjs makes
 * them from the built package; these tests say which modules are in them, not how big they are.
 */
import { build, type Metafile } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from '../src/core';
import * as huzhu from '../src';
import * as bundled from '../src/policies';
import { enrolledMember, firstIssue } from './_fixtures';

const ROOT = join(import.meta.dirname, '..');

/** The code esbuild makes of `code` (ESM, for the browser), with the inputs it kept. */
async function bundle(code: string): Promise<{ text: string; inputs: string[] }> {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values((result.metafile as Metafile).outputs)[0]!;
  return { text: result.outputFiles[0]!.text, inputs: Object.keys(output.inputs).filter((input) => output.inputs[input]!.bytesInOutput > 0) };
}

describe('huzhu/core', () => {
  it('exports what huzhu does, but the bundled policies', () => {
    const expected = Object.keys(huzhu).filter((name) => name !== 'policies' && name !== 'bundledRegistry');
    expect(Object.keys(core).sort()).toEqual(expected.sort());
    // The same functions, but selectPolicy, whose registry is not optional here.
    for (const name of expected.filter((name) => name !== 'selectPolicy')) expect(core[name as keyof typeof core]).toBe(huzhu[name as keyof typeof huzhu]);
  });

  it('selects from the registry it is given, as huzhu does', () => {
    const registry = core.createRegistry(Object.values(bundled.guangxi));
    for (const date of ['2023-06-01', '2024-06-01', '2025-06-01']) {
      expect(core.selectPolicy('guangxi', date, registry)).toBe(huzhu.selectPolicy('guangxi', date));
    }
    const member = enrolledMember('guangxi', 2024);
    expect(core.selectPolicy('guangxi', '2024-06-01', { registry, member })).toBe(bundled.guangxi[2024]);
  });

  it('refuses a call without a registry, saying why', () => {
    const message = 'expected a registry made by createRegistry: huzhu/core bundles no policies';
    expect(firstIssue(() => core.selectPolicy('guangxi', '2024-06-01', undefined as never))).toEqual({ path: ['options'], code: 'invalid_type', message });
    expect(firstIssue(() => core.selectPolicy('guangxi', '2024-06-01', { member: enrolledMember('guangxi', 2024) } as never))).toEqual({
      path: ['options', 'registry'],
      code: 'invalid_type',
      message,
    });
  });
});

describe('huzhu', () => {
  it('bundles none of the classic zod, whatever a program imports', async () => {
    const { inputs } = await bundle("export * from './src';");
    expect(inputs.some((input) => input.includes('zod/v4/mini'))).toBe(true);
    expect(classicZod(inputs)).toEqual([]);
  });
});

describe('huzhu/policies', () => {
  it('exports each scheme of `policies` by itself, the very same object', () => {
    const camel = (scheme: string) => scheme.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
    for (const [scheme, versions] of Object.entries(bundled.policies)) {
      expect(bundled[camel(scheme) as keyof typeof bundled]).toBe(versions);
    }
    expect(Object.keys(bundled).sort()).toEqual([...Object.keys(bundled.policies).map(camel), 'bundledRegistry', 'policies'].sort());
  });

  it('lets a bundler keep one scheme and drop the others', async () => {
    const { inputs } = await bundle("export { guangxi } from './src/policies';");
    const ruleFiles = readdirSync(join(ROOT, 'src', 'policies', 'guangxi')).filter((file) => !file.endsWith('.cases.json'));
    expect(ruleFiles.length).toBeGreaterThan(1);
    expect(inputs.filter((input) => input.endsWith('.json')).sort()).toEqual(ruleFiles.map((file) => `src/policies/guangxi/${file}`).sort());
  });
});

/** The parts of zod beyond zod/mini and its English messages among a bundle's inputs. */
const classicZod = (inputs: readonly string[]) => inputs.filter((input) => input.includes('zod/v4/classic') || (input.includes('zod/v4/locales/') && !input.endsWith('/en.js')));

describe('the settlement path', () => {
  it('bundles no policy it is not given, and none of the classic zod', async () => {
    const { inputs } = await bundle("export { evaluateClaim, selectPolicy } from './src/core';");
    expect(inputs.filter((input) => input.endsWith('.json'))).toEqual([]);
    expect(classicZod(inputs)).toEqual([]);
  });

  // What a program that only settles claims leaves out, by strings only it holds; a program
  // that uses it keeps them, so the strings are the right ones.
  it.each([
    [
      'the wording of explanations, which only explain and buildExplanation write',
      ['Illustrative parameter: the figure was not published', '(note in Chinese only)'],
      "export { explain } from './src/core';",
    ],
    [
      'the schemas of a roster (assessContributions) and of a unit (assessEnrolment)',
      ['duplicate roster id', 'too_many_members'],
      "export { assessContributions, assessEnrolment } from './src/core';",
    ],
    [
      'the messages only enrolment, contributions and a member\'s plans write',
      ['outside the enrolment window', 'of which a member may hold only one', 'are void and not charged'],
      "export { assessContributions, assessEnrolment, evaluateMemberClaim } from './src/core';",
    ],
    [
      // Functions other than parsePolicy, definePolicy and extendPolicy take parsed policies only,
      // and the bundled ones are registered without it (src/_lib/parsedPolicies.ts).
      'the policy schema, which only parsePolicy, definePolicy and extendPolicy run',
      ['invalid_same_event', 'empty_condition'],
      "export { parsePolicy } from './src/core';",
    ],
  ])('leaves out %s', async (_, markers, user) => {
    const { text } = await bundle("export { createRegistry, evaluateClaim, selectPolicy } from './src/core';");
    const { text: using } = await bundle(user);
    for (const marker of markers) {
      expect(text).not.toContain(marker);
      expect(using).toContain(marker);
    }
  });

  it('words its issues in English and sets up the memoizer of shared values by itself', async () => {
    // Its own copy of zod, in a process of its own: zod keeps its settings on globalThis, which
    // this process's zod has set up already.
    const { text } = await bundle(`
      import { globalConfig } from 'zod/v4/core';
      import { evaluateClaim } from './src/core';
      import { guangxi } from './src/policies';
      let issues;
      try {
        evaluateClaim(guangxi[2024], { id: 'm1', enrolments: [] }, { kind: 'death', id: 7, date: '2024-06-01' });
      } catch (error) {
        issues = error.issues;
      }
      console.log(JSON.stringify({ issues, memoizer: globalConfig.memoizer !== undefined }));
    `);
    const result = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-'], { input: text, encoding: 'utf8' }));
    expect(result).toEqual({
      issues: [{ path: ['claim', 'id'], code: 'invalid_type', message: 'Invalid input: expected string, received number' }],
      memoizer: true,
    });
  });
});
