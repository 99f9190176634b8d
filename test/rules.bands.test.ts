/**
 * The `bands` formula of the 0.4 rule model (docs/rule-model.md#bands), one rule a test, each
 * with arithmetic a reader can redo by hand: progressive and whole bands, edges included or
 * not, a deductible measured before or inside the bands, per stay or shared by the year, a
 * base summed from several costs, a threshold, the steps in both languages, and 0.3's
 * `copay` refused with what to write instead.
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateYear, explain, type BenefitInput, type ClaimResult } from '../src';
import { enrolledMember, firstIssue, made, stay, syntheticPolicy } from './_fixtures';

type BandsFormula = Extract<BenefitInput['formula'], { kind: 'bands' }>;

const member = enrolledMember('test', 2024);

const policyOf = (formula: Partial<BandsFormula>) =>
  syntheticPolicy([
    {
      id: 'subsidy',
      label: { zh: '住院补助', en: 'Subsidy' },
      event: 'hospitalisation',
      formula: { kind: 'bands', base: 'selfPaid', method: 'progressive', bands: made([{ ratio: '0.5' }]), ...formula },
    },
  ]);

/** 30 % up to 10,000 (included), 40 % up to 30,000, 60 % above. */
const threeBands = made([{ upTo: '10000', ratio: '0.3' }, { upTo: '30000', ratio: '0.4' }, { ratio: '0.6' }]);

const paidOn = (formula: Partial<BandsFormula>, selfPaid: string) => evaluateClaim(policyOf(formula), member, stay('s', '2024-03-01', '2024-03-05', { selfPaid })).total.toFixed(2);
const steps = (result: ClaimResult) => result.lines[0]!.steps.map((step) => [step.key, step.expression, step.value]);

describe('progressive and whole bands', () => {
  it('progressive: 20,000 pays 10,000 × 0.3 + 10,000 × 0.4 = 7,000', () => {
    expect(paidOn({ method: 'progressive', bands: threeBands }, '20000.00')).toBe('7000.00');
  });

  it('whole: 20,000 falls in the 40 % band, so all of it pays 20,000 × 0.4 = 8,000', () => {
    expect(paidOn({ method: 'whole', bands: threeBands }, '20000.00')).toBe('8000.00');
  });

  it('whole: 35,000 falls in the open top band: 35,000 × 0.6 = 21,000', () => {
    expect(paidOn({ method: 'whole', bands: threeBands }, '35000.00')).toBe('21000.00');
  });

  it('whole, exactly on an inclusive edge ("1万元(含)以内"): 10,000 stays in band 1, 10,000 × 0.3 = 3,000', () => {
    expect(paidOn({ method: 'whole', bands: threeBands }, '10000.00')).toBe('3000.00');
  });

  it('whole, exactly on an exclusive edge ("below 10,000"): 10,000 is in band 2, 10,000 × 0.4 = 4,000', () => {
    const exclusive = made([{ upTo: '10000', ratio: '0.3', upToIncluded: false }, { upTo: '30000', ratio: '0.4' }, { ratio: '0.6' }]);
    expect(paidOn({ method: 'whole', bands: exclusive }, '10000.00')).toBe('4000.00');
    // One fen below the edge is in band 1 either way: 9,999.99 × 0.3 = 2,999.997 → 3,000.00.
    expect(paidOn({ method: 'whole', bands: exclusive }, '9999.99')).toBe('3000.00');
  });

  it('progressive: the edge\'s inclusion changes nothing, 10,000 × 0.3 = 3,000 both ways', () => {
    const exclusive = made([{ upTo: '10000', ratio: '0.3', upToIncluded: false }, { upTo: '30000', ratio: '0.4' }, { ratio: '0.6' }]);
    expect(paidOn({ method: 'progressive', bands: exclusive }, '10000.00')).toBe('3000.00');
    expect(paidOn({ method: 'progressive', bands: threeBands }, '10000.00')).toBe('3000.00');
  });
});

