/** One CSV record: its fields and the line it starts on (1-based), or why it could not be read. */
export type CsvRecord = { readonly line: number; readonly fields: string[] } | { readonly line: number; readonly error: string };

/**
 * An RFC 4180 reader fed in chunks, so a file of any size streams through in constant memory.
 * Quoted fields may hold commas, doubled quotes and line breaks; CRLF and LF both end a record;
 * a leading byte-order mark is dropped; blank lines are skipped.
 */
export class CsvReader {
  private field = '';
  private fields: string[] = [];
  private quoted = false;
  /** Inside quotes, a quote may be an escaped quote or the closing one: the next char decides. */
  private quoteSeen = false;
  private line = 1;
  private recordLine = 1;
  private started = false;
  private atStart = true;

  push(chunk: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    let text = chunk;
    if (this.atStart) {
      this.atStart = false;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    for (const char of text) {
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (char === '"') {
            this.field += '"';
            continue;
          }
          this.quoted = false;
        } else if (char === '"') {
          this.quoteSeen = true;
          continue;
        } else {
          if (char === '\n') this.line += 1;
          this.field += char;
          continue;
        }
      }
      if (char === '"' && this.field === '') {
        this.quoted = true;
        this.started = true;
      } else if (char === ',') {
        this.fields.push(this.field);
        this.field = '';
        this.started = true;
      } else if (char === '\n') {
        this.endRecord(records);
        this.line += 1;
        this.recordLine = this.line;
      } else if (char !== '\r') {
        this.field += char;
        this.started = true;
      }
    }
    return records;
  }

  /** Call once the input has ended: it returns the last record, if any. */
  end(): CsvRecord[] {
    if (this.quoted && !this.quoteSeen) {
      const line = this.recordLine;
      this.reset();
      return [{ line, error: 'a quoted field is not closed before the end of the file' }];
    }
    this.quoted = false;
    const records: CsvRecord[] = [];
    this.endRecord(records);
    return records;
  }

  private endRecord(records: CsvRecord[]): void {
    if (this.started || this.field !== '') {
      this.fields.push(this.field);
      records.push({ line: this.recordLine, fields: this.fields });
    }
    this.reset();
  }

  private reset(): void {
    this.field = '';
    this.fields = [];
    this.started = false;
  }
}

/** A field as CSV writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
