import { deserialize, serialize } from 'node:v8';
import { InvalidInputError, PolicyNotFoundError, validate, type Issue } from '../_lib/errors';
import { ledgerJson, type LedgerInFen } from '../_lib/engine/ledgerInFen';
import { checkedClaim, claimFigures, readClaim, settleClaim, type ReadClaim } from '../_lib/engine/row';
import type { LedgerInput, MemberInput } from '../_lib/inputSchemas';
import type { Ledger } from '../_lib/ledger';
import type { MemberClaimResult } from '../_lib/memberPlans';
import type { ClaimResult, PolicyRef } from '../_lib/result';
import type { PolicyRegistry } from '../createRegistry';
import { UsageError } from './args';
import { hasPlansCell, isPlanLedgers, isPlansKey, isPlansRecord, plansIssue, preparePlans, spillPlans, unspillPlans, type PlanLedgers } from './plans';
import { CsvFieldsReader, recordReader, type InputFormat, type RawRecord, type ReadLimits, type RecordReader } from './records';
import { columnIndex, csvClaimRecord, CsvFields, csvFieldsOf, issueInColumn, plainCsvClaim, recordFromCsv, recordSchema, type ColumnIndex, type CsvRow } from './rows';
import { decoded, ExternalSorter, KeyFilter, LineWriter, mergeSorted, readLines, TempDir, type Codec } from './spill';
import { perVersion } from './versionText';

/** What became of one input record: a settlement, or the issues that stopped it. */
export type Outcome =
  | { readonly line: number; readonly result: ClaimResult | MemberClaimResult | ClaimRow }
  | { readonly line: number; readonly issues: readonly Issue[] };

/**
 * A claim's row as the engine's figures give it, in fen, with no result made: what `evaluate`
 * writes (`explain` reads whole results). Its fields are named as a result's.
 */
export interface ClaimRow {
  readonly policy: Pick<PolicyRef, 'scheme' | 'year'>;
  readonly memberId: string;
  readonly claimId: string;
  readonly eligible: boolean;
  readonly reasons: ClaimResult['reasons'];
  readonly warnings: ClaimResult['warnings'];
  readonly illustrative: boolean;
  /** The total, in fen. */
  readonly fen: number;
  /** Each line's benefit id then its fen amount, in the order of the lines. */
  readonly paidLines: readonly (string | number)[];
}

/** A record numbered in input order: its outcome is written in that order. */
export type Sequenced = RawRecord & { readonly seq: number };

/** An outcome as written: its place in the input, its input line, its text, and whether it is an error. */
export interface Written {
  readonly seq: number;
  readonly line: number;
  readonly text: string;
  readonly failed: boolean;
}

function issuesOf(error: unknown): Issue[] {
  if (error instanceof InvalidInputError) return [...error.issues];
  if (error instanceof PolicyNotFoundError) return [{ path: ['scheme'], code: 'policy_not_found', message: error.message }];
  // A bug must not cost the rest of the batch: the row records it and the run fails.
  return [{ path: [], code: 'internal_error', message: String(error instanceof Error ? error.stack : error) }];
}

/** What is settled given a ledger: the outcome, and the ledger after it (none for an error). */
interface Settled {
  readonly outcome: Outcome;
  readonly after?: Kept;
}

/**
 * A record read as far as its ledger's key (member id, scheme and protection year), to be
 * settled given that ledger. A class, not closures: one object a row.
 */
abstract class Ready {
  abstract readonly key: string;
  abstract settle(ledger: Kept | LedgerInput | undefined): Settled;
}

/** A ledger carried from row to row: a plan's (the engine's, in fen), or those of all the plans of a member's `plans` rows. */
type Kept = Ledger | LedgerInFen | PlanLedgers;

/** The outcome of a record that failed: its issues, re-pointed to plans or CSV columns where the record came from them. */
function failed(line: number, error: unknown, plans: boolean, csv: boolean): Outcome {
  const issues = plans ? issuesOf(error).map((issue) => plansIssue(issue, csv)) : issuesOf(error);
  return { line, issues: csv ? issues.map(issueInColumn) : issues };
}

