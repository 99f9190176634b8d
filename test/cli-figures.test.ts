// `huzhu evaluate` settles a claim of one plan to the engine's figures in fen (no result made)
// and carries the engine's ledger in fen to the member's next row (issue 16): what it writes
// must be what writing from whole results gave, and its errors those of selectPolicy then
// evaluateClaim. Also: a ledger sent to disk (past HUZHU_LEDGERS_IN_MEMORY) comes back whole.
import { describe, expect, it } from 'vitest';
import { readClaim } from '../src/_lib/engine/row';
import { InvalidInputError, PolicyNotFoundError } from '../src/_lib/errors';
import { evaluateClaim, selectPolicy, type ClaimInput, type MemberInput } from '../src';
import { outcomeWriter, OUTPUT_FORMATS } from '../src/cli/output';
import { DEFAULT_LIMITS } from '../src/cli/records';
import { numbered, settleInOrder } from '../src/cli/settle';
import { bundledRegistry } from '../src/policies';

const HEADER = 'scheme,memberId,enrolledFrom,enrolledTo,claimId,kind,date,admission,discharge,cause,total,insurancePaid,inScopeCopay,selfPaid,grade';
// Beijing's outpatient subsidy: 20 % of the co-payment above a deductible of 1,800 a protection year.
const outpatient = (member: string, claim: string, date: string) => `beijing-warm,${member},2012-01-01,2012-12-31,${claim},outpatient,${date},,,,3000,1000,1500,500,`;
const stay = (member: string, claim: string, admission: string, discharge: string, copay: string) =>
  `guangxi,${member},2024-01-01,2024-12-31,${claim},hospitalisation,,${admission},${discharge},illness,90000,20000,${copay},1000,`;
const death = (member: string, claim: string) => `guangxi,${member},2024-01-01,2024-12-31,${claim},death,2024-06-01,,,,,,,,`;

async function evaluate(rows: readonly string[], format: (typeof OUTPUT_FORMATS)[number], options: { figures: boolean; limit?: number }): Promise<string> {
  async function* text() {
    yield `${[HEADER, ...rows].join('\n')}\n`;
  }
  const writer = outcomeWriter(format, 'zh');
  let out = '';
  for await (const batch of settleInOrder(numbered(text(), 'csv', DEFAULT_LIMITS), bundledRegistry, true, writer.row, options)) for (const written of batch) out += written.text;
  return out;
}

describe('evaluate rows written from the engine figures', () => {
  const rows = [
    outpatient('m1', 'a', '2012-03-01'),
    stay('g1', 's1', '2024-02-01', '2024-02-20', '60000'),
    stay('g1', 's2', '2024-05-01', '2024-05-20', '60000'),
    death('g1', 'd1'),
    death('g1', 'd1'),
    outpatient('m1', 'c', '2012-04-01'),
    'guangxi,g2,2024-01-01,2024-12-31,x,death,2024-13-01,,,,,,,,',
    'nowhere,g3,2024-01-01,2024-12-31,x,death,2024-06-01,,,,,,,,',
  ];

  it('are what writing whole results gave, in every format', async () => {
    for (const format of OUTPUT_FORMATS) {
      const fromResults = await evaluate(rows, format, { figures: false });
      expect(await evaluate(rows, format, { figures: true })).toBe(fromResults);
    }
    const csv = (await evaluate(rows, 'csv', { figures: true })).split('\n');
    // The deductible of the year: claim a used 1,500 of it, so c pays 20 % of 1,500 − 300.
    expect(csv[5]).toMatch(/^7,settled,beijing-warm,2012,m1,c,240\.00,outpatient=240\.00,/);
    // A claim given twice is refused the second time, from the ledger carried in fen.
    expect(csv[4]).toMatch(/^6,refused,guangxi,2024,g1,d1,0\.00,,/);
  });

  it('carry the deductible, claims and stays of a ledger that went to disk', async () => {
    // With one ledger kept, m1's goes to disk when g1's row comes, and claim c is settled from it.
    for (const figures of [true, false]) {
      const inMemory = await evaluate(rows, 'csv', { figures });
      expect(await evaluate(rows, 'csv', { figures, limit: 1 })).toBe(inMemory);
    }
  });
});

