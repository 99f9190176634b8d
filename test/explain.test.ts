import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateCondolence, explain, InvalidInputError, policies } from '../src';
import { enrolledMember, stay } from './_fixtures';

describe('explain', () => {
  const member = enrolledMember('guangxi', 2024);

  it('prints a death claim in full, with its published source', () => {
    const result = evaluateClaim(policies.guangxi[2024], member, { kind: 'death', id: 'd1', date: '2024-06-01' });
    const text = explain(result, { lang: 'en' }).split('\n');
    expect(text.slice(0, 5)).toEqual([
      'Claim d1 (death, 2024-06-01)',
      'Policy: Guangxi employee medical mutual aid, protection year 2024 (guangxi 2024)',
      'Pays 10000.00 yuan',
      '  1. Death benefit: 10000.00 yuan [1][2]',
      '     · fixed amount: 10000.00 yuan',
    ]);
    expect(text[5]).toBe('Sources:');
    expect(text[6]).toBe(
      '  [1] Death benefit = 10,000 yuan (benefits.death.formula.amount): Guilin Daily, November 2023, “我市2024年度职工医疗互助保障参保工作正在进行”; ' +
        'quote: “增加了每天50元的住院补贴和最高达2万元的伤残补助，以及将身故津贴从5000元提高到1万元和最高补助从50万元提高到100万元”',
    );
    // Nothing illustrative was used, so there is no legend.
    expect(text.some((line) => line.includes('※'))).toBe(false);
  });

  it('ends with the legend when an illustrative figure was used, and marks it', () => {
    const result = evaluateClaim(policies.guangxi[2024], member, stay('c1', '2024-03-01', '2024-03-11', { inScopeCopay: '3000.00' }));
    const text = explain(result);
    expect(text).toContain('  1. 住院医疗互助补助※：2000.00 × 0.5 = 1000.00 元');
    expect(text).toContain('  2. 住院补贴：50.00 元/天 × 10 天 = 500.00 元');
    expect(text.split('\n').at(-1)).toBe('※ 示例参数：该数值未经公布，仅作演示，并非官方标准。');
  });

  it('writes refusal reasons as a person would', () => {
    const result = evaluateClaim(policies.guangxi[2023], member, { kind: 'death', id: 'd1', date: '2024-06-01' });
    expect(explain(result).split('\n').slice(2)).toEqual([
      '不予补助',
      '原因：',
      '  - 事件日期 2024-06-01 不在本办法适用期间（2023-01-01 至 2023-12-31）内。',
      '  - 该会员在 2024-06-01 没有有效的 guangxi 参保记录。',
    ]);
  });
});

/**
 * Issue 13: every bundled policy and every benefit kind, in both languages. The text must
 * show no raw JSON value, no file path for a source, and no note in the other language
 * unless it is marked as such.
 */