/** A claim of one plan, read. `figures`: its outcome is a {@link ClaimRow}, not a result. */
class OnePlan extends Ready {
  constructor(
    readonly key: string,
    private readonly line: number,
    private readonly read: ReadClaim,
    private readonly csv: boolean,
    private readonly figures: boolean,
  ) {
    super();
  }

  settle(ledger: Kept | LedgerInput | undefined): Settled {
    const { line, read } = this;
    const start = ledger as Ledger | LedgerInFen | LedgerInput | undefined;
    try {
      if (!this.figures) {
        const { result, after } = settleClaim(read, start);
        return { outcome: { line, result }, after };
      }
      const { after, eligible, reasons, warnings, illustrative, fen, paidLines } = claimFigures(read, start);
      const row: ClaimRow = { policy: read.policy, memberId: read.member.id, claimId: read.claim.id, eligible, reasons, warnings, illustrative, fen, paidLines };
      return { outcome: { line, result: row }, after };
    } catch (error) {
      return { outcome: failed(line, error, false, this.csv) };
    }
  }
}

/** A claim settled under every plan its member holds. */
class AllPlans extends Ready {
  constructor(
    private readonly prepared: ReturnType<typeof preparePlans>,
    private readonly line: number,
    private readonly csv: boolean,
  ) {
    super();
  }

  get key(): string {
    return this.prepared.key;
  }

  settle(held: Kept | LedgerInput | undefined): Settled {
    try {
      const { result, after } = this.prepared.settle(held as PlanLedgers | undefined);
      return { outcome: { line: this.line, result }, after };
    } catch (error) {
      return { outcome: failed(this.line, error, true, this.csv) };
    }
  }
}

// The end of a ledger key, JSON.stringify([id, scheme, year]), after the id.
const keyEnd = perVersion((policy) => `${JSON.stringify(policy.scheme)},${policy.year}]`);

// The key last made: a member's rows mostly come one after another, and then share one text
// (found in the ledgers by its hash, made once, and compared by reference).
let lastKey = { id: '', end: '', key: '' };

/** The ledger key of a member's claim under a version: the text `JSON.stringify([id, scheme, year])` gives. */
function ledgerKey(id: string, policy: Pick<PolicyRef, 'scheme' | 'year'>): string {
  const end = keyEnd(policy);
  if (id !== lastKey.id || end !== lastKey.end) lastKey = { id, end, key: `[${JSON.stringify(id)},${end}` };
  return lastKey.key;
}

/** A claim of one plan read from its record: a CSV row's, or a JSON record. */
function readRecord(value: CsvFields | unknown, registry: PolicyRegistry): ReadClaim {
  const { scheme, member, claim } = value instanceof CsvFields ? csvClaimRecord(value) : validate(recordSchema, value, []);
  // Both are validated as selectPolicy and evaluateClaim validate them, with paths under `member` and `claim`.
  // The member too: where protection years are the members' own, their cover picks the version.
  return readClaim(registry, scheme, member as MemberInput, claim);
}

/** A record read: its outcome already (an error), or ready to settle given its ledger. */
function prepare(raw: RawRecord, registry: PolicyRegistry, csv: boolean, figures: boolean): Outcome | Ready {
  if ('error' in raw) return { line: raw.line, issues: [{ path: [], code: 'unreadable_record', message: raw.error }] };
  const row = csv ? csvFieldsOf(raw.value as CsvRow | CsvFields) : undefined;
  const plans = row !== undefined ? hasPlansCell(row) : isPlansRecord(raw.value);
  try {
    if (plans) return new AllPlans(preparePlans(row !== undefined ? recordFromCsv(row) : raw.value, registry), raw.line, csv);
    // Most CSV rows are read straight into the checked claim and member; the others, and JSON records, through their record.
    const plain = row !== undefined ? plainCsvClaim(row) : undefined;
    const read = plain !== undefined ? checkedClaim(registry, plain.scheme, plain.member, plain.claim) : readRecord(row ?? raw.value, registry);
    return new OnePlan(ledgerKey(read.member.id, read.policy), raw.line, read, csv, figures);
  } catch (error) {
    return failed(raw.line, error, plans, csv);
  }
}

