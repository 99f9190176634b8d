/**
 * A result holds everything it needs, as its own copies, when it is returned: whatever the
 * caller does to its inputs afterwards, the result reads the same. And the inputs are read
 * once: a getter that answers differently later cannot slip an unchecked value into a result.
 * Also: a member's year costs linear time in its claims.
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim, evaluateYear, policies, type ClaimInput, type HospitalisationInput, type Ledger, type LedgerInput, type MemberInput } from '../src';
import { enrolledMember, made, stay, syntheticPolicy } from './_fixtures';

// Lines whose steps show a claim's figures: a co-payment share and a daily allowance.
const policy = syntheticPolicy([
  { id: 'subsidy', label: { zh: '住院补助', en: 'Subsidy' }, event: 'hospitalisation', formula: { kind: 'bands', deductibleScope: 'stay', measure: 'base', method: 'progressive', base: 'inScopeCopay', deductible: made('100'), bands: made([{ ratio: '0.5' }]) } },
  { id: 'allowance', label: { zh: '住院补贴', en: 'Allowance' }, event: 'hospitalisation', formula: { kind: 'perDay', amount: made('10') } },
  { id: 'death', label: { zh: '身故津贴', en: 'Death' }, event: 'death', formula: { kind: 'lumpSum', amount: made('8000') } },
]);

type Inputs = { member: MemberInput; claim: HospitalisationInput; later: ClaimInput };
/** An input as a record a caller may write anything into. */
const writable = (value: object) => value as unknown as Record<string, unknown>;
const inputs = (): Inputs => ({
  member: enrolledMember('test', 2024),
  claim: stay('s1', '2024-03-01', '2024-03-05', { inScopeCopay: '300.00' }),
  later: { kind: 'death', id: 'd1', date: '2024-06-01' },
});

// What the caller might do to its objects once the call returned, as the issue reports it.
const afterwards: { name: string; change: (input: Inputs) => void }[] = [
  { name: 'changes the claim’s in-scope co-payment', change: (input) => (writable(input.claim.costs).inScopeCopay = '900.00') },
  { name: 'reuses the member with no enrolments', change: (input) => (input.member.enrolments = []) },
  { name: 'makes the claim’s discharge invalid', change: (input) => (writable(input.claim).discharge = 'not a date') },
  { name: 'empties the claim', change: (input) => Object.keys(input.claim).forEach((key) => delete writable(input.claim)[key]) },
];

describe('a result reads nothing of the caller’s after it returns', () => {
  it.each(afterwards)('evaluateClaim: the same JSON after the caller $name', ({ change }) => {
    const expected = JSON.stringify(evaluateClaim(policy, inputs().member, inputs().claim));
    const input = inputs();
    const result = evaluateClaim(policy, input.member, input.claim);
    change(input);
    // Before the fix, the steps, made on first read, showed 900.00, threw a TypeError or an InvalidInputError.
    expect(JSON.stringify(result)).toBe(expected);
    expect(result.lines[0]!.steps.map((step) => step.expression).join(' ')).toContain('300.00');
  });

  it.each(afterwards)('evaluateYear: the same JSON after the caller $name', ({ change }) => {
    const pristine = inputs();
    const expected = JSON.stringify(evaluateYear(policy, pristine.member, [pristine.claim, pristine.later]));
    const input = inputs();
    const year = evaluateYear(policy, input.member, [input.claim, input.later]);
    change(input);
    expect(JSON.stringify(year)).toBe(expected);
  });

  it('a ledger passed on keeps its claims, whatever the caller does to the ledger it passed', () => {
    const ledger: LedgerInput = { scheme: 'test', year: 2024, memberId: 'member-1', total: '0', byBenefit: {}, claimIds: ['old'] };
    const result = evaluateClaim(policy, inputs().member, inputs().claim, ledger);
    (ledger.claimIds as string[]).push('new');
    ledger.total = '99999';
    expect(result.ledger.claimIds).toEqual(['old', 's1']);
    expect(result.ledger.total.toFixed(2)).toBe(JSON.parse(JSON.stringify(result)).total);
  });
});

/** `object[key]` answers `first` once, then `later` on every read after: a value that changes between reads. */
function changingOnSecondRead<T extends object>(object: T, key: string, later: unknown): T {
  const first = (object as Record<string, unknown>)[key];
  let reads = 0;
  Object.defineProperty(object, key, { enumerable: true, configurable: true, get: () => (reads++ === 0 ? first : later) });
  return object;
}

