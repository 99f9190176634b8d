import { z } from 'zod';
import { validate, type Issue } from '../_lib/errors';
import { slugSchema } from '../_lib/fieldSchemas';
import type { Member } from '../_lib/inputSchemas';
import { costsInFenOf, enrolmentOf, isPlainId, memberOf, outpatientClaim, stayClaim, type PlainClaim } from '../_lib/plainInput';
import { planEnrolments } from './plans';

/**
 * The CSV columns, with the Chinese headers accepted for each. One row is one claim with the
 * member's enrolment; empty cells are absent values.
 */
export const CSV_COLUMNS = {
  scheme: '保障方案',
  memberId: '会员编号',
  enrolmentScheme: '参保方案',
  enrolmentYear: '参保年度',
  enrolledFrom: '参保起始日期',
  enrolledTo: '参保终止日期',
  enrolledOn: '参保办理日期',
  flags: '会员标识',
  attributes: '会员属性',
  birthDate: '出生日期',
  sex: '性别',
  claimId: '申请编号',
  kind: '申请类型',
  date: '事件日期',
  admission: '入院日期',
  discharge: '出院日期',
  cause: '住院原因',
  total: '总费用',
  insurancePaid: '医保报销',
  inScopeCopay: '政策范围内个人自付',
  selfPaid: '医保外自费费用',
  aboveCeiling: '医保封顶线以上费用',
  grade: '伤残等级',
  claimAttributes: '申请属性',
  filedOn: '申请提交日期',
  plans: '所持方案',
  event: '事故编号',
  paidElsewhere: '其他资金已付',
} as const;

export type CsvColumn = keyof typeof CSV_COLUMNS;

const COLUMN_BY_HEADER = new Map<string, CsvColumn>(
  Object.entries(CSV_COLUMNS).flatMap(([column, chinese]) => [
    [column, column as CsvColumn],
    [chinese, column as CsvColumn],
  ]),
);

/** Chinese words accepted in the `kind` and `cause` cells. */
const VALUE_ALIASES: Readonly<Record<string, string>> = {
  住院: 'hospitalisation',
  门诊: 'outpatient',
  女: 'female',
  男: 'male',
  伤残: 'disability',
  身故: 'death',
  疾病: 'illness',
  意外: 'accident',
  意外伤害: 'accident',
};

/** A record as the library takes it: which scheme, the member, and the claim. */
export const recordSchema = z.strictObject({
  scheme: slugSchema,
  // The library checks what they hold; zod alone would call a missing one "expected nonoptional".
  member: z.unknown().nonoptional({ error: 'expected the member: an object with its id and enrolments' }),
  claim: z.unknown().nonoptional({ error: 'expected the claim: an object with its kind, id and dates' }),
});
export type ClaimRecord = z.output<typeof recordSchema>;

const integer = (cell: string | undefined) => (cell !== undefined && /^\d+$/.test(cell) ? Number(cell) : cell);

/** A CSV row: its cells keyed by the column each header cell names. */
export type CsvRow = Readonly<Partial<Record<CsvColumn, string>>>;

/**
 * The column each header cell names, or why the header is refused: a cell that names no
 * column, or two cells naming the same one (say `inScopeCopay` and 政策范围内个人自付), would
 * otherwise fail or silently drop a value on every row.
 */
export function headerColumns(header: readonly string[]): { columns: CsvColumn[] } | { problem: string } {
  const columns: CsvColumn[] = [];
  const unknown: string[] = [];
  const first = new Map<CsvColumn, number>();
  const twice: string[] = [];
  header.forEach((cell, i) => {
    const where = `${JSON.stringify(cell)} (column ${i + 1})`;
    const column = COLUMN_BY_HEADER.get(cell);
    if (column === undefined) return void unknown.push(where);
    const earlier = first.get(column);
    if (earlier === undefined) first.set(column, i);
    else twice.push(`${column} is named twice, by ${JSON.stringify(header[earlier])} (column ${earlier + 1}) and ${where}`);
    columns.push(column);
  });
  const problems = [
    ...(unknown.length > 0 ? [`unknown ${unknown.length === 1 ? 'column' : 'columns'} ${unknown.join(', ')}; expected ${Object.keys(CSV_COLUMNS).join(', ')} or their Chinese names`] : []),
    ...twice,
  ];
  return problems.length > 0 ? { problem: `the CSV header is refused: ${problems.join('; ')}` } : { columns };
}

