/**
 * The policy explorer and playground (site/) in Chromium: built by the test with the same
 * function as `npm run site`, opened from disk as a reader would open it. What the page shows
 * is checked against what huzhu answers for the same input in Node.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExplanation, bundledRegistry, diffPolicies, evaluateClaim, policies, safeParsePolicy } from '../../src';
import { buildSite } from '../../site/build';
import { launchChromium, SCREENSHOTS } from './_chromium';

const folder = mkdtempSync(join(tmpdir(), 'huzhu-site-'));
const url = pathToFileURL(join(folder, 'index.html')).href;
let browser: Awaited<ReturnType<typeof launchChromium>>;
/** Console errors and warnings, page errors, and requests for anything but the page's own files, of every page opened. */
const problems: string[] = [];
const requests: string[] = [];

async function open(address = url, viewport = { width: 1200, height: 900 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(address);
  await page.locator('#view-explorer').waitFor({ state: 'attached' });
  return page;
}

/** Waits until the address holds the latest state (the page marks it once compressed). */
const saved = (page: Page) => page.locator('html[data-url-state="saved"]').waitFor({ state: 'attached' });

async function playground(page: Page): Promise<void> {
  await page.locator('#tab-playground').click();
  await page.locator('[data-column="rules"] .outcome').waitFor();
}

/** The rule file in the editor with one change made to its data. */
async function editRules(page: Page, change: (policy: Record<string, any>) => void): Promise<void> {
  const policy = JSON.parse(await page.locator('#rules').inputValue());
  change(policy);
  await page.locator('#rules').fill(JSON.stringify(policy, null, 2));
}

const stay = { kind: 'hospitalisation', id: 'stay-2024', admission: '2024-03-06', discharge: '2024-03-16', cause: 'illness', costs: { total: '30000.00', insurancePaid: '15000.00', inScopeCopay: '12000.00', selfPaid: '3000.00' } } as const;
const member = { id: 'member-001', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };

beforeAll(async () => {
  await buildSite(folder);
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the explorer', () => {
  it('lists every bundled scheme and version, as the registry has them', async () => {
    const page = await open();
    const schemes = [...new Set(bundledRegistry.policies.map((policy) => policy.scheme))];
    expect(await page.locator('.scheme-list li').allTextContents()).toEqual(schemes);
    expect(await page.locator('section.scheme').evaluateAll((sections) => sections.map((section) => section.getAttribute('data-scheme')))).toEqual(schemes);
    const versions = await page.locator('[data-version]').evaluateAll((spans) => spans.map((span) => span.getAttribute('data-version')));
    expect(versions).toEqual(bundledRegistry.policies.map((policy) => `${policy.scheme}@${policy.year}`));
    await page.screenshot({ path: join(SCREENSHOTS, 'site-explorer.png') });
    await page.close();
  });

  it('shows the 2023 and 2024 death benefit with their source and quote, and charts it', async () => {
    const page = await open();
    const death = (year: 2023 | 2024) => policies.guangxi[year].benefits.find((benefit) => benefit.id === 'death')!.formula as { amount: { provenance: { quote?: string } } };
    for (const [year, amount] of [[2023, '5,000 元'], [2024, '10,000 元']] as const) {
      const cell = page.locator(`[data-scheme="guangxi"][data-year="${year}"][data-parameter="benefits.death.formula.amount"]`);
      expect(await cell.locator('.value').textContent()).toBe(amount);
      expect(await cell.locator('[data-status="published"] cite').textContent()).toBe('《桂林日报》2023年11月，“我市2024年度职工医疗互助保障参保工作正在进行”');
      expect(await cell.locator('blockquote').textContent()).toBe(death(year).amount.provenance.quote);
    }
    const bars = page.locator('section.scheme[data-scheme="guangxi"] [data-parameter="benefits.death.formula.amount"] svg rect.bar');
    expect(await bars.evaluateAll((rects) => rects.map((rect) => `${rect.getAttribute('data-year')} ${rect.getAttribute('data-value')}`))).toEqual(['2023 5,000 元', '2024 10,000 元', '2025 10,000 元']);
    const [low, high] = [await bars.nth(0).boundingBox(), await bars.nth(1).boundingBox()];
    expect(high!.height).toBeCloseTo(2 * low!.height, 0);
    // An unchanged figure gets no chart; an illustrative one is marked, with its note.
    expect(await page.locator('section.scheme[data-scheme="guangxi"] [data-parameter="benefits.hospitalisation.formula.deductible"] svg').count()).toBe(0);
    const invented = page.locator('[data-scheme="guangxi"][data-year="2023"][data-parameter="benefits.hospitalisation.formula.deductible"]');
    expect(await invented.locator('.value').textContent()).toBe('1,000 元※');
    expect(await invented.locator('[data-status="illustrative"] .badge').textContent()).toBe('示例参数※');
    const deductible = (policies.guangxi[2023].benefits[0]!.formula as { deductible: { provenance: { note: { zh: string } } } }).deductible;
    expect(await invented.locator('.note').textContent()).toBe(deductible.provenance.note.zh);
    await page.close();
  });

  it('shows the diff of any two versions as diffPolicies finds it', async () => {
    const page = await open();
    const rows = () => page.locator('.diff tbody tr[data-parameter]').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-change')} ${tr.getAttribute('data-parameter')}`));
    const expected = (from: string, to: string) => {
      const [a, b] = [from, to].map((key) => bundledRegistry.policies.find((policy) => `${policy.scheme}@${policy.year}` === key)!);
      return diffPolicies(a!, b!).changes.map((change) => `${change.change} ${change.parameter}`);
    };
    expect(await rows()).toEqual(expected('guangxi@2023', 'guangxi@2024'));
    expect(await rows()).toContain('changed benefits.death.formula.amount');
    expect(await page.locator('.diff tr[data-parameter="benefits.death.formula.amount"]').textContent()).toContain('5,000 元');
    await page.locator('#diff-from').selectOption('beihai@2017');
    await page.locator('#diff-to').selectOption('guangxi@2025');
    expect(await rows()).toEqual(expected('beihai@2017', 'guangxi@2025'));
    await page.close();
  });
});

describe('the playground', () => {
  it('settles the claim as huzhu does, and a changed parameter changes the payout and the explanation', async () => {
    const page = await open();
    await playground(page);
    const outcome = page.locator('[data-column="rules"] .outcome');
    expect(await outcome.textContent()).toBe(buildExplanation(evaluateClaim(policies.guangxi[2024], member, stay)).outcome);
    expect(await outcome.textContent()).toBe('应付 6000.00 元※');
    // 50 → 80 yuan a day: 5,500 + 80 × 10 days = 6,300.
    await editRules(page, (policy) => {
      policy.benefits.find((benefit: { id: string }) => benefit.id === 'hospital-allowance').formula.amount.value = '80.00';
    });
    expect(await outcome.textContent()).toBe('应付 6300.00 元※');
    expect(await page.locator('[data-column="rules"] li[data-benefit="hospital-allowance"] .summary').textContent()).toContain('80.00 元/天 × 10 天 = 800.00 元');
    expect(await page.locator('[data-column="rules"] li[data-parameter="benefits.hospital-allowance.formula.amount"]').textContent()).toContain('80 元');
    // Side by side: the same stay under 2023, which has no allowance.
    expect(await page.locator('[data-column="compare"] .outcome').textContent()).toBe('应付 5500.00 元※');
    expect(await page.locator('[data-column="compare"] .difference').getAttribute('data-difference')).toBe('-800.00');
    await page.screenshot({ path: join(SCREENSHOTS, 'site-playground.png'), fullPage: true });
    await page.close();
  });

  it('shows invalid JSON and an invalid amount at their paths, as huzhu reports them', async () => {
    const page = await open();
    await playground(page);
    const rules = await page.locator('#rules').inputValue();
    await page.locator('#rules').fill(rules.trimEnd().slice(0, -1));
    expect(await page.locator('.rule-status .issues li').evaluateAll((items) => items.map((item) => item.getAttribute('data-path')))).toEqual(['json']);
    expect(await page.locator('#rules').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.results .blocked').count()).toBe(1);

    // An amount in the rule file with three decimals: the same path as safeParsePolicy gives.
    const broken = JSON.parse(rules);
    broken.benefits.find((benefit: { id: string }) => benefit.id === 'death').formula.amount.value = '10000.005';
    const expected = safeParsePolicy(broken);
    expect(expected.success).toBe(false);
    const paths = expected.success ? [] : expected.error.issues.map((issue) => issue.path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? key : `${text}.${key}`), ''));
    expect(paths).toEqual(['policy.benefits[1].formula.amount.value']);
    await page.locator('#rules').fill(JSON.stringify(broken, null, 2));
    expect(await page.locator('.rule-status .issues li').evaluateAll((items) => items.map((item) => item.getAttribute('data-path')))).toEqual(paths);
    // The path is a button that selects its value in the editor.
    await page.locator('.rule-status .issues button.path').click();
    const selected = await page.locator('#rules').evaluate((area) => {
      const { value, selectionStart, selectionEnd } = area as unknown as { value: string; selectionStart: number; selectionEnd: number };
      return value.slice(selectionStart, selectionEnd);
    });
    expect(selected).toBe('"10000.005"');
    expect(await page.locator(':focus').getAttribute('id')).toBe('rules');

    // A claim amount written with a thousands separator: shown at its field.
    await page.locator('#rules').fill(rules);
    expect(await page.locator('.rule-status .valid').count()).toBe(1);
    const selfPaid = page.locator('[data-path="claim.costs.selfPaid"]');
    await selfPaid.fill('3,000');
    const error = page.locator('p.error[data-error-for="claim.costs.selfPaid"]');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/yuan/);
    expect(await selfPaid.getAttribute('aria-invalid')).toBe('true');
    expect(await selfPaid.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
    expect(await page.locator('p.error:not([hidden])').count()).toBe(1);
    await selfPaid.fill('3000.00');
    expect(await page.locator('p.error:not([hidden])').count()).toBe(0);
    expect(await page.locator('[data-column="rules"] .outcome').textContent()).toBe('应付 6000.00 元※');
    await page.close();
  });

  it('translates the explanation into English, as buildExplanation does', async () => {
    const page = await open();
    await playground(page);
    await page.locator('input[name="lang"][value="en"]').check();
    const english = buildExplanation(evaluateClaim(policies.guangxi[2024], member, stay), { lang: 'en' });
    const column = page.locator('[data-column="rules"]');
    expect(await column.locator('.outcome').textContent()).toBe('Pays 6000.00 yuan※');
    expect(await column.locator('.title').textContent()).toBe(english.title);
    expect(await column.locator('.summary').evaluateAll((items) => items.map((item) => item.textContent))).toEqual(english.lines.map((line) => `${line.summary} ${line.sources.map((ref) => `[${ref}]`).join('')}`));
    expect(await column.locator('.legend').textContent()).toBe('※ Illustrative parameter: the figure was not published; it is for demonstration only and is not official.');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: join(SCREENSHOTS, 'site-playground-en.png'), fullPage: true });
    // The README's picture (docs/images/site-settlement.png is a copy of this one).
    await page.locator('.results').screenshot({ path: join(SCREENSHOTS, 'site-settlement.png') });
    await page.close();
  });

  it('puts the whole state in the address: a fresh page opened on it shows the same', async () => {
    const page = await open();
    await playground(page);
    await page.locator('input[name="lang"][value="en"]').check();
    await editRules(page, (policy) => {
      policy.benefits.find((benefit: { id: string }) => benefit.id === 'death').formula.amount.value = '12345.67';
    });
    await page.locator('#f-claim-kind').selectOption('death');
    await page.locator('#f-claim-date').fill('2024-06-01');
    await page.locator('#f-member-id').fill('m-linked');
    await saved(page);
    const address = page.url();
    expect(address).toMatch(/#v1\.[\w-]+$/);
    const before = {
      rules: await page.locator('#rules').inputValue(),
      outcome: await page.locator('[data-column="rules"] .outcome').textContent(),
      compare: await page.locator('[data-column="compare"] .outcome').textContent(),
    };
    expect(before.outcome).toBe('Pays 12345.67 yuan');
    await page.close();

    const again = await open(address);
    await again.locator('[data-column="rules"] .outcome').waitFor();
    expect(await again.locator('#view-playground').isVisible()).toBe(true);
    expect(await again.locator('#rules').inputValue()).toBe(before.rules);
    expect(await again.locator('#f-claim-kind').inputValue()).toBe('death');
    expect(await again.locator('#f-claim-date').inputValue()).toBe('2024-06-01');
    expect(await again.locator('#f-member-id').inputValue()).toBe('m-linked');
    expect(await again.locator('input[name="lang"][value="en"]').isChecked()).toBe(true);
    expect(await again.locator('[data-column="rules"] .outcome').textContent()).toBe(before.outcome);
    expect(await again.locator('[data-column="compare"] .outcome').textContent()).toBe(before.compare);
    await again.close();
  });

  it('starts from every bundled version and settles every kind of claim under it', async () => {
    const page = await open();
    await playground(page);
    for (const policy of bundledRegistry.policies) {
      await page.locator('#start-from').selectOption(`${policy.scheme}@${policy.year}`);
      expect(JSON.parse(await page.locator('#rules').inputValue())).toEqual(JSON.parse(JSON.stringify(policy)));
      expect(await page.locator('[data-path="member.enrolments[0].scheme"]').inputValue()).toBe(policy.eligibility.enrolmentScheme ?? policy.scheme);
      for (const kind of ['hospitalisation', 'outpatient', 'disability', 'death']) {
        await page.locator('#f-claim-kind').selectOption(kind);
        // Each claim is settled (paid or refused, with reasons) and explained: never an input error.
        await page.locator('[data-column="rules"] .explanation').waitFor();
        expect(await page.locator('.results .blocked').count()).toBe(0);
      }
    }
    await page.close();
  });

  it('opens a damaged or crafted link on the defaults, with a notice', async () => {
    for (const hash of ['#v1.AAAA', '#v2.x', '#v1.!!!', '#whatever']) {
      const page = await open(`${url}${hash}`);
      await page.locator('.notice').waitFor();
      expect(await page.locator('#view-explorer').isVisible()).toBe(true);
      await page.close();
    }
  });
});

