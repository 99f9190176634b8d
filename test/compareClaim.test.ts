import { describe, expect, it } from 'vitest';
import { compareClaim, evaluateClaim, InvalidInputError, policies } from '../src';
import { enrolledMember, stay } from './_fixtures';

describe('compareClaim', () => {
  const member = enrolledMember('guangxi', 2024);

  it('answers "what would I have got last year?" for a 2024 death: 10,000 now, 5,000 under the 2023 rules', () => {
    const comparison = compareClaim({ kind: 'death', id: 'd1', date: '2024-06-01' }, member, [policies.guangxi[2024], policies.guangxi[2023]]);
    expect(comparison.results.map((r) => [r.result.policy.year, r.result.total.toFixed(2), r.whatIf, r.difference.toFixed(2)])).toEqual([
      [2024, '10000.00', false, '0.00'],
      [2023, '5000.00', true, '-5000.00'],
    ]);
    const whatIf = comparison.results[1]!.result;
    expect(whatIf.warnings.map((w) => w.code)).toContain('WHAT_IF');
    expect(whatIf.warnings.find((w) => w.code === 'WHAT_IF')?.message.en).toBe(
      'What-if: the guangxi 2023 rules applied to an event on 2024-06-01, which that version does not actually govern.',
    );
  });

  it('gives the version that governs the date exactly what evaluateClaim gives', () => {
    const claim = stay('c1', '2024-03-01', '2024-03-11', { inScopeCopay: '3000.00' });
    const comparison = compareClaim(claim, member, [policies.guangxi[2024]]);
    expect(JSON.stringify(comparison.results[0]?.result)).toBe(JSON.stringify(evaluateClaim(policies.guangxi[2024], member, claim)));
  });

  it('shows a benefit the older version lacked as no line at all', () => {
    const claim = stay('c1', '2024-03-01', '2024-03-11');
    const [now, before] = compareClaim(claim, member, [policies.guangxi[2024], policies.guangxi[2023]]).results;
    expect(now?.result.lines.map((l) => [l.benefit, l.amount.toFixed(2)])).toContainEqual(['hospital-allowance', '500.00']);
    expect(before?.result.lines.map((l) => l.benefit)).not.toContain('hospital-allowance');
  });

  it('still needs the member enrolled in the scheme on the date', () => {
    const comparison = compareClaim({ kind: 'death', id: 'd1', date: '2024-06-01' }, enrolledMember('guangxi', 2022), [policies.guangxi[2023]]);
    expect(comparison.results[0]?.result.reasons.map((r) => r.code)).toEqual(['NOT_ENROLLED']);
  });

  it('refuses an empty list of versions', () => {
    try {
      compareClaim({ kind: 'death', id: 'd1', date: '2024-06-01' }, member, []);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).issues[0]).toMatchObject({ path: ['policies'], code: 'too_small' });
    }
  });
});
