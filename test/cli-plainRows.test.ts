// `huzhu evaluate` reads most CSV rows straight into the engine's checked claim and member
// (plainCsvClaim), without the record the other rows go through (issue 16: CPU a row). Where it
// does, it must give exactly the copies the record gives through the library's hand checks and
// schemas (readClaim); where a cell is one only the schemas read, it must leave the row to the
// record, so that every error stays the one the record gives.
import { describe, expect, it } from 'vitest';
import { readClaim } from '../src/_lib/engine/row';
import type { MemberInput } from '../src';
import { columnIndex, csvClaimRecord, CsvFields, headerColumns, plainCsvClaim, recordFromCsv } from '../src/cli/rows';
import { bundledRegistry } from '../src/policies';

const HEADER = 'scheme,memberId,enrolledFrom,enrolledTo,enrolledOn,flags,sex,claimId,kind,date,admission,discharge,cause,total,insurancePaid,inScopeCopay,selfPaid,aboveCeiling,filedOn';

function rowOf(line: string): CsvFields {
  const header = headerColumns(HEADER.split(','));
  if (!('columns' in header)) throw new Error(header.problem);
  const fields = line.split(',');
  expect(fields).toHaveLength(header.columns.length);
  return new CsvFields(fields, columnIndex(header.columns));
}

// A stay and an outpatient claim of the plain shape, then one cell changed at a time.
const STAY = 'guangxi,g1,2024-01-01,2024-12-31,,,,s1,hospitalisation,,2024-02-01,2024-02-20,illness,90000,20000,60000,1000,,';
const VISIT = 'guangxi,g1,2024-01-01,2024-12-31,,,,v1,门诊,2024-03-01,,,,3300.5,1000,1500.25,500,200,';

/** Each row once with `cell` (a column of the header) set to `value`. */
function withCell(line: string, column: string, value: string): string {
  const at = HEADER.split(',').indexOf(column);
  return line
    .split(',')
    .map((cell, i) => (i === at ? value : cell))
    .join(',');
}

// Rows the direct reading takes: each must give what the record gives.
const TAKEN = [
  STAY,
  VISIT,
  withCell(STAY, 'cause', '意外'),
  withCell(STAY, 'kind', '住院'),
  withCell(STAY, 'flags', 'retired;veteran'),
  withCell(STAY, 'enrolledFrom', '2024-03-01'),
  withCell(STAY, 'total', '81000'),
];

// Rows it must leave to the record: a cell only the schemas read, or one the hand checks refuse.
const LEFT = [
  withCell(STAY, 'enrolledOn', '2023-12-01'),
  withCell(STAY, 'sex', '女'),
  withCell(STAY, 'filedOn', '2024-03-01'),
  withCell(STAY, 'total', '80999.99'), // costs adding up to more than the total
  withCell(STAY, 'total', '1e5'),
  withCell(STAY, 'cause', 'other'),
  withCell(STAY, 'discharge', '2024-01-31'), // before admission
  withCell(STAY, 'admission', '2024-2-01'),
  withCell(STAY, 'kind', 'death'),
  withCell(STAY, 'claimId', ''),
  withCell(STAY, 'memberId', ''),
  withCell(STAY, 'flags', '1st'),
  withCell(STAY, 'enrolledTo', '2023-12-31'), // ends before it starts
  withCell(STAY, 'scheme', 'not a slug'),
  withCell(VISIT, 'date', ''),
  withCell(VISIT, 'selfPaid', '-5'),
];

/** What the record of a row gives: the checked claim and member, or the error readClaim throws. */
function throughRecord(row: CsvFields): unknown {
  try {
    const { scheme, member, claim } = csvClaimRecord(row);
    const read = readClaim(bundledRegistry, scheme, member as MemberInput, claim);
    return { scheme, member: read.member, claim: read.claim };
  } catch (error) {
    return error;
  }
}

describe('a CSV row read straight into the checked claim and member', () => {
  // The scheme is taken once a row has shown it to be a slug, as csvClaimRecord finds it.
  csvClaimRecord(rowOf(STAY));

  it.each(TAKEN)('gives the copies its record gives: %s', (line) => {
    const row = rowOf(line);
    const direct = plainCsvClaim(row);
    expect(direct).toBeDefined();
    expect(direct).toStrictEqual(throughRecord(row));
  });

  it('reads the claim and member a reader can check by hand', () => {
    const direct = plainCsvClaim(rowOf(VISIT))!;
    expect(direct.claim).toMatchObject({ kind: 'outpatient', id: 'v1', date: '2024-03-01', total: 330050, insurancePaid: 100000, inScopeCopay: 150025, selfPaid: 50000, aboveCeiling: 20000 });
    expect(direct.member).toStrictEqual({ id: 'g1', enrolments: [{ scheme: 'guangxi', year: 2024, from: '2024-01-01', to: '2024-12-31' }] });
  });

  it.each(LEFT)('leaves to the record a row with a cell only the schemas read or the hand checks refuse: %s', (line) => {
    const row = rowOf(line);
    expect(plainCsvClaim(row)).toBeUndefined();
    // The record then reads it (or refuses it) as it always did.
    expect(recordFromCsv(row)).toBeTypeOf('object');
  });
});