/** Chinese words accepted in the `kind`, `cause` and `sex` cells; a Map, so that no cell reads Object.prototype. */
const ALIAS = new Map(Object.entries(VALUE_ALIASES));
const alias = (cell: string | undefined) => (cell === undefined ? undefined : (ALIAS.get(cell) ?? cell));

/**
 * A cell's value: absent when empty. Most cells have no space around them, so only those
 * beginning or ending with anything but plain ASCII are trimmed (`trim` knows Unicode's spaces).
 */
function cellOf(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f) return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The cell of a row's fields at `index`, as {@link cellOf} reads it; absent for a column not named (-1). */
const cellIn = (fields: readonly string[], index: number) => (index < 0 ? undefined : cellOf(fields[index]));

/** Where each column is among a row's fields; -1 for a column the header does not name. */
export type ColumnIndex = Readonly<Record<CsvColumn, number>>;

const COLUMNS = Object.keys(CSV_COLUMNS) as CsvColumn[];

/** The index of the columns a header names, in its order. */
export function columnIndex(columns: readonly CsvColumn[]): ColumnIndex {
  return Object.fromEntries(COLUMNS.map((column) => [column, columns.indexOf(column)])) as Record<CsvColumn, number>;
}

/** A row keyed by column as its fields in {@link COLUMNS} order. */
const KEYED = columnIndex(COLUMNS);

/**
 * A CSV row as read: its fields, and where each column is among them (one index for every row
 * of a file). Reading cells from here makes no object keyed by column for each row.
 */
export class CsvFields {
  constructor(
    readonly fields: readonly string[],
    readonly at: ColumnIndex,
  ) {}

  /** The cell of `column`, as {@link recordFromFields} reads it: absent when empty or not in the header. */
  cell(column: CsvColumn): string | undefined {
    return cellIn(this.fields, this.at[column]);
  }

  /** The row keyed by column (a column the header names, its raw field): how a row put off is written to disk. */
  keyed(): CsvRow {
    const row: Partial<Record<CsvColumn, string>> = {};
    for (const column of COLUMNS) if (this.at[column] >= 0) row[column] = this.fields[this.at[column]]!;
    return row;
  }
}

/** A CSV row as its fields, whether read so or keyed by column (a worker's row, a row put off to disk). */
export function csvFieldsOf(row: CsvRow | CsvFields): CsvFields {
  return row instanceof CsvFields
    ? row
    : new CsvFields(
        COLUMNS.map((column) => row[column] ?? ''),
        KEYED,
      );
}

/** A CSV row as the record JSON input would give; empty cells are absent values. */
export function recordFromCsv(row: CsvRow | CsvFields): unknown {
  const { fields, at } = csvFieldsOf(row);
  return recordFromFields(fields, at);
}

/**
 * A CSV row's fields as the record JSON input would give; empty cells are absent values. Its
 * objects list their keys in the documented order, the shape the library's hand check accepts
 * at once (a row per claim makes this the hot path of `evaluate` and `simulate`): optional keys
 * are added after, never spread in.
 */
export function recordFromFields(fields: readonly string[], at: ColumnIndex): unknown {
  const scheme = cellIn(fields, at.scheme);
  const claim = claimFromFields(fields, at);
  const plans = cellIn(fields, at.plans);
  const member = memberFromFields(fields, at, scheme, plans);
  // A row naming the plans held is settled under all of them; a scheme beside them is refused, not ignored.
  return plans === undefined ? { scheme, member, claim } : { ...(scheme !== undefined && { scheme }), plans: true, member, claim };
}

