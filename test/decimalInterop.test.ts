// decimal.js ships two builds, decimal.mjs for `import` and decimal.js for `require`, with two
// different Decimal classes: `instanceof` fails across them. A caller's amounts may come from
// either (an ESM app with a CommonJS dependency, say), and huzhu must read both.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Decimal, evaluateClaim, toYuan } from '../src';
import { enrolledMember, made, stay, syntheticPolicy } from './_fixtures';

const { Decimal: RequiredDecimal } = createRequire(import.meta.url)('decimal.js') as { Decimal: typeof Decimal };

describe('Decimals from either build of decimal.js', () => {
  it('are two classes: instanceof does not hold across them', () => {
    expect(new RequiredDecimal('1') instanceof Decimal).toBe(false);
  });

  it('are read as amounts by toYuan', () => {
    expect(toYuan(new RequiredDecimal('22669.43')).toFixed(2)).toBe('22669.43');
  });

  it('are read as a claim\'s costs', () => {
    // Half of the in-scope co-payment: 600.00 pays 300.00.
    const policy = syntheticPolicy([
      {
        id: 'copay',
        label: { zh: '住院补助', en: 'Stay subsidy' },
        event: 'hospitalisation',
        formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'inScopeCopay', deductible: made('0'), bands: made([{ ratio: '0.5' }]) },
      },
    ]);
    const claim = stay('s', '2024-03-01', '2024-03-05', { inScopeCopay: new RequiredDecimal('600.00') });
    expect(evaluateClaim(policy, enrolledMember('test', 2024), claim).total.toFixed(2)).toBe('300.00');
  });
});
