// How `huzhu simulate` makes a member from their CSV rows: a later row repeating the member's
// cells adds only its claim (the member is not made again), so the member's cells must be
// exactly those MEMBER_COLUMNS lists.
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, MEMBER_COLUMNS, columnIndex, recordFromFields, type CsvColumn } from '../src/cli/rows';
import { MemberRows, Reading, type Refusal, type Tagged } from '../src/cli/simulatePool';

const COLUMNS = Object.keys(CSV_COLUMNS) as CsvColumn[];

/** A row with every column filled with a value the reader accepts. */
const row: Record<CsvColumn, string> = {
  scheme: 'guangxi',
  memberId: 'm1',
  enrolmentScheme: 'guangxi',
  enrolmentYear: '2024',
  enrolledFrom: '2024-01-01',
  enrolledTo: '2024-12-31',
  enrolledOn: '2023-12-01',
  flags: 'retired',
  attributes: 'unit=a',
  birthDate: '1970-01-01',
  sex: 'female',
  claimId: 'c1',
  kind: 'hospitalisation',
  date: '2024-02-01',
  admission: '2024-02-01',
  discharge: '2024-02-05',
  cause: 'illness',
  total: '1000.00',
  insurancePaid: '500.00',
  inScopeCopay: '400.00',
  selfPaid: '100.00',
  aboveCeiling: '0.00',
  grade: '3',
  claimAttributes: 'ward=b',
  filedOn: '2024-03-01',
  plans: 'guangxi',
  event: 'e1',
  paidElsewhere: '0.00',
};
const fieldsOf = (values: Record<CsvColumn, string>) => COLUMNS.map((column) => values[column]);
const memberOf = (values: Record<CsvColumn, string>) => (recordFromFields(fieldsOf(values), columnIndex(COLUMNS)) as { member: unknown }).member;

/** The members that `rows` make, read as `huzhu simulate` reads them, and the refusals. */
function members(rows: Record<CsvColumn, string>[]): { made: Tagged[]; refused: Refusal[] } {
  const reading = new Reading(true);
  reading.columns = COLUMNS;
  const refused: Refusal[] = [];
  const gather = new MemberRows(reading, (refusal) => refused.push(refusal));
  const made: Tagged[] = [];
  rows.forEach((values, i) => {
    const raw = { line: i + 2, value: fieldsOf(values) };
    const done = gather.push(raw, reading.idOf(raw));
    if (done !== undefined) made.push(done);
  });
  const last = gather.end();
  if (last !== undefined) made.push(last);
  return { made, refused };
}

describe('a member made from their CSV rows', () => {
  it('is made from the member columns only: no other cell changes it', () => {
    for (const column of COLUMNS.filter((each) => !MEMBER_COLUMNS.includes(each))) {
      expect({ column, member: memberOf({ ...row, [column]: '' }) }).toEqual({ column, member: memberOf(row) });
    }
  });

  it('takes every claim of rows repeating the member, and each enrolment a later row adds', () => {
    const later = { ...row, claimId: 'c2', kind: 'death', date: '2024-06-01' };
    const moved = { ...row, claimId: 'c3', enrolledTo: '2024-06-30' };
    const { made, refused } = members([row, later, moved, { ...later, claimId: 'c4' }]);
    expect(refused).toEqual([]);
    expect(made).toHaveLength(1);
    const { entry, lines } = made[0]!;
    expect(entry.claims.map((claim) => claim.id)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(entry.claims[1]).toEqual({ kind: 'death', id: 'c2', date: '2024-06-01', attributes: { ward: 'b' }, filedOn: '2024-03-01', event: 'e1', paidElsewhere: '0.00' });
    expect(entry.member.enrolments.map((enrolment) => enrolment.to)).toEqual(['2024-12-31', '2024-06-30']);
    expect(lines).toEqual([2, 2, 3, 4, 5]);
  });

  it('makes a new member for a new id, even when every other cell repeats', () => {
    const { made } = members([row, { ...row, memberId: 'm2', claimId: 'c2' }]);
    expect(made.map(({ entry }) => [entry.member.id, entry.claims.map((claim) => claim.id)])).toEqual([
      ['m1', ['c1']],
      ['m2', ['c2']],
    ]);
  });
});
