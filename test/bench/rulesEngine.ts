/**
 * The same Guangxi 2024 rules in json-rules-engine, the generic npm rules engine: the rules
 * decide which benefits a claim earns and carry their parameters; the app code around the
 * engine does the arithmetic (in fen, as the floor does) and keeps the maximum subsidy.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { ClaimInput } from '../../src';
import { dayNumber, fenOf } from './floor';
import type { MemberYear } from './workload';

const rules: RuleProperties[] = [
  {
    name: 'hospitalisation',
    priority: 4,
    conditions: { all: [{ fact: 'kind', operator: 'equal', value: 'hospitalisation' }] },
    event: { type: 'copay', params: { deductible: 100_000, bound: 5_000_000, lowerTenths: 5, upperTenths: 6 } },
  },
  { name: 'death', priority: 3, conditions: { all: [{ fact: 'kind', operator: 'equal', value: 'death' }] }, event: { type: 'lumpSum', params: { amount: 1_000_000 } } },
  {
    name: 'hospital-allowance',
    priority: 2,
    conditions: { all: [{ fact: 'kind', operator: 'equal', value: 'hospitalisation' }, { fact: 'days', operator: 'greaterThanInclusive', value: 1 }] },
    event: { type: 'perDay', params: { amount: 5_000 } },
  },
  {
    name: 'disability',
    priority: 1,
    conditions: { all: [{ fact: 'kind', operator: 'equal', value: 'disability' }, { fact: 'grade', operator: 'in', value: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }] },
    event: { type: 'gradeSchedule', params: { maximum: 2_000_000 } },
  },
];

export function createEngine(): Engine {
  return new Engine(rules, { allowUndefinedFacts: true });
}

function days(claim: Extract<ClaimInput, { kind: 'hospitalisation' }>): number {
  return Math.max(1, dayNumber(claim.discharge) - dayNumber(claim.admission));
}

export async function rulesEngineYear(engine: Engine, { claims }: MemberYear): Promise<number[]> {
  let paid = 0;
  const totals: number[] = [];
  for (const claim of claims) {
    const facts =
      claim.kind === 'hospitalisation'
        ? { kind: claim.kind, days: days(claim), inScopeCopay: fenOf(String(claim.costs.inScopeCopay)) }
        : { kind: claim.kind, grade: claim.kind === 'disability' ? claim.grade : undefined };
    const { events } = await engine.run(facts);
    let total = 0;
    for (const event of events) {
      const p = event.params as Record<string, number>;
      let line = 0;
      if (event.type === 'lumpSum') line = p.amount!;
      else if (event.type === 'perDay') line = p.amount! * (facts as { days: number }).days;
      else if (event.type === 'gradeSchedule') line = (p.maximum! * (11 - (facts as { grade: number }).grade)) / 10;
      else {
        const copay = (facts as { inScopeCopay: number }).inScopeCopay;
        const lower = Math.max(0, Math.min(copay, p.bound!) - p.deductible!);
        const upper = Math.max(0, copay - p.bound!);
        line = Math.floor((lower * p.lowerTenths! + upper * p.upperTenths! + 5) / 10);
      }
      const amount = Math.min(line, 100_000_000 - paid);
      paid += amount;
      total += amount;
    }
    totals.push(total);
  }
  return totals;
}
