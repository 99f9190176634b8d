/**
 * What makes steps and `explain` fast must not change what they say. Labels are kept per
 * compiled formula, a policy's cited parameters are put into words once, and an explanation
 * writes a fresh result's steps in its one language: each case below checks, by hand, that
 * the words follow the claim and the result, never an earlier one. Figures are written as text
 * where they were Decimals: held to the Decimals here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExplanation, Decimal, evaluateYear, explain, policies, type ClaimResult } from '../src';
import { exactYuan } from '../src/_lib/engine/fen';
import { amountText, percentNumber } from '../src/_lib/locales/numbers';
import { enrolledMember, made, stay, syntheticPolicy } from './_fixtures';

// A deductible of 1,000 shared by the year's stays, taken inside the bands (measured on the base).
const shared = syntheticPolicy([
  {
    id: 'subsidy',
    label: { zh: '住院补助', en: 'Subsidy' },
    event: 'hospitalisation',
    formula: { kind: 'bands', deductibleScope: 'year', measure: 'base', method: 'progressive', base: 'inScopeCopay', deductible: made('1000'), bands: made([{ upTo: '5000', ratio: '0.5' }, { ratio: '0.8' }]) },
  },
]);
const member = enrolledMember('test', 2024);
const bandLabels = (result: ClaimResult) => result.lines[0]!.steps.filter((step) => step.key === 'band').map((step) => step.label.en);

describe('step labels kept per formula', () => {
  it("follow where each claim's band starts, claim after claim", () => {
    // The first stay takes 600 of the deductible and pays nothing; the second takes the 400 left, so
    // its band starts at 400; the third finds none left.
    const [first, second, third] = evaluateYear(shared, member, [
      stay('s1', '2024-02-01', '2024-02-03', { inScopeCopay: '600.00' }),
      stay('s2', '2024-03-01', '2024-03-03', { inScopeCopay: '1400.00' }),
      stay('s3', '2024-04-01', '2024-04-03', { inScopeCopay: '6000.00' }),
    ]).results;
    expect(bandLabels(first!)).toEqual([]);
    expect(bandLabels(second!)).toEqual(['band 1: 400 to 5,000 yuan at 50 %']);
    expect(bandLabels(third!)).toEqual(['band 1: 0 to 5,000 yuan at 50 %', 'band 2: above 5,000 yuan at 80 %']);
    // A member's first stay of a year takes the whole deductible: its band starts at 1,000.
    const alone = evaluateYear(shared, member, [stay('s1', '2024-02-01', '2024-02-03', { inScopeCopay: '1600.00' })]).results[0]!;
    expect(bandLabels(alone)).toEqual(['band 1: 1,000 to 5,000 yuan at 50 %']);
  });
});

const guangxi = policies.guangxi[2024];
const guangxiMember = enrolledMember('guangxi', 2024);
const settle = () => evaluateYear(guangxi, guangxiMember, [stay('c1', '2024-03-01', '2024-03-11', { inScopeCopay: '4444.74', selfPaid: '100.00', insurancePaid: '3000.00' })]).results[0]!;

describe('explain on a fresh result', () => {
  it('says what it says once the steps are made, in both languages, and leaves them unmade', () => {
    const fresh = settle();
    const made = settle();
    made.lines.forEach((line) => line.steps);
    for (const lang of ['zh', 'en'] as const) expect(explain(fresh, { lang })).toBe(explain(made, { lang }));
    expect(JSON.stringify(buildExplanation(fresh, { lang: 'en' }))).toBe(JSON.stringify(buildExplanation(made, { lang: 'en' })));
    expect(fresh.lines[1]!.steps.map((step) => step.statement.en)).toEqual([
      'max(1, 2024-03-11 − 2024-03-01) = 10 days',
      '50.00 yuan/day × 10 days = 500.00 yuan',
    ]);
  });
});

describe("a policy's cited parameters put into words once", () => {
  it('read back from JSON, a result explains as the engine\'s does: amounts and totals written from Decimals or from fen alike', () => {
    const made = settle();
    const read = JSON.parse(JSON.stringify(made), (key, value) => (['total', 'amount', 'amountBeforeCaps'].includes(key) ? new Decimal(value) : value));
    for (const lang of ['zh', 'en'] as const) expect(explain(read, { lang })).toBe(explain(made, { lang }));
    expect(explain(read, { lang: 'en' })).toContain('Pays 2222.37 yuan※\n  1. Hospitalisation subsidy※: 3444.74 × 0.5 = 1722.37 yuan [1][2][3]');
  });

  it('are not kept for a result read back from JSON, whose citations its reader may change', () => {
    // Amounts come back as Decimals, as a caller reading a stored result would make them.
    const read = JSON.parse(JSON.stringify(settle()), (key, value) => (['total', 'amount', 'amountBeforeCaps'].includes(key) ? new Decimal(value) : value));
    expect(explain(read, { lang: 'en' })).toContain('[4] Daily hospital allowance per day = 50 yuan');
    read.lines[1].citations[0].value = '60.00';
    expect(explain(read, { lang: 'en' })).toContain('[4] Daily hospital allowance per day = 60 yuan');
  });

  it('give each explanation its own objects: changing one leaves the next as it was', () => {
    const first = buildExplanation(settle(), { lang: 'en' });
    const source = first.sources.find((candidate) => candidate.publication !== null)!;
    const citation = source.publication!.citation;
    (source.publication as { citation: string }).citation = 'changed';
    (source as { text: string }).text = 'changed';
    const next = buildExplanation(settle(), { lang: 'en' }).sources.find((candidate) => candidate.ref === source.ref)!;
    expect(next.publication!.citation).toBe(citation);
    expect(next.text).not.toBe('changed');
  });

  it("give each explanation its own list of a line's refs, though what a claim's lines cite is numbered once", () => {
    const first = buildExplanation(settle(), { lang: 'en' });
    expect(first.lines[1]!.sources).toEqual([4, 3]);
    (first.lines[1]!.sources as number[])[0] = 99;
    expect(buildExplanation(settle(), { lang: 'en' }).lines[1]!.sources).toEqual([4, 3]);
    expect(explain(settle(), { lang: 'en' })).toContain('yuan [4][3]\n');
  });
});

describe('figures written as text, with no Decimal', () => {
  // The Decimal forms the text replaced, as the reference.
  const Exact = Decimal.clone({ precision: 60, toExpNeg: -60, toExpPos: 60 });
  const fenCount = fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.bigInt({ min: 0n, max: 10n ** 25n }));

  it('exact yuan of n / den fen is the quotient, with at least two decimals', () => {
    fc.assert(
      fc.property(fenCount, fc.integer({ min: 0, max: 9 }), (n, places) => {
        const value = new Exact(String(n)).dividedBy(10 ** places).dividedBy(100);
        expect(exactYuan(n, 10 ** places)).toBe(value.decimalPlaces() <= 2 ? value.toFixed(2) : value.toFixed());
      }),
    );
    expect(exactYuan(12345675, 1000)).toBe('123.45675');
    expect(exactYuan(5, 1)).toBe('0.05');
  });

  it('an amount groups thousands and drops zero fen; a percentage moves the point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999_999 }), (fen) => {
        const text = new Exact(fen).dividedBy(100).toFixed(2);
        const [whole, cents] = text.split('.') as [string, string];
        const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
        expect(amountText(text)).toBe(cents === '00' ? grouped : `${grouped}.${cents}`);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (millionths) => {
        const ratio = new Exact(millionths).dividedBy(1_000_000).toString();
        expect(percentNumber(ratio)).toBe(new Exact(ratio).times(100).toString());
      }),
    );
    expect([amountText('50000.00'), amountText('22669.43'), amountText('1e3'), percentNumber('0.125'), percentNumber('1'), percentNumber('0.000001')]).toEqual(['50,000', '22,669.43', '1,000', '12.5', '100', '0.0001']);
  });
});