describe('the deductible', () => {
  const deductible = { deductible: made('1000'), deductibleScope: 'stay', bands: made([{ upTo: '10000', ratio: '0.5' }, { ratio: '0.8' }]) } as const;

  it('afterDeductible: 12,000 − 1,000 = 11,000 measured; 10,000 × 0.5 + 1,000 × 0.8 = 5,800', () => {
    const result = evaluateClaim(policyOf({ ...deductible, measure: 'afterDeductible' }), member, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '12000.00' }));
    expect(steps(result)).toEqual([
      ['base', 'costs.selfPaid', '12000.00'],
      ['deductible', 'max(0, 12000.00 − 1000.00)', '11000.00'],
      ['band', '10000.00 × 0.5', '5000.00'],
      ['band', '1000.00 × 0.8', '800.00'],
      ['sum', '5000.00 + 800.00', '5800.00'],
    ]);
    expect(result.total.toFixed(2)).toBe('5800.00');
  });

  it('base: 12,000 measured, the first 1,000 unpaid; 9,000 × 0.5 + 2,000 × 0.8 = 6,100', () => {
    const result = evaluateClaim(policyOf({ ...deductible, measure: 'base' }), member, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '12000.00' }));
    expect(steps(result).slice(2)).toEqual([
      ['band', '9000.00 × 0.5', '4500.00'],
      ['band', '2000.00 × 0.8', '1600.00'],
      ['sum', '4500.00 + 1600.00', '6100.00'],
    ]);
    expect(result.lines[0]!.steps[2]!.label.en).toBe('band 1: 1,000 to 10,000 yuan at 50 %');
  });

  it('base, with a first band at 0 % ("paid from 800"): 1,000 pays (1,000 − 800) × 0.5 = 100', () => {
    expect(paidOn({ method: 'progressive', bands: made([{ upTo: '800', ratio: '0' }, { ratio: '0.5' }]) }, '1000.00')).toBe('100.00');
  });

  it('a stay below the deductible pays nothing: max(0, 600 − 1,000) = 0', () => {
    expect(paidOn({ ...deductible, measure: 'afterDeductible' }, '600.00')).toBe('0.00');
  });
});

