/**
 * The CSV columns of 0.4's member and claim fields: attributes, birth date, sex, outpatient
 * claims, the cost above the insurance ceiling, claim attributes and the filing date, each read
 * into the record the library settles, in English and Chinese headers.
 */
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, huzhu } from './_cli';

const HEADER = 'scheme,memberId,enrolledFrom,enrolledTo,attributes,birthDate,sex,claimId,kind,date,admission,discharge,cause,total,insurancePaid,inScopeCopay,selfPaid,aboveCeiling,claimAttributes,filedOn';
const ROWS = [
  // An employee's stay at a level-1 hospital: 50 % of 2,000 = 1,000, and 60 % of the 1,000 above the ceiling = 600.
  'columns,m1,2024-01-01,2024-12-31,baseInsurance=employee,1970-05-01,女,s1,住院,,2024-03-01,2024-03-05,illness,10000,5000,2000,0,1000,hospitalLevel=1,2024-03-20',
  // A resident's stay: 40 % of 2,000 = 800; filed 31 days after discharge, past the 30-day deadline.
  'columns,m2,2024-01-01,2024-12-31,baseInsurance=residents,1980-01-01,male,s2,hospitalisation,,2024-04-01,2024-04-02,illness,3000,1000,2000,0,,hospitalLevel=1,2024-05-03',
  // Outpatient: 2,300 in scope, the year's 1,800 deductible first, then 50 % of 500 = 250.
  'columns,m3,2024-01-01,2024-12-31,baseInsurance=employee,1960-01-01,female,o1,门诊,2024-06-01,,,,3000,700,2300,0,,,2024-06-02',
  // A member aged 70 on the event date is refused by the policy's requirement.
  'columns,m4,2024-01-01,2024-12-31,baseInsurance=employee,1954-01-01,male,o2,outpatient,2024-06-01,,,,3000,700,2300,0,,,2024-06-02',
];

describe('huzhu evaluate reads the 0.4 columns', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('settles stays, outpatient claims and refusals from attributes, birth dates, costs above the ceiling and filing dates', () => {
    const { code, stdout, stderr } = huzhu(['evaluate', '-', '--from', 'csv', '--format', 'ndjson', '--lang', 'en', '--policy', 'columns-policy.json'], { input: [HEADER, ...ROWS].join('\n') });
    expect(stderr).toContain('4 rows: 4 results');
    expect(code).toBe(0);
    const results = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(results.map((row) => [row.claimId, row.status, row.total, row.reasons])).toEqual([
      ['s1', 'settled', '1600.00', []],
      ['s2', 'refused', '0.00', ['The claim was filed on 2024-05-03, after the deadline of 2024-05-02.']],
      ['o1', 'settled', '250.00', []],
      ['o2', 'refused', '0.00', ['Only for: under 70.']],
    ]);
  });

  it('names the column of a value the policy does not allow', () => {
    const row = 'columns,m1,2024-01-01,2024-12-31,baseInsurance=farmer,1970-05-01,女,s1,住院,,2024-03-01,2024-03-05,illness,10000,5000,2000,0,0,hospitalLevel=1,2024-03-20';
    const { code, stdout } = huzhu(['evaluate', '-', '--from', 'csv', '--format', 'ndjson', '--policy', 'columns-policy.json'], { input: `${HEADER}\n${row}` });
    expect(code).toBe(1);
    const [error] = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(JSON.stringify(error)).toContain('attributes');
    expect(JSON.stringify(error)).toContain('expected one of \\"employee\\", \\"residents\\"; got \\"farmer\\"');
  });
});