const PLANS = 'memberId,plans,enrolledFrom,enrolledTo,claimId,kind,date,total,insurancePaid,inScopeCopay,selfPaid';

describe('a plans row whose ledgers went to disk', () => {
  it('carries their deductible used', async () => {
    const row = (member: string, claim: string, date: string) => `${member},beijing-warm,2012-01-01,2012-12-31,${claim},outpatient,${date},3000,1000,1500,500`;
    const lines = [row('m1', 'a', '2012-03-01'), row('m2', 'b', '2012-03-01'), row('m1', 'c', '2012-04-01')];
    const run = async (limit: number) => {
      async function* text() {
        yield `${[PLANS, ...lines].join('\n')}\n`;
      }
      let out = '';
      for await (const batch of settleInOrder(numbered(text(), 'csv', DEFAULT_LIMITS), bundledRegistry, true, outcomeWriter('csv', 'en').row, { limit, figures: true })) for (const written of batch) out += written.text;
      return out;
    };
    const spilled = await run(1);
    expect(spilled.split('\n')[2]).toMatch(/^4,settled,beijing-warm,2012,m1,c,240\.00,beijing-warm=240\.00,/);
    expect(spilled).toBe(await run(100));
  });
});

/** The issues `fn` throws, as the CLI reports them. */
function issuesOf(fn: () => unknown): unknown {
  try {
    fn();
    return 'no error';
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues;
    if (error instanceof PolicyNotFoundError) return error.message;
    throw error;
  }
}

describe('a row read once', () => {
  const member: MemberInput = { id: 'm1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] };
  const claim = { kind: 'death', id: 'c1', date: '2024-06-01' } as const;
  const cases: [string, string, unknown, unknown][] = [
    ['a claim and a member both invalid: the claim first', 'guangxi', { id: '' }, { kind: 'death', id: 'c1', date: '2024-02-30' }],
    ['an invalid member and a scheme with no version: the member first', 'nowhere', { id: 'm1', enrolments: 'all' }, claim],
    ['no version then', 'guangxi', member, { kind: 'death', id: 'c1', date: '1999-06-01' }],
    ['an unknown scheme', 'nowhere', member, claim],
    ['a claim of an unknown kind', 'guangxi', member, { kind: 'dental', id: 'c1', date: '2024-06-01' }],
    ['a member of null', 'guangxi', null, claim],
    ['a claim of null', 'guangxi', member, null],
  ];

  it.each(cases)('gives the error selectPolicy then evaluateClaim give: %s', (_, scheme, who, what) => {
    const publicPath = issuesOf(() => evaluateClaim(selectPolicy(scheme, what as ClaimInput, { member: who as MemberInput }), who as MemberInput, what as ClaimInput));
    expect(publicPath).not.toBe('no error');
    expect(issuesOf(() => readClaim(bundledRegistry, scheme, who as MemberInput, what))).toEqual(publicPath);
  });

  it('picks the version selectPolicy picks', () => {
    const stayOver = { kind: 'hospitalisation', id: 's1', admission: '2023-12-28', discharge: '2024-01-05', cause: 'illness', costs: { total: '100', insurancePaid: '0', inScopeCopay: '100', selfPaid: '0' } } as const;
    const both = { id: 'm1', enrolments: [...member.enrolments, { scheme: 'guangxi', year: 2023, from: '2023-01-01', to: '2023-12-31' }] };
    expect(readClaim(bundledRegistry, 'guangxi', both, stayOver).policy).toBe(selectPolicy('guangxi', stayOver, { member: both }));
    expect(readClaim(bundledRegistry, 'guangxi', both, stayOver).policy.year).toBe(2023);
  });
});