/** How many ledgers stay in memory unless HUZHU_LEDGERS_IN_MEMORY says otherwise: about 6 MB of them. */
export const LEDGERS_IN_MEMORY = 10_000;

/** HUZHU_LEDGERS_IN_MEMORY, checked. */
export function ledgersInMemory(): number {
  const given = process.env.HUZHU_LEDGERS_IN_MEMORY;
  if (given === undefined || given === '') return LEDGERS_IN_MEMORY;
  if (!/^[1-9]\d*$/.test(given)) throw new UsageError(`HUZHU_LEDGERS_IN_MEMORY must be a whole number of at least 1; got "${given}"`);
  return Number(given);
}

/** A record put off until the ledgers are merged, in the order of its key, then of the input. */
interface Deferred {
  readonly key: string;
  readonly seq: number;
  readonly line: number;
  readonly value: string;
}
/** A ledger taken out of memory: what `ledgerSchema` needs besides its key. */
interface Spilled {
  readonly key: string;
  readonly ledger: string;
}
const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
export const bySeq = (a: { seq: number }, b: { seq: number }) => a.seq - b.seq;
/** Fields joined by tabs, the free-form one last: keys, JSON and base64 hold no raw tab or newline. */
const fields = (line: string, count: number) => {
  const parts = line.split('\t', count - 1);
  const used = parts.reduce((sum, part) => sum + part.length + 1, 0);
  return [...parts, line.slice(used)];
};
const DEFERRED: Codec<Deferred> = {
  encode: (row) => `${row.key}\t${row.seq}\t${row.line}\t${row.value}`,
  decode(line) {
    const [key, seq, at, value] = fields(line, 4);
    return { key: key!, seq: Number(seq), line: Number(at), value: value! };
  },
  compare: (a, b) => byKey(a, b) || bySeq(a, b),
};
const SPILLED: Codec<Spilled> = {
  encode: (spilled) => `${spilled.key}\t${spilled.ledger}`,
  decode(line) {
    const [key, ledger] = fields(line, 2);
    return { key: key!, ledger: ledger! };
  },
  compare: byKey,
};
/** An output on disk, waiting for its turn. */
export const WRITTEN: Codec<Written> = {
  encode: (row) => `${row.seq}\t${row.line}\t${row.failed ? 1 : 0}\t${JSON.stringify(row.text)}`,
  decode(line) {
    const [seq, at, failed, text] = fields(line, 4);
    return { seq: Number(seq), line: Number(at), failed: failed === '1', text: JSON.parse(text!) as string };
  },
  compare: bySeq,
};

/** What goes to disk once ledgers no longer fit in memory. */
interface Disk {
  readonly dir: TempDir;
  /** The keys of the ledgers on disk; let go (up to 16 MB) once the input is read. */
  filter?: KeyFilter;
  /**
   * The ledgers sent to disk, each once (a key on disk never comes back to memory), in the order
   * they left it. Most never come back at all: a file whose members' rows are together puts no
   * record off, so the ledgers are sorted only at the end, and only those a record put off needs.
   */
  readonly ledgers: LineWriter;
  /** The keys of the records put off: the ledgers the end reads back. Up to 16 MB more, while records are put off. */
  deferredKeys?: KeyFilter;
  readonly deferred: ExternalSorter<Deferred>;
}

function openDisk(openTempDir: () => TempDir): Disk {
  const dir = openTempDir();
  return { dir, filter: new KeyFilter(), ledgers: new LineWriter(dir.file()), deferred: new ExternalSorter(dir, DEFERRED) };
}

/** The ledgers on disk that records put off need, by key: read back from their file and sorted. */
function neededLedgers(disk: Disk): Generator<Spilled> {
  disk.ledgers.close();
  const needed = new ExternalSorter(disk.dir, SPILLED);
  for (const line of readLines(disk.ledgers.path)) {
    const spilled = SPILLED.decode(line);
    if (disk.deferredKeys!.mayHave(spilled.key)) needed.add(spilled, line.length);
  }
  return needed.sorted();
}

/**
 * A record's value as text: JSON (`j…`) when it comes back the same, which is the rule; else the
 * v8 serialisation (`v…`, base64), slower and heavier, for the numbers JSON cannot write: an
 * Infinity (from 1e400) would come back null, and the row's error with it, and -0 as 0.
 */
