/** The HTML report of `huzhu simulate` in a real browser: charts drawn, totals as in the JSON, no error. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffPolicies, extendPolicy, policies, simulateBook, type BookEntry } from '../../src';
import { renderReport } from '../../src/cli/report';
import { yuan, type PlainSimulation } from '../../src/cli/simulationText';
import { enrolledMember, stay } from '../_fixtures';
import { launchChromium, SCREENSHOTS } from './_chromium';

const priced = (year: 2023 | 2024) => extendPolicy(policies.guangxi[year], { attributes: policies.xining[2024].attributes!, contribution: policies.xining[2024].contribution! });
const versions = [priced(2023), priced(2024)];
const book: BookEntry[] = Array.from({ length: 40 }, (_, i) => ({
  member: enrolledMember('guangxi', 2023, { id: `m${i}` }),
  claims: [
    stay(`s${i}`, '2023-03-01', `2023-03-${String(2 + (i % 20)).padStart(2, '0')}`, { inScopeCopay: `${1000 + i * 997}.50` }),
    ...(i % 9 === 0 ? [{ kind: 'death', id: `d${i}`, date: '2023-10-01' } as const] : []),
    ...(i % 4 === 0 ? [{ kind: 'disability', id: `g${i}`, date: '2023-06-01', grade: 1 + (i % 10) } as const] : []),
  ],
}));

describe('the simulation report in Chromium', () => {
  const simulation = JSON.parse(JSON.stringify(simulateBook(book, versions, { roster: [{ id: 'unit', count: 300 }], largest: 3 }))) as PlainSimulation;
  const folder = mkdtempSync(join(tmpdir(), 'huzhu-report-'));
  const file = join(folder, 'report.html');
  writeFileSync(file, renderReport(simulation, [diffPolicies(versions[0]!, versions[1]!)], 'zh'));
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let opened: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const page = (opened = await browser.context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const page = () => opened;

  it('draws one bar per benefit and version, each visible', async () => {
    const expected = simulation.versions.reduce((sum, version) => sum + version.byBenefit.length, 0);
    const bars = page().locator('rect.bar[data-chart="benefit"]');
    expect(await bars.count()).toBe(expected);
    for (const bar of await bars.all()) {
      const box = await bar.boundingBox();
      expect(box!.width).toBeGreaterThan(0);
      expect(box!.height).toBeGreaterThan(0);
    }
    // Each bar carries the amount it stands for, as in the JSON.
    const amounts = await bars.evaluateAll((rects) => rects.map((rect) => `${rect.getAttribute('data-version')} ${rect.getAttribute('data-benefit')} ${rect.getAttribute('data-amount')}`));
    expect(amounts.sort()).toEqual(simulation.versions.flatMap((version, index) => version.byBenefit.map((row) => `${index} ${row.benefit} ${row.amount}`)).sort());
  });

  it('draws one histogram bar per bin, and one for the unchanged members', async () => {
    const comparison = simulation.comparisons[0]!;
    const bars = page().locator('section.histogram rect.bar');
    expect(await bars.count()).toBe(comparison.histogram.length + (comparison.unchanged > 0 ? 1 : 0));
    const members = await bars.evaluateAll((rects) => rects.reduce((sum, rect) => sum + Number(rect.getAttribute('data-members')), 0));
    expect(members).toBe(simulation.members);
  });

  it('shows the totals, the balance and the largest changes of the JSON result', async () => {
    for (const [index, version] of simulation.versions.entries()) {
      const shown = await page().locator(`td[data-total="${index}"]`).textContent();
      expect(shown?.replace('※', '')).toBe(yuan(version.total));
    }
    const balance = await page().locator('#balance table').textContent();
    for (const version of simulation.versions) expect(balance).toContain(yuan(version.balance!));
    expect(await page().locator('section.largest tbody tr').count()).toBe(simulation.comparisons[0]!.largestChanges.length);
    expect(await page().locator('#balance rect.bar').count()).toBe(2 * simulation.versions.length);
  });

  it('flags what rests on illustrative parameters, and lists them', async () => {
    expect(await page().locator('h2 .flag').count()).toBeGreaterThan(0);
    const listed = await page().locator('#parameters tbody tr').count();
    expect(listed).toBe(new Set(simulation.versions.flatMap((version) => version.illustrativeParameters.map((p) => p.parameter))).size);
  });

  it('loads nothing but itself, logs no error, and is kept as a screenshot', async () => {
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(problems).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page().setViewportSize({ width: 1100, height: 900 });
    await page().screenshot({ path: join(SCREENSHOTS, 'simulation-report.png'), fullPage: true });
  });
});
