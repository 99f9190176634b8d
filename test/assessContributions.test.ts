import { describe, expect, it } from 'vitest';
import { assessContributions, policies, safeAssessContributions } from '../src';
import { made, syntheticPolicy } from './_fixtures';

describe('assessContributions', () => {
  const flag = { label: { zh: '标识', en: 'Flag' } };
  const policy = syntheticPolicy([], {
    attributes: { member: { hardship: flag, gigWorker: flag } },
    contribution: {
      perMember: made('80.50'),
      payers: made([{ flag: 'hardship', payer: 'publicFunds' }, { flag: 'gigWorker', payer: 'union' }]),
      defaultPayer: 'memberOrUnit',
    },
  });

  it('splits the total by payer; the first matching rule wins', () => {
    const assessment = assessContributions(policy, [
      { id: 'unit', count: 10 },
      { id: 'both', flags: { hardship: true, gigWorker: true } },
      { id: 'gig', flags: { gigWorker: true } },
      { id: 'not-gig', flags: { gigWorker: false } },
    ]);
    expect(JSON.parse(JSON.stringify(assessment.byPayer))).toEqual({
      memberOrUnit: { members: 11, amount: '885.50' },
      publicFunds: { members: 1, amount: '80.50' },
      union: { members: 1, amount: '80.50' },
    });
    expect([assessment.members, assessment.total.toFixed(2)]).toEqual([13, '1046.50']);
    expect(assessment.warnings.map((w) => w.params.parameter)).toEqual(['contribution.perMember', 'contribution.payers']);
  });

  it('an empty roster owes nothing', () => {
    expect(assessContributions(policy, []).total.toFixed(2)).toBe('0.00');
  });

  it('needs a policy with a contribution section', () => {
    const outcome = safeAssessContributions(policies.guangxi[2024], []);
    expect(outcome.success === false && outcome.error.issues).toEqual([
      { path: ['policy', 'contribution'], code: 'no_contribution', message: 'expected a policy with a "contribution" section' },
    ]);
  });

  it('refuses a count that is not a positive whole number', () => {
    const outcome = safeAssessContributions(policy, [{ id: 'u', count: 1.5 }]);
    expect(outcome.success === false && outcome.error.issues[0]?.path).toEqual(['roster', 0, 'count']);
  });
});