describe('each input is read once: a getter cannot show the check one value and the result another', () => {
  const claimFields: { key: string; later: unknown }[] = [
    { key: 'id', later: '' },
    { key: 'kind', later: 'death' },
    { key: 'cause', later: 'war' },
    { key: 'admission', later: '2024-02-30' },
    { key: 'discharge', later: '2030-01-01' },
  ];
  it.each(claimFields)('a stay’s $key', ({ key, later }) => {
    const expected = JSON.stringify(evaluateClaim(policy, inputs().member, inputs().claim));
    const claim = changingOnSecondRead(inputs().claim, key, later);
    // Before the fix the fast path read these again after its check: the result held the later value, or threw.
    expect(JSON.stringify(evaluateClaim(policy, inputs().member, claim))).toBe(expected);
  });

  it.each([
    { key: 'total', later: '-1' },
    { key: 'inScopeCopay', later: '1e9' },
  ])('a stay’s cost $key', ({ key, later }) => {
    const expected = JSON.stringify(evaluateClaim(policy, inputs().member, inputs().claim));
    const claim = inputs().claim;
    changingOnSecondRead(claim.costs, key, later);
    expect(JSON.stringify(evaluateClaim(policy, inputs().member, claim))).toBe(expected);
  });

  it('a disability’s grade and date', () => {
    const disability = () => ({ kind: 'disability', id: 'g', date: '2024-05-01', grade: 3 }) as const;
    const guangxi = policies.guangxi[2024];
    const member = enrolledMember('guangxi', 2024);
    const expected = JSON.stringify(evaluateClaim(guangxi, member, disability()));
    const changing = changingOnSecondRead(changingOnSecondRead({ ...disability() }, 'grade', 11), 'date', 'soon');
    expect(JSON.stringify(evaluateClaim(guangxi, member, changing as ClaimInput))).toBe(expected);
  });

  it.each([
    { key: 'id', later: '' },
    { key: 'enrolments', later: [] },
  ])('the member’s $key', ({ key, later }) => {
    const expected = JSON.stringify(evaluateYear(policy, inputs().member, [inputs().claim, inputs().later]));
    const member = changingOnSecondRead(inputs().member, key, later);
    expect(JSON.stringify(evaluateYear(policy, member, [inputs().claim, inputs().later]))).toBe(expected);
  });

  it('an enrolment’s period', () => {
    const expected = JSON.stringify(evaluateClaim(policy, inputs().member, inputs().later));
    const member = inputs().member;
    changingOnSecondRead(member.enrolments[0]!, 'to', '2024-01-01');
    expect(JSON.stringify(evaluateClaim(policy, member, inputs().later))).toBe(expected);
  });
});

describe('a member’s year costs time linear in its claims', () => {
  // Sizes that take far longer than vitest's 5 s timeout, the only clock here, if each claim
  // costs as much as the claims before it (40,000 claims took 12.5 s), and well under a
  // second on an idle machine when each costs the same.
  const member = enrolledMember('test', 2024);
  const deaths = (count: number) => Array.from({ length: count }, (_, i): ClaimInput => ({ kind: 'death', id: `c${i}`, date: '2024-06-01' }));

  it('evaluateYear: 50,000 claims of one member', () => {
    const year = evaluateYear(policy, member, deaths(50_000));
    expect(year.total.toFixed(2)).toBe('400000000.00');
    expect(year.ledger.claimIds).toHaveLength(50_000);
  });

  it('evaluateClaim: 50,000 claims of one member, each given the ledger the last returned', () => {
    let ledger: Ledger | undefined;
    for (const claim of deaths(50_000)) ledger = evaluateClaim(policy, member, claim, ledger).ledger;
    expect([ledger!.total.toFixed(2), ledger!.claimIds.length]).toEqual(['400000000.00', 50_000]);
  });

  it('a ledger of many claims, whose ids are listed on first read, is still a plain ledger to spread, keys and JSON', () => {
    const { ledger } = evaluateYear(policy, member, deaths(20));
    const keys = ['scheme', 'year', 'memberId', 'total', 'byBenefit', 'claimIds', 'stays', 'paidStays', 'usage'];
    expect([Object.keys(ledger), Object.keys(JSON.parse(JSON.stringify(ledger)))]).toEqual([keys, keys]);
    expect({ ...ledger }.claimIds).toEqual(deaths(20).map((claim) => claim.id));
    expect(Object.isFrozen(ledger) && Object.isFrozen(ledger.claimIds)).toBe(true);
    expect(ledger.claimIds).toBe(ledger.claimIds);
  });

  // A result makes its lines and ledger by running its claim again from the last ledger its
  // year kept (one every 16 claims): read last to first, with no kept ledgers, or with each
  // run copying the year's claim ids, 20,000 results would run 200 million claims or copy
  // 1.6 billion ids; as it is, each read runs at most 16 claims.
  it('evaluateYear: every result of 20,000 claims of one member read, last to first', () => {
    const { results } = evaluateYear(policy, member, deaths(20_000));
    let lines = 0;
    const totals: string[] = [];
    for (let at = results.length - 1; at >= 0; at -= 1) {
      lines += results[at]!.lines.length;
      // A ledger is dearer to make than lines: one in a thousand is enough to check them.
      if (at % 1000 === 999) totals.push(results[at]!.ledger.total.toFixed(2));
    }
    expect([lines, totals.length, totals.at(-1)]).toEqual([20_000, 20, '8000000.00']);
    expect([results[16]!.ledger.total.toFixed(2), results[16]!.lines.map((line) => line.amount.toFixed(2))]).toEqual(['136000.00', ['8000.00']]);
  });

  it('still finds a repeated claim among 50,000', () => {
    const year = evaluateYear(policy, member, [...deaths(50_000), { kind: 'death', id: 'c49999', date: '2024-06-02' }, { kind: 'death', id: 'c0', date: '2024-06-02' }]);
    expect(year.results.slice(-2).map((result) => result.reasons.map((reason) => reason.code))).toEqual([['DUPLICATE_CLAIM'], ['DUPLICATE_CLAIM']]);
  });
});
