/**
 * One CSV record: its fields and the line it starts on (1-based), or why it could not be read.
 * A record read from a line without quotes keeps that line: its fields joined by commas.
 */
export type CsvRecord = { readonly line: number; readonly fields: string[]; readonly plain?: string } | { readonly line: number; readonly error: string };

/** How much one record may hold, so that memory is bounded by these and not by the file. */
export interface CsvLimits {
  /** The largest field, in UTF-8 bytes. */
  readonly maxFieldBytes: number;
  /** The most lines one record may span (a quoted field may hold line breaks). */
  readonly maxRecordLines: number;
  /** The most fields the header may hold; every later record must hold as many as it. */
  readonly maxHeaderFields: number;
}

/** UTF-8 bytes of one UTF-16 code unit; a surrogate pair counts 2 + 2. */
export const utf8Bytes = (code: number): number => (code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3);

/**
 * The index of the first `char` at or after `from` in `text`, or the text's length if there is
 * none. `known` is an answer for the same text and char asked at or before `from` (or -1): it
 * stands while it is not behind `from`, so a text read forwards is scanned once however many
 * lines ask.
 */
function nextIndex(text: string, char: string, from: number, known: number): number {
  if (known >= from) return known;
  const found = text.indexOf(char, from);
  return found === -1 ? text.length : found;
}

const enum State {
  /** At the start of a field. */
  FieldStart,
  Unquoted,
  Quoted,
  /** Inside quotes, a quote may be an escaped quote or the closing one: the next char decides. */
  QuoteSeen,
  /** After a bad one-line record: everything up to the line break is dropped. */
  SkipLine,
}

/**
 * An RFC 4180 reader fed in chunks. The first record is the header: every later one must have
 * as many fields. Quoted fields may hold commas, doubled quotes and line
 * breaks; CRLF and LF both end a record; a leading byte-order mark is dropped; blank lines are
 * skipped.
 *
 * A bad record (text after a closing quote, a field over the size bound, a quote still open
 * after `maxRecordLines` lines or at the end of the file, too many fields) becomes one error
 * with the line it starts on, and reading resumes at the line after that one: a quote left open
 * costs its own record, never the ones it swallowed. To resume there, the raw text of a record
 * from its second line on is kept until the record ends, which the limits bound.
 */
export class CsvReader {
  private state = State.FieldStart;
  private fields: string[] = [];
  private fieldCount = 0;
  private field = '';
  private fieldBytes = 0;
  /** Where the field's pending run of plain text starts in the current chunk, or -1. */
  private runStart = -1;
  private line = 1;
  private recordLine = 1;
  private started = false;
  private atStart = true;
  /** The record's raw text after its first line break, from earlier chunks… */
  private replay: string | undefined;
  /** …and where it continues in the current chunk. */
  private replayStart = 0;

  /** How many fields the header has, once it is read. */
  private headerFields: number | undefined;

  // For the lines read at once: where the next chars that matter to them are in the current text
  // (see nextIndex), kept from one run of lines to the next; -1 for a new text.
  private nextBreak = -1;
  private nextReturn = -1;
  private nextQuote = -1;
  private nextComma = -1;

  constructor(private readonly limits: CsvLimits) {}