describe('a deductible per stay or per protection year', () => {
  const formula = (deductibleScope: 'stay' | 'year') =>
    ({ deductible: made('1000'), deductibleScope, measure: 'afterDeductible', bands: made([{ ratio: '0.5' }]) }) as const;
  const first = stay('s1', '2024-03-01', '2024-03-05', { selfPaid: '600.00' });
  const second = stay('s2', '2024-05-01', '2024-05-05', { selfPaid: '800.00' });

  it('per stay: each stay takes the whole 1,000, so 600 and 800 both pay nothing', () => {
    const policy = policyOf(formula('stay'));
    const one = evaluateClaim(policy, member, first);
    const two = evaluateClaim(policy, member, second, one.ledger);
    expect([one.total.toFixed(2), two.total.toFixed(2)]).toEqual(['0.00', '0.00']);
  });

  it('per year: the first stay uses 600 of 1,000; the second takes the 400 left, (800 − 400) × 0.5 = 200', () => {
    const policy = policyOf(formula('year'));
    const one = evaluateClaim(policy, member, first);
    expect(one.total.toFixed(2)).toBe('0.00');
    expect(one.ledger.usage.subsidy?.deductible.toFixed(2)).toBe('600.00');
    const two = evaluateClaim(policy, member, second, one.ledger);
    expect(steps(two)).toEqual([
      ['base', 'costs.selfPaid', '800.00'],
      ['deductibleLeft', 'max(0, 1000.00 − 600.00)', '400.00'],
      ['deductible', 'max(0, 800.00 − 400.00)', '400.00'],
      ['band', '400.00 × 0.5', '200.00'],
    ]);
    expect(two.ledger.usage.subsidy?.deductible.toFixed(2)).toBe('1000.00');
  });

  it('per year, through JSON: the ledger written out and read back still carries the 600 used', () => {
    const policy = policyOf(formula('year'));
    const one = evaluateClaim(policy, member, first);
    const stored = JSON.parse(JSON.stringify(one.ledger));
    expect(stored.usage).toEqual({ subsidy: { claims: 0, days: 0, deductible: '600.00' } });
    expect(evaluateClaim(policy, member, second, stored).total.toFixed(2)).toBe('200.00');
  });

  it('by stay number (Beijing 2012: 1,300 the first, 650 each later one): 2,300 pays (2,300 − 1,300) × 0.5 = 500, then (2,300 − 650) × 0.5 = 825 twice', () => {
    const policy = policyOf({ deductible: { ...made('1300'), variants: [{ when: { stayNumber: { from: 2 } }, value: '650' }] }, deductibleScope: 'stay', measure: 'afterDeductible', bands: made([{ ratio: '0.5' }]) });
    const year = evaluateYear(policy, member, ['s1', 's2', 's3'].map((id, index) => stay(id, `2024-0${index + 2}-01`, `2024-0${index + 2}-05`, { selfPaid: '2300.00' })));
    expect(year.results.map((result) => result.total.toFixed(2))).toEqual(['500.00', '825.00', '825.00']);
    expect(year.results[1]!.lines[0]!.citations.map((citation) => citation.parameter)).toEqual(['benefits.subsidy.formula.deductible.variants[0]', 'benefits.subsidy.formula.bands']);
  });

  it('per year: once used up, a third stay of 300 pays 300 × 0.5 = 150 with nothing deducted', () => {
    const policy = policyOf(formula('year'));
    const one = evaluateClaim(policy, member, first);
    const two = evaluateClaim(policy, member, second, one.ledger);
    const three = evaluateClaim(policy, member, stay('s3', '2024-07-01', '2024-07-05', { selfPaid: '300.00' }), two.ledger);
    expect(steps(three).slice(1, 3)).toEqual([
      ['deductibleLeft', 'max(0, 1000.00 − 1000.00)', '0.00'],
      ['deductible', 'max(0, 300.00 − 0.00)', '300.00'],
    ]);
    expect(three.total.toFixed(2)).toBe('150.00');
  });
});

describe('the base and the threshold', () => {
  it('a sum of fields: in-scope 300 + self-paid 200 = 500, × 0.5 = 250', () => {
    const result = evaluateClaim(policyOf({ base: ['inScopeCopay', 'selfPaid'] }), member, stay('s', '2024-03-01', '2024-03-05', { inScopeCopay: '300.00', selfPaid: '200.00', insurancePaid: '9000.00' }));
    expect(steps(result)[0]).toEqual(['base', 'costs.inScopeCopay + costs.selfPaid', '500.00']);
    expect(result.lines[0]!.steps[0]!.label).toEqual({ zh: '政策范围内个人自付与医保外自费费用', en: 'in-scope co-payment + self-paid cost outside insurance' });
    expect(result.total.toFixed(2)).toBe('250.00');
  });

  const withThreshold = { threshold: made('500') } as const;

  it('just below the threshold (Beihai 2018, self-paid ≥ 500): 499.99 pays nothing, and says why', () => {
    const result = evaluateClaim(policyOf(withThreshold), member, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '499.99' }));
    expect(result.total.toFixed(2)).toBe('0.00');
    expect(result.reasons.map((reason) => reason.message.en)).toEqual(['Subsidy requires self-paid cost outside insurance of at least 500.00 yuan; this claim has 499.99 yuan.']);
    expect(result.reasons[0]!.message.zh).toBe('住院补助要求医保外自费费用不低于 500.00 元；本次为 499.99 元。');
  });

  it('at the threshold: 500 ≥ 500 pays 500 × 0.5 = 250, the whole base (a threshold is no deductible)', () => {
    const result = evaluateClaim(policyOf(withThreshold), member, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '500.00' }));
    expect(steps(result).slice(0, 2)).toEqual([
      ['base', 'costs.selfPaid', '500.00'],
      ['threshold', '500.00 ≥ 500.00', '500.00'],
    ]);
    expect(result.total.toFixed(2)).toBe('250.00');
    expect(result.reasons).toEqual([]);
  });
});