export function encodeValue(value: unknown): string {
  let exact = true;
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'number' && (!Number.isFinite(item) || Object.is(item, -0))) exact = false;
    return item;
  });
  return exact ? `j${json}` : `v${serialize(value).toString('base64')}`;
}

export function decodeValue(text: string): unknown {
  return text.startsWith('j') ? JSON.parse(text.slice(1)) : deserialize(Buffer.from(text.slice(1), 'base64'));
}

/** The whole ledger as JSON (its stays and each benefit's claims, days and deductible used too, which later claims' caps read). */
function spilledLedger(ledger: Kept): string {
  return isPlanLedgers(ledger) ? spillPlans(ledger) : ledgerJson(ledger);
}

function ledgerInput(key: string, spilled: string): LedgerInput | PlanLedgers {
  return isPlansKey(key) ? unspillPlans(spilled) : (JSON.parse(spilled) as LedgerInput);
}

/**
 * Settles records and renders their outcomes, in input order, with each member's ledger of a
 * scheme and protection year carried from claim to claim in file order (so a member's later
 * claims see the caps their earlier ones used).
 *
 * Memory stays bounded whatever the file: the ledgers last used are kept, up to
 * HUZHU_LEDGERS_IN_MEMORY; an older one goes to a temporary file and its key into a filter.
 * A record whose key is neither kept nor surely new is put off, and so is every later record
 * of its key: at the end, the put-off records are sorted by key on disk, merged with the
 * ledgers that went to disk and settled, and their outputs merged back into input order.
 * Until a record is put off, outputs stream as they come, a batch of them for each batch of
 * records; after it, they wait on disk. `keyed` hears the ledger key of each record that has one;
 * with `figures`, a claim of one plan is rendered from a {@link ClaimRow}, not a result.
 */
export async function* settleInOrder(
  batches: AsyncIterable<readonly Sequenced[]>,
  registry: PolicyRegistry,
  csv: boolean,
  render: (outcome: Outcome) => string,
  {
    limit = ledgersInMemory(),
    openTempDir = () => new TempDir(),
    keyed,
    figures = false,
  }: { limit?: number; openTempDir?: () => TempDir; keyed?: (key: string) => void; figures?: boolean } = {},
): AsyncGenerator<Written[]> {
  const kept = new Map<string, Kept>();
  // Keys last used last. One iterator throughout: every entry before it was deleted (sent to
  // disk, or set again at the end), so the next it gives is the oldest. A fresh iterator per
  // eviction would step over all the deleted entries each time.
  const oldestFirst = kept.keys();
  // The key set last, so last in `kept`: a ledger of it is replaced where it is, not deleted and set again.
  let newest: string | undefined;
  let disk: Disk | undefined;
  // Outputs after the first record put off, in input order, until that one is settled.
  let waiting: LineWriter | undefined;
  const written = (seq: number, outcome: Outcome): Written => ({ seq, line: outcome.line, text: render(outcome), failed: 'issues' in outcome });
  const settle = (raw: Sequenced): Outcome | undefined => {
    const prepared = prepare(raw, registry, csv, figures);
    if (!(prepared instanceof Ready)) return prepared;
    const { key } = prepared;
    keyed?.(key);
    const ledger = kept.get(key);
    if (ledger === undefined && disk?.filter!.mayHave(key)) {
      const { value: read } = raw as { value: unknown };
      const value = encodeValue(read instanceof CsvFields ? read.keyed() : read);
      disk.deferred.add({ key, seq: raw.seq, line: raw.line, value }, key.length + value.length);
      (disk.deferredKeys ??= new KeyFilter()).add(key);
      waiting ??= new LineWriter(disk.dir.file());
      return undefined;
    }
    const settled = prepared.settle(ledger);
    if (settled.after !== undefined && key === newest) kept.set(key, settled.after);
    else if (settled.after !== undefined) {
      kept.delete(key);
      kept.set(key, settled.after);
      newest = key;
      if (kept.size > limit) {
        const oldest = oldestFirst.next().value!;
        const ledger = kept.get(oldest)!;
        kept.delete(oldest);
        disk ??= openDisk(openTempDir);
        disk.ledgers.write(SPILLED.encode({ key: oldest, ledger: spilledLedger(ledger) }));
        disk.filter!.add(oldest);
      }
    }
    return settled.outcome;
  };
  try {
    for await (const batch of batches) {
      const outputs: Written[] = [];
      try {
        for (const raw of batch) {
          const outcome = settle(raw);
          if (outcome === undefined) continue;
          if (waiting === undefined) outputs.push(written(raw.seq, outcome));
          else waiting.write(WRITTEN.encode(written(raw.seq, outcome)));
        }
      } catch (error) {
        // The rows settled before the failure are written all the same.
        if (outputs.length > 0) yield outputs;
        throw error;
      }
      yield outputs;
    }
    if (disk === undefined || waiting === undefined) return;
    waiting.close();
    kept.clear();
    delete disk.filter;
    yield* inBatches(mergeSorted([decoded(readLines(waiting.path), WRITTEN), settleDeferred(disk, registry, csv, figures, written)], bySeq));
  } finally {
    waiting?.close();
    disk?.ledgers.close();
    disk?.dir.remove();
  }
}

