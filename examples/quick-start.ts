// Quick start: the same 10-day stay settled under the Guangxi 2023 and 2024 rules.
// Run it with `npm run example`.
import { evaluateClaim, selectPolicy, type ClaimResult, type HospitalisationInput } from 'huzhu';

const member = {
  id: 'member-001',
  enrolments: [
    { scheme: 'guangxi', year: 2023, from: '2023-01-01', to: '2023-12-31' },
    { scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' },
  ],
};

function tenDayStay(year: number): HospitalisationInput {
  return {
    kind: 'hospitalisation',
    id: `stay-${year}`,
    admission: `${year}-03-06`,
    discharge: `${year}-03-16`,
    cause: 'illness',
    costs: { total: '30000.00', insurancePaid: '15000.00', inScopeCopay: '12000.00', selfPaid: '3000.00' },
  };
}

function print(result: ClaimResult): void {
  console.log(`\n${result.policy.name.zh} / ${result.policy.name.en}`);
  for (const line of result.lines) {
    const mark = line.illustrative ? '  * illustrative' : '';
    console.log(`  ${line.label.zh} ${line.label.en}`.padEnd(44) + line.amount.toFixed(2).padStart(12) + mark);
    for (const step of line.steps) console.log(`      ${step.label.en}: ${step.expression} = ${step.value}`);
  }
  console.log('  合计 Total'.padEnd(44) + result.total.toFixed(2).padStart(12));
}

for (const year of [2023, 2024]) {
  const stay = tenDayStay(year);
  print(evaluateClaim(selectPolicy('guangxi', stay), member, stay));
}
console.log('\n* illustrative: the Guangxi hospitalisation formula is not published; that figure is not official.');