describe('explain reads as prose in the chosen language', () => {
  const hospital = (year: number) => stay('h1', `${year}-08-01`, `${year}-08-11`, { insurancePaid: '20000.00', inScopeCopay: '62000.00', selfPaid: '8000.00' });
  const guilin = enrolledMember('guangxi', 2023, { flags: { cityFederationDirect: true } });
  const results = {
    'guangxi 2023 hospitalisation': evaluateClaim(policies.guangxi[2023], enrolledMember('guangxi', 2023), hospital(2023)),
    'guangxi 2023 death': evaluateClaim(policies.guangxi[2023], enrolledMember('guangxi', 2023), { kind: 'death', id: 'd1', date: '2023-06-01' }),
    'guangxi 2024 hospitalisation and allowance': evaluateClaim(policies.guangxi[2024], enrolledMember('guangxi', 2024), hospital(2024)),
    'guangxi 2024 disability': evaluateClaim(policies.guangxi[2024], enrolledMember('guangxi', 2024), { kind: 'disability', id: 'x1', date: '2024-05-01', grade: 3 }),
    'guangxi 2024 death': evaluateClaim(policies.guangxi[2024], enrolledMember('guangxi', 2024), { kind: 'death', id: 'd1', date: '2024-06-01' }),
    'guilin-condolence 2023': evaluateCondolence(policies['guilin-condolence'][2023], guilin, hospital(2023)),
  };
  const cases = Object.entries(results).flatMap(([name, result]) => (['zh', 'en'] as const).map((lang) => ({ name, lang, text: explain(result, { lang }) })));

  it.each(cases)('$name ($lang): no raw JSON value', ({ text }) => {
    expect(text).not.toMatch(/[[{]"|\{"|"(upTo|ratio|from|min|max|flag|payer)"/);
  });

  it.each(cases)('$name ($lang): sources cited by publication, never by file', ({ text }) => {
    expect(text).not.toMatch(/shared\/|sources\/|\.txt|domain\.md/);
  });

  it.each(cases.filter((c) => c.lang === 'zh'))('$name (zh): no English sentence unless marked as given only in English', ({ text }) => {
    // Four English words in a row make a sentence; a line may hold one only if it says so.
    const english = text.split('\n').filter((line) => /[A-Za-z]+(?:[ ,;()'-]+[A-Za-z]+){3}/.test(line));
    expect(english.filter((line) => !line.includes('（仅有英文说明）'))).toEqual([]);
  });

  it.each(cases.filter((c) => c.lang === 'en'))('$name (en): no Chinese note unless marked as given only in Chinese', ({ text }) => {
    // Chinese may appear only inside quotation marks (a quote or a title as published) or with the mark.
    const unquoted = text.split('\n').map((line) => line.replace(/“[^”]*”/g, '').replace(/ \(note in Chinese only\)/g, '✓'));
    expect(unquoted.filter((line) => /\p{Script=Han}/u.test(line) && !line.includes('✓'))).toEqual([]);
  });

  it('names the Guilin Daily article as a reader would cite it, in each language', () => {
    const death = results['guangxi 2024 death'];
    expect(explain(death)).toContain('《桂林日报》2023年11月，“我市2024年度职工医疗互助保障参保工作正在进行”');
    expect(explain(death, { lang: 'en' })).toContain('Guilin Daily, November 2023, “我市2024年度职工医疗互助保障参保工作正在进行”');
  });

  it('writes bands, grade shares, brackets and amounts as prose', () => {
    const zh = explain(results['guangxi 2024 hospitalisation and allowance']);
    expect(zh).toContain('住院补助分段比例※ = 不超过 50,000 元的部分 50%，超过部分 60%');
    expect(zh).toContain('最高补助 = 1,000,000 元');
    const en = explain(results['guangxi 2024 hospitalisation and allowance'], { lang: 'en' });
    expect(en).toContain('Hospitalisation subsidy ratio bands※ = 50 % up to 50,000 yuan; 60 % above');
    expect(explain(results['guangxi 2024 disability'])).toContain('伤残等级给付比例※ = 1 级 100%，2 级 90%，3 级 80%');
    expect(explain(results['guilin-condolence 2023'], { lang: 'en' })).toContain('Condolence brackets = 5,000 yuan or more: 500 to 5,000 yuan, decided on application');
  });
});

describe('a line its formula pays nothing on says so, not the base', () => {
  const member = { id: 'm', enrolments: [{ scheme: 'beihai', year: 2017, from: '2017-01-01', to: '2017-12-31' }] };
  const below = { kind: 'hospitalisation', id: 's', admission: '2017-03-01', discharge: '2017-03-03', cause: 'illness', costs: { total: '2000', insurancePaid: '1000', inScopeCopay: '999.99', selfPaid: '0' } } as const;

  it('Beihai 2017: 999.99 yuan is below the 1,000 threshold, so the line reads 999.99 < 1000.00 → 0.00', () => {
    const result = evaluateClaim(policies.beihai[2017], member, below);
    expect(explain(result, { lang: 'en' })).toContain('Hospitalisation subsidy※: 999.99 < 1000.00 → 0.00 yuan');
    expect(explain(result, { lang: 'zh' })).toContain('999.99 < 1000.00 → 0.00 元');
  });

  it('names the one wrong field of a result read back from elsewhere', () => {
    // A claim's shape with a number for its total: only the total is wrong, so only it is named
    // (not the fields a year result would have had).
    const wrong = () => explain({ claimId: 'x', total: 5, lines: [] } as never);
    expect(wrong).toThrow(InvalidInputError);
    try {
      wrong();
    } catch (error) {
      expect((error as InvalidInputError).issues).toEqual([{ path: ['result', 'total'], code: 'custom', message: 'expected a Decimal amount, as the evaluate functions return' }]);
    }
  });
});