/**
 * The records of the input, numbered, a chunk's worth at a time; `lines` is added to each
 * record's line (a worker reading a range of the file counts from the range's start).
 */
export async function* numbered(chunks: AsyncIterable<string>, from: InputFormat, limits: ReadLimits, lines = 0): AsyncGenerator<Sequenced[]> {
  let seq = 0;
  // Each record made here whole, in one shape: no spread of the reader's record into another.
  const failedRow = (record: { line: number; error: string }): Sequenced => ({ line: record.line + lines, error: record.error, seq: (seq += 1) });
  if (from !== 'csv') {
    yield* numberedBy(chunks, recordReader(from, limits), (records) => records.map((record): Sequenced => ('error' in record ? failedRow(record) : { line: record.line + lines, value: record.value, seq: (seq += 1) })));
    return;
  }
  // A CSV row is its fields with the header's index of columns: no object keyed by column is made for it.
  const reader = new CsvFieldsReader(limits);
  let at: ColumnIndex | undefined;
  yield* numberedBy(chunks, reader, (records) => {
    if (records.length > 0) at ??= columnIndex(reader.columns!);
    return records.map((record): Sequenced => ('error' in record ? failedRow(record) : { line: record.line + lines, value: new CsvFields(record.fields, at!), seq: (seq += 1) }));
  });
}

/** The records `reader` reads of each chunk and at the end, numbered by `number`. */
async function* numberedBy<R>(chunks: AsyncIterable<string>, reader: RecordReader<R>, number: (records: R[]) => Sequenced[]): AsyncGenerator<Sequenced[]> {
  for await (const chunk of chunks) yield number(reader.push(chunk));
  yield number(reader.end());
}

const BATCH = 1000;

/** Items a thousand at a time. */
export function* inBatches<T>(items: Iterable<T>): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The records put off, settled a key at a time from the ledger that went to disk, in input order. */
function settleDeferred(
  disk: Disk,
  registry: PolicyRegistry,
  csv: boolean,
  figures: boolean,
  written: (seq: number, outcome: Outcome) => Written,
): Generator<Written> {
  const outputs = new ExternalSorter(disk.dir, WRITTEN);
  const ledgers = neededLedgers(disk);
  let next = ledgers.next();
  let key: string | undefined;
  let ledger: Kept | LedgerInput | undefined;
  for (const row of disk.deferred.sorted()) {
    if (row.key !== key) {
      key = row.key;
      while (!next.done && next.value.key < key) next = ledgers.next();
      ledger = !next.done && next.value.key === key ? ledgerInput(key, next.value.ledger) : undefined;
    }
    const prepared = prepare({ line: row.line, value: decodeValue(row.value) }, registry, csv, figures);
    let outcome: Outcome;
    if (!(prepared instanceof Ready)) outcome = prepared;
    else {
      const settled = prepared.settle(ledger);
      outcome = settled.outcome;
      ledger = settled.after ?? ledger;
    }
    const output = written(row.seq, outcome);
    outputs.add(output, output.text.length);
  }
  return outputs.sorted();
}
