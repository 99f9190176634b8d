// The lines `huzhu evaluate` writes, made straight from the result (issue 16): they must stay
// what they were when each was JSON.stringify of a summary object, key order included.
import { describe, expect, it } from 'vitest';
import { evaluateClaim, selectPolicy, type BenefitInput, type ClaimResult } from '../src';
import { outcomeWriter } from '../src/cli/output';
import { enrolledMember, made, stay, syntheticPolicy } from './_fixtures';

const lump = (id: string, amount: string): BenefitInput => ({ id, label: { zh: id, en: id }, event: 'hospitalisation', formula: { kind: 'lumpSum', amount: made(amount) } });
// Ids that are array indices: an object keyed by them lists them first, in numeric order.
const policy = syntheticPolicy([lump('lump', '50'), lump('20', '20'), lump('3', '30.5')]);
const member = enrolledMember('test', 2024);
const paid = { line: 7, result: evaluateClaim(policy, member, stay('s1', '2024-03-01', '2024-03-05')) };
const refused = { line: 8, result: evaluateClaim(policy, member, stay('s2', '2025-03-01', '2025-03-05')) };
const failed = { line: 9, issues: [{ path: ['claim', 'admission'], code: 'invalid_date', message: 'expected a date' }] };

describe('evaluate output lines', () => {
  it('lists benefits whose ids are numbers first, in numeric order, in every format', () => {
    expect(outcomeWriter('csv', 'en').row(paid)).toBe('7,settled,test,2024,member-1,s1,100.50,3=30.50;20=20.00;lump=50.00,,,true,\n');
    const expected = {
      line: 7,
      status: 'settled',
      scheme: 'test',
      year: 2024,
      memberId: 'member-1',
      claimId: 's1',
      total: '100.50',
      benefits: { lump: '50.00', 20: '20.00', 3: '30.50' },
      reasons: [],
      warnings: [],
      illustrative: true,
    };
    expect(outcomeWriter('ndjson', 'en').row(paid)).toBe(`${JSON.stringify(expected)}\n`);
    expect(outcomeWriter('json', 'en').row(paid)).toBe(JSON.stringify(expected));
    expect(JSON.stringify(expected)).toContain('"benefits":{"3":"30.50","20":"20.00","lump":"50.00"}');
  });

  it('writes a refused claim with its reasons, and an error with its issues', () => {
    const reasons = refused.result.reasons.map((reason) => reason.message.en);
    expect(reasons.length).toBeGreaterThan(0);
    const expected = { line: 8, status: 'refused', scheme: 'test', year: 2024, memberId: 'member-1', claimId: 's2', total: '0.00', benefits: {}, reasons, warnings: [], illustrative: refused.result.illustrative };
    expect(outcomeWriter('ndjson', 'en').row(refused)).toBe(`${JSON.stringify(expected)}\n`);
    expect(outcomeWriter('ndjson', 'en').row(failed)).toBe(`${JSON.stringify({ line: 9, status: 'error', issues: failed.issues })}\n`);
    expect(outcomeWriter('csv', 'en').row(failed)).toBe('9,error,,,,,,,,,,claim.admission: expected a date\n');
  });

  it('shows a warning in the language asked, each time, and a list that changed as it is now', () => {
    // A Guilin condolence top-up on a Guangxi enrolment: decided on application, with a warning saying so.
    const member = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }], flags: { cityFederationDirect: true } };
    const claim = stay('s1', '2024-08-01', '2024-08-20', { insurancePaid: '20000', inScopeCopay: '8000', selfPaid: '12000' });
    const result = evaluateClaim(selectPolicy('guilin-condolence', claim, { member }), member, claim);
    const warnings = (row: string) => (JSON.parse(row) as { warnings: string[] }).warnings;
    for (let round = 0; round < 2; round += 1) {
      expect(warnings(outcomeWriter('ndjson', 'en').row({ line: 2, result }))).toEqual(['Condolence payment: the amount is decided on application, between 500.00 and 5000.00 yuan.']);
      expect(warnings(outcomeWriter('ndjson', 'zh').row({ line: 2, result }))).toEqual(['慰问金：金额经申请核定，在 500.00 至 5000.00 元之间。']);
    }
    // A result made by hand whose list of warnings is not frozen: read again on every row.
    const list: ClaimResult['warnings'][number][] = [];
    const byHand = { ...result.toJSON(), warnings: list } as unknown as ClaimResult;
    expect(outcomeWriter('csv', 'en').row({ line: 3, result: byHand })).toBe('3,settled,guilin-condolence,2023,m1,s1,0.00,condolence=0.00,,,false,\n');
    list.push(result.warnings[0]!);
    expect(outcomeWriter('csv', 'en').row({ line: 3, result: byHand })).toBe('3,settled,guilin-condolence,2023,m1,s1,0.00,condolence=0.00,,"Condolence payment: the amount is decided on application, between 500.00 and 5000.00 yuan.",false,\n');
  });
});