/** The claim of a CSV row's fields, as {@link recordFromFields} makes it. */
export function claimFromFields(fields: readonly string[], at: ColumnIndex): Record<string, unknown> {
  const kind = alias(cellIn(fields, at.kind));
  const id = cellIn(fields, at.claimId);
  const date = cellIn(fields, at.date);
  let claim: Record<string, unknown>;
  if (kind === 'hospitalisation' || kind === 'outpatient') {
    const total = cellIn(fields, at.total);
    const insurancePaid = cellIn(fields, at.insurancePaid);
    const inScopeCopay = cellIn(fields, at.inScopeCopay);
    const selfPaid = cellIn(fields, at.selfPaid);
    const aboveCeiling = cellIn(fields, at.aboveCeiling);
    const costs = aboveCeiling === undefined ? { total, insurancePaid, inScopeCopay, selfPaid } : { total, insurancePaid, inScopeCopay, selfPaid, aboveCeiling };
    claim =
      kind === 'hospitalisation'
        ? { kind, id, admission: cellIn(fields, at.admission), discharge: cellIn(fields, at.discharge), cause: alias(cellIn(fields, at.cause)), costs }
        : { kind, id, date, costs };
  } else if (kind === 'disability') claim = { kind, id, date, grade: integer(cellIn(fields, at.grade)) };
  else claim = { kind, id, date };
  const claimAttributes = cellIn(fields, at.claimAttributes);
  if (claimAttributes !== undefined) claim.attributes = pairs(claimAttributes);
  const filedOn = cellIn(fields, at.filedOn);
  if (filedOn !== undefined) claim.filedOn = filedOn;
  const event = cellIn(fields, at.event);
  if (event !== undefined) claim.event = event;
  const paidElsewhere = cellIn(fields, at.paidElsewhere);
  if (paidElsewhere !== undefined) claim.paidElsewhere = paidElsewhere;
  return claim;
}

/**
 * The columns a row's member is made from, by {@link memberFromFields} alone: two rows whose
 * cells agree on these make the same member (the rest make the claim).
 */
export const MEMBER_COLUMNS: readonly CsvColumn[] = ['scheme', 'memberId', 'enrolmentScheme', 'enrolmentYear', 'enrolledFrom', 'enrolledTo', 'enrolledOn', 'plans', 'flags', 'attributes', 'birthDate', 'sex'];

/** The enrolment cells of a row: its scheme (the row's, unless named), year (else the start's), start and end. */
function enrolmentCells(fields: readonly string[], at: ColumnIndex, scheme: string | undefined) {
  const from = cellIn(fields, at.enrolledFrom);
  return {
    // A top-up such as Guilin's condolence payment rests on an enrolment in another scheme.
    scheme: cellIn(fields, at.enrolmentScheme) ?? scheme,
    year: integer(cellIn(fields, at.enrolmentYear)) ?? integer(from?.slice(0, 4)),
    from,
    to: cellIn(fields, at.enrolledTo),
  };
}

/** The flags of a `flags` cell, each set. */
function flagsOf(cell: string): Record<string, boolean> {
  const names = cell.split(/[;；]/).map((flag) => flag.trim()).filter((flag) => flag !== '');
  return Object.fromEntries(names.map((flag) => [flag, true]));
}

function memberFromFields(fields: readonly string[], at: ColumnIndex, scheme: string | undefined, plans: string | undefined): Record<string, unknown> {
  const enrolledOn = cellIn(fields, at.enrolledOn);
  const cells = enrolmentCells(fields, at, scheme);
  const enrolment = enrolledOn === undefined ? cells : { ...cells, enrolledOn };
  const member: Record<string, unknown> = { id: cellIn(fields, at.memberId), enrolments: plans === undefined ? [enrolment] : planEnrolments(plans, enrolment) };
  const flags = cellIn(fields, at.flags);
  if (flags !== undefined) member.flags = flagsOf(flags);
  const attributes = cellIn(fields, at.attributes);
  if (attributes !== undefined) member.attributes = pairs(attributes);
  const birthDate = cellIn(fields, at.birthDate);
  if (birthDate !== undefined) member.birthDate = birthDate;
  const sex = cellIn(fields, at.sex);
  if (sex !== undefined) member.sex = alias(sex);
  return member;
}

/** The last scheme found to be a slug: a file names few schemes, most of them on every row. */
let slug: string | undefined;

/**
 * A CSV row as a checked record. Its member and claim are objects, as the schema asks: only the
 * scheme needs a look, and the schema says what is wrong with one that is not a slug. (The
 * library checks the member and the claim, with paths under each.)
 */
export function csvClaimRecord(row: CsvRow | CsvFields): ClaimRecord {
  const record = recordFromCsv(row) as ClaimRecord;
  if (record.scheme !== undefined && record.scheme === slug) return record;
  const checked = validate(recordSchema, record, []);
  slug = checked.scheme;
  return checked;
}