describe('the steps in words', () => {
  it('a whole band says which band the amount falls in, zh and en: 20,000 × 0.4 = 8,000', () => {
    const result = evaluateClaim(policyOf({ method: 'whole', bands: threeBands }), member, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '20000.00' }));
    const band = result.lines[0]!.steps[1]!;
    expect([band.key, band.expression, band.value]).toEqual(['wholeBand', '20000.00 × 0.4', '8000.00']);
    expect(band.label).toEqual({ zh: '20,000 元属第 2 档：全额按 40%', en: '20,000 yuan falls in band 2: all of it at 40 %' });
  });

  it('the threshold and the deductible left of the year read as words, zh and en', () => {
    const policy = policyOf({ threshold: made('100'), deductible: made('1000'), deductibleScope: 'year', measure: 'afterDeductible' });
    const one = evaluateClaim(policy, member, stay('s1', '2024-03-01', '2024-03-05', { selfPaid: '600.00' }));
    const two = evaluateClaim(policy, member, stay('s2', '2024-05-01', '2024-05-05', { selfPaid: '800.00' }), one.ledger);
    const labels = two.lines[0]!.steps.map((step) => [step.key, step.label.zh, step.label.en]);
    expect(labels.slice(1, 4)).toEqual([
      ['threshold', '达到补助起点', 'at least the threshold'],
      ['deductibleLeft', '本保障年度剩余的起付额', 'deductible left this protection year'],
      ['deductible', '超过起付线的部分', 'amount above the deductible'],
    ]);
    expect(explain(two, { lang: 'en' })).toContain('deductible left this protection year: max(0, 1000.00 − 600.00) = 400.00 yuan');
    expect(explain(two)).toContain('本保障年度剩余的起付额：max(0, 1000.00 − 600.00) = 400.00 元');
  });

  it('a single open band is the whole amount, not "above 0 yuan": 1,000 × 0.5 = 500', () => {
    const result = evaluateClaim(policyOf({}), member, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '1000.00' }));
    expect(result.lines[0]!.steps[1]!.label).toEqual({ zh: '第 1 段：全额按 50%', en: 'band 1: all of it at 50 %' });
    expect(explain(result, { lang: 'en' })).toContain('band 1: all of it at 50 %: 1000.00 × 0.5 = 500.00 yuan');
  });

  it('explain shows a whole band in both languages', () => {
    const result = evaluateClaim(policyOf({ method: 'whole', bands: threeBands }), member, stay('s', '2024-03-01', '2024-03-05', { selfPaid: '20000.00' }));
    expect(explain(result, { lang: 'en' })).toContain('20,000 yuan falls in band 2: all of it at 40 %: 20000.00 × 0.4 = 8000.00 yuan');
    expect(explain(result)).toContain('20,000 元属第 2 档：全额按 40%：20000.00 × 0.4 = 8000.00 元');
  });
});

describe('0.3\'s copay formula', () => {
  it('is refused at definition with the bands to write instead and the guide section', () => {
    const issue = firstIssue(() => policyOf({ kind: 'copay' } as unknown as Partial<BandsFormula>));
    expect(issue.path).toEqual(['spec', 'benefits', 0, 'formula', 'kind']);
    expect(issue.message).toContain('the "copay" formula became "bands" in huzhu 0.4');
    expect(issue.message).toContain('docs/rule-model.md#bands');
  });
});