describe('the page', () => {
  it('is usable by keyboard, with every form control labelled', async () => {
    const page = await open();
    await page.locator('#tab-explorer').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#view-playground').isVisible()).toBe(true);
    expect(await page.locator(':focus').getAttribute('id')).toBe('tab-playground');
    const unlabelled = await page.locator('input, select, textarea').evaluateAll((controls) =>
      controls.filter((control) => (control as unknown as { labels: { length: number } }).labels.length === 0 && !control.getAttribute('aria-label')).map((control) => control.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    // Tab from the rule file reaches the member's first field.
    await page.locator('#rules').focus();
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('id')).toBe('f-member-id');
    await page.close();
  });

  it('reads on a phone: nothing wider than the screen', async () => {
    const page = await open(url, { width: 375, height: 800 });
    // The page's width past the screen's, in pixels; a string, as this file is type-checked without the DOM's types.
    const overflow = () => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(await overflow()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'site-phone-explorer.png') });
    await playground(page);
    expect(await overflow()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'site-phone-playground.png'), fullPage: true });
    await page.close();
  });

  it('loads nothing but its own files, and logs no error', () => {
    const own = new Set(['index.html', 'style.css', 'app.js'].map((file) => pathToFileURL(join(folder, file)).href));
    expect(requests.map((request) => request.replace(/#.*$/, '')).filter((request) => !own.has(request))).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