/**
 * A row of one plan read straight into the engine's checked claim and member, without the
 * record {@link csvClaimRecord} makes: only when every cell it has is one the hand checks of
 * the library take ({@link plainClaim}, {@link plainMember}), which then make the same copies
 * from the record. Undefined otherwise: the record then gives the copies, or the error.
 */
export function plainCsvClaim(row: CsvFields): { scheme: string; member: Member; claim: PlainClaim } | undefined {
  const { fields, at } = row;
  const scheme = cellIn(fields, at.scheme);
  // A scheme not yet found to be a slug, or cells only the schemas read, go the record's way.
  if (scheme === undefined || scheme !== slug) return undefined;
  for (const index of optionalIndexes(at)) if (cellOf(fields[index]) !== undefined) return undefined;
  const kind = alias(cellIn(fields, at.kind));
  const id = cellIn(fields, at.claimId);
  if (!isPlainId(id) || (kind !== 'hospitalisation' && kind !== 'outpatient')) return undefined;
  const costs = costsInFenOf(cellIn(fields, at.total), cellIn(fields, at.insurancePaid), cellIn(fields, at.inScopeCopay), cellIn(fields, at.selfPaid), cellIn(fields, at.aboveCeiling));
  const claim =
    kind === 'hospitalisation'
      ? stayClaim(id, cellIn(fields, at.admission), cellIn(fields, at.discharge), alias(cellIn(fields, at.cause)), costs)
      : outpatientClaim(id, cellIn(fields, at.date), costs);
  if (claim === undefined) return undefined;
  const cells = enrolmentCells(fields, at, scheme);
  const enrolment = enrolmentOf(cells.scheme, cells.year, cells.from, cells.to, undefined);
  if (enrolment === undefined) return undefined;
  const flags = cellIn(fields, at.flags);
  const member = memberOf(cellIn(fields, at.memberId), [enrolment], flags === undefined ? undefined : flagsOf(flags));
  return member === undefined ? undefined : { scheme, member, claim };
}

/** Cells whose values the hand checks leave to the schemas: a row with any of them goes through its record. */
const OPTIONAL_CELLS: readonly CsvColumn[] = ['plans', 'enrolledOn', 'attributes', 'birthDate', 'sex', 'claimAttributes', 'filedOn', 'event', 'paidElsewhere'];

// The fields of OPTIONAL_CELLS under the index last asked about: a file has one index, and most name none of them.
let optional: { at: ColumnIndex; indexes: readonly number[] } | undefined;

/** Where the {@link OPTIONAL_CELLS} a header names are among a row's fields. */
function optionalIndexes(at: ColumnIndex): readonly number[] {
  if (optional?.at !== at) optional = { at, indexes: OPTIONAL_CELLS.map((column) => at[column]).filter((index) => index >= 0) };
  return optional.indexes;
}

/**
 * Attributes written `name=value;name=value` (or with ；). A pair without `=` keeps its text as
 * the name with an empty value, which the policy then refuses, naming the column.
 */
function pairs(cell: string): Record<string, string> {
  const entries = cell
    .split(/[;；]/)
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.search(/[=＝]/);
      return at < 0 ? [pair, ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    });
  return Object.fromEntries(entries);
}

/** An issue of a CSV row, re-pointed from the record's field to the column it came from. */
export function issueInColumn(issue: Issue): Issue {
  const [root, key, ...rest] = issue.path;
  let column: string | undefined;
  if (root === 'scheme') column = 'scheme';
  else if (root === 'member' && key === 'id') column = 'memberId';
  else if (root === 'member' && (key === 'flags' || key === 'attributes' || key === 'birthDate' || key === 'sex')) column = key;
  else if (root === 'member' && key === 'enrolments') {
    const field = rest[1];
    column = field === 'from' ? 'enrolledFrom' : field === 'to' ? 'enrolledTo' : field === 'year' ? 'enrolmentYear' : field === 'enrolledOn' ? 'enrolledOn' : 'enrolmentScheme';
  } else if (root === 'claim' && key === 'costs') column = rest.length > 0 ? String(rest[0]) : 'total';
  else if (root === 'claim' && key === 'id') column = 'claimId';
  else if (root === 'claim' && key === 'attributes') column = 'claimAttributes';
  else if (root === 'claim' && typeof key === 'string') column = key;
  return column === undefined ? issue : { ...issue, path: [column] };
}