  push(chunk: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    let text = chunk;
    if (this.atStart && text !== '') {
      this.atStart = false;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    this.replayStart = 0;
    this.forgetPositions();
    for (let i = 0; i < text.length; i += 1) {
      if (this.state === State.FieldStart && this.fieldCount === 0 && !this.started && this.headerFields !== undefined) {
        // Where it stops, a line the rules below read, or the end of the text.
        i = this.plainLines(text, i, this.headerFields, records);
        if (i === text.length) break;
      }
      const char = text[i]!;
      let bad: string | undefined;
      switch (this.state) {
        case State.SkipLine:
          if (char === '\n') this.startRecord(this.line + 1);
          continue;
        case State.QuoteSeen:
          if (char === '"') {
            this.state = State.Quoted;
            this.runStart = i;
            bad = this.count(char);
          } else if (char === ',' || char === '\n') {
            this.endField();
            if (char === '\n') bad = this.endRecord(records);
          } else if (char === '\r') {
            // Dropped, but counted: the replay keeps it.
            bad = this.count(char);
          } else {
            bad = `unexpected ${JSON.stringify(char)} after the closing quote of a field`;
          }
          break;
        case State.Quoted:
          if (char === '"') {
            this.flush(text, i);
            this.state = State.QuoteSeen;
            continue;
          }
          if (char === '\n') {
            this.line += 1;
            if (this.replay === undefined) {
              this.replay = '';
              this.replayStart = i + 1;
            }
            if (this.line - this.recordLine >= this.limits.maxRecordLines) {
              bad = `a quoted field runs on for more than ${this.limits.maxRecordLines} lines: is a quote left open?`;
              break;
            }
          }
          bad = this.count(char);
          break;
        case State.FieldStart:
        case State.Unquoted:
          if (char === '\r') {
            this.flush(text, i);
            bad = this.count(char);
          } else if (char === ',' || char === '\n') {
            this.flush(text, i);
            this.endField();
            if (char === '\n') bad = this.endRecord(records);
          } else if (char === '"' && this.state === State.FieldStart) {
            this.state = State.Quoted;
            this.started = true;
            this.runStart = i + 1;
          } else {
            if (this.runStart === -1) this.runStart = i;
            this.state = State.Unquoted;
            this.started = true;
            bad = this.count(char);
          }
          break;
      }
      if (bad === undefined && this.fieldCount > this.maxFields()) bad = this.fieldCountError('more');
      if (bad !== undefined) {
        records.push({ line: this.recordLine, error: bad });
        if (this.replay === undefined) {
          this.resetRecord();
          this.state = State.SkipLine;
        } else {
          // Read the record's later lines again, as records of their own.
          text = this.replay + text.slice(this.replayStart);
          this.startRecord(this.recordLine + 1);
          this.replayStart = 0;
          this.forgetPositions();
          i = -1;
        }
      }
    }
    if (this.runStart !== -1) {
      // The run goes on in the next chunk.
      this.field += text.slice(this.runStart);
      this.runStart = 0;
    }
    if (this.replay !== undefined) this.replay += text.slice(this.replayStart);
    return records;
  }

  /** Whether the reader is between records: the next text it is given starts one. */
  atRecordStart(): boolean {
    return this.state === State.FieldStart && this.fieldCount === 0 && !this.started && this.replay === undefined && this.field === '' && this.runStart === -1;
  }

  /**
   * Counts a line read elsewhere, between records (see {@link atRecordStart}): a line the caller
   * took as the reader would have, or a blank one. Returns its number.
   */
  skipLine(): number {
    this.recordLine = this.line += 1;
    return this.line - 1;
  }

  /** Call once the input has ended: it returns the last records, if any. */
  end(): CsvRecord[] {
    const records: CsvRecord[] = [];
    let bad: string | undefined;
    if (this.state === State.Quoted) bad = 'a quoted field is not closed before the end of the file';
    else if (this.state !== State.SkipLine) {
      this.endField();
      bad = this.endRecord(records);
    }
    if (bad === undefined) return records;
    records.push({ line: this.recordLine, error: bad });
    const rest = this.replay;
    if (rest === undefined) return records;
    this.startRecord(this.recordLine + 1);
    return [...records, ...this.push(rest), ...this.end()];
  }

  /**
   * Reads the whole lines from `start` on that the rules below would read the same, each split at
   * once: most lines, and the character-by-character reading costs several times as much. Stops at
   * the first line with a quote or a carriage return inside, too few or too many fields, or a field
   * that may be over the bound (3 bytes a UTF-16 unit at most), left to those rules, and at a line
   * not ended in this text. Returns where it stopped.
   */
  private plainLines(text: string, start: number, fieldCount: number, records: CsvRecord[]): number {
    let from = start;
    let { nextBreak, nextReturn, nextQuote, nextComma } = this;
    for (; (nextBreak = nextIndex(text, '\n', from, nextBreak)) < text.length; from = nextBreak + 1) {
      nextReturn = nextIndex(text, '\r', from, nextReturn);
      nextQuote = nextIndex(text, '"', from, nextQuote);
      // A line break may be CRLF: its carriage return is not part of the line, and the only one a line read here may hold.
      const lineEnd = nextReturn === nextBreak - 1 ? nextBreak - 1 : nextBreak;
      if (lineEnd === from || nextReturn < nextBreak - 1 || nextQuote < nextBreak || (nextBreak - from) * 3 > this.limits.maxFieldBytes) break;
      const fields: string[] = [];
      let at = from;
      for (; (nextComma = nextIndex(text, ',', at, nextComma)) < lineEnd; at = nextComma + 1) fields.push(text.slice(at, nextComma));
      fields.push(text.slice(at, lineEnd));
      if (fields.length !== fieldCount) break;
      records.push({ line: this.skipLine(), fields, plain: text.slice(from, lineEnd) });
    }
    this.nextBreak = nextBreak;
    this.nextReturn = nextReturn;
    this.nextQuote = nextQuote;
    this.nextComma = nextComma;
    return from;
  }

  /** The positions known for the lines read at once are of another text. */
  private forgetPositions(): void {
    this.nextBreak = this.nextReturn = this.nextQuote = this.nextComma = -1;
  }

  /** Counts a char into the current field; returns why the field is too big, if it is. */
  private count(char: string): string | undefined {
    this.fieldBytes += utf8Bytes(char.charCodeAt(0));
    return this.fieldBytes > this.limits.maxFieldBytes ? `a field is larger than ${this.limits.maxFieldBytes} bytes (see --max-field-size)` : undefined;
  }

  private maxFields(): number {
    return this.headerFields ?? this.limits.maxHeaderFields;
  }

  private fieldCountError(found: string): string {
    return this.headerFields === undefined ? `a header of more than ${this.limits.maxHeaderFields} fields` : `expected ${this.headerFields} fields as in the header, found ${found}`;
  }

  private flush(text: string, end: number): void {
    if (this.runStart !== -1) this.field += text.slice(this.runStart, end);
    this.runStart = -1;
  }

  private endField(): void {
    this.fieldCount += 1;
    if (this.fieldCount <= this.maxFields()) this.fields.push(this.field);
    this.field = '';
    this.fieldBytes = 0;
    this.state = State.FieldStart;
  }

  /**
   * Ends the record. One of the wrong length that spans lines is returned as bad instead, to be
   * read again from its second line: it is most likely a quote left open, closed by chance.
   */
  private endRecord(records: CsvRecord[]): string | undefined {
    // A blank line is no record.
    if (this.started || this.fieldCount > 1) {
      if (this.headerFields === undefined && this.fieldCount <= this.limits.maxHeaderFields) this.headerFields = this.fieldCount;
      const line = this.recordLine;
      if (this.fieldCount === this.headerFields) records.push({ line, fields: this.fields });
      else if (this.replay === undefined) records.push({ line, error: this.fieldCountError(String(this.fieldCount)) });
      else return this.fieldCountError(String(this.fieldCount));
    }
    this.startRecord(this.line + 1);
    return undefined;
  }

  private startRecord(line: number): void {
    this.resetRecord();
    this.line = line;
    this.recordLine = line;
    this.state = State.FieldStart;
  }

  private resetRecord(): void {
    this.fields = [];
    this.fieldCount = 0;
    this.field = '';
    this.fieldBytes = 0;
    this.runStart = -1;
    this.started = false;
    this.replay = undefined;
  }
}

/** A field as CSV writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
