import { utf8Bytes } from './csv';
import type { RawRecord } from './records';

const enum State {
  /** Before the array's `[`. */
  Before,
  /** After `[`: an element or `]`. */
  FirstElement,
  /** After `,`: an element. */
  NextElement,
  /** After an element: `,` or `]`. */
  AfterElement,
  /** Inside an element, which the `Value`… states below read. */
  Element,
  /** After a bad element: skipping to the next line that starts one. */
  Resync,
  /** After the array's `]`: only white space may follow. */
  After,
  /** Input that is not an array at all: the rest is ignored. */
  Stopped,
}

/** Where the element reader is: what it expects next inside the element. */
const enum Expect {
  Value,
  /** After `{`: a key or `}`. */
  KeyOrEnd,
  /** After `,` in an object. */
  Key,
  Colon,
  /** After a value in an object: `,` or `}`. */
  CommaOrBrace,
  /** After `[`: a value or `]`. */
  ValueOrBracket,
  /** After a value in an array: `,` or `]`. */
  CommaOrBracket,
  String,
  Escape,
  /** A number, `true`, `false` or `null`, checked once it ends. */
  Literal,
}

const HEX = /^[0-9a-fA-F]$/;
const LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;
const LITERAL_CHAR = /^[\w.+-]$/;
const WHITE = /^[ \t\r\n]$/;

const invalid = (line: number, problem: string): RawRecord => ({ line, error: `not valid JSON: ${problem}` });

/**
 * The elements of a top-level JSON array, read in chunks in one pass: the reader checks the
 * whole JSON grammar as it goes (so a missing `}`, a stray `}` or a string left open is caught
 * where it happens, not at the end of the file), and parses each element on its own once it
 * ends. An element may hold at most `maxBytes`.
 *
 * After a bad element, reading resumes at the next `{` that starts a line (alone, or after
 * `},`) indented as the bad element's first line was: that is where records start in an array
 * written a record per line or pretty-printed, and a string can never hold such a line. An
 * array written on one line has no such place, so there the rest of it is lost with the error.
 */
export class JsonArrayReader {
  private state = State.Before;
  private line = 1;
  private column = 0;
  /** The current line's leading white space, and its first significant chars (at most 2). */
  private indent = '';
  private head = '';
  private element = '';
  private elementStart = -1;
  private elementBytes = 0;
  private elementLine = 1;
  private elementIndent: string | undefined;
  /** The open `{` and `[` of the element. */
  private stack: string[] = [];
  private expect = Expect.Value;
  private stringIsKey = false;
  private hexLeft = 0;
  private literal = '';
  private literalAt = '';

  constructor(private readonly maxBytes: number) {}

  push(text: string): RawRecord[] {
    const records: RawRecord[] = [];
    if (this.elementStart !== -1) this.elementStart = 0;
    for (let i = 0; i < text.length; i += 1) {
      const char = text[i]!;
      if (char === '\n') {
        this.line += 1;
        this.column = 0;
        this.indent = '';
        this.head = '';
      } else {
        this.column += 1;
        if (char === ' ' || char === '\t') {
          if (this.head === '' && this.indent.length < 80) this.indent += char;
        } else if (char !== '\r' && this.head.length < 2) {
          this.head += char;
        }
      }
      if (this.state === State.Element) {
        this.elementBytes += utf8Bytes(text.charCodeAt(i));
        this.checked(this.elementBytes > this.maxBytes ? `a record larger than ${this.maxBytes} bytes (see --max-field-size)` : this.step(char, text, i, records), char, text, i, records);
        continue;
      }
      this.between(char, text, i, records);
    }
    if (this.elementStart !== -1) this.element += text.slice(this.elementStart);
    return records;
  }

  /** Call once the input has ended: it returns why the array is incomplete, if it is. */
  end(): RawRecord[] {
    switch (this.state) {
      case State.Before:
        return [{ line: this.line, error: 'expected a JSON array of records' }];
      case State.Element:
        return [invalid(this.elementLine, 'the file ends inside this record')];
      case State.FirstElement:
      case State.NextElement:
      case State.AfterElement:
        return [{ line: this.line, error: 'the JSON array is not closed before the end of the file' }];
      default:
        return [];
    }
  }

  /** A char outside any element. */
  private between(char: string, text: string, i: number, records: RawRecord[]): void {
    if (WHITE.test(char) || this.state === State.Stopped || (char === '\uFEFF' && this.state === State.Before)) return;
    switch (this.state) {
      case State.Before:
        if (char === '[') this.state = State.FirstElement;
        else {
          records.push({ line: this.line, error: 'expected a JSON array of records' });
          this.state = State.Stopped;
        }
        return;
      case State.FirstElement:
      case State.NextElement:
        if (char === ']' && this.state === State.FirstElement) this.state = State.After;
        else if (char === ']') {
          records.push(invalid(this.line, `a comma before the closing "]" at ${this.where()}`));
          this.state = State.After;
        } else if (char === ',') {
          records.push(invalid(this.line, `an empty element at ${this.where()}`));
          this.state = State.NextElement;
        } else this.startElement(char, text, i, records);
        return;
      case State.AfterElement:
        if (char === ',') this.state = State.NextElement;
        else if (char === ']') this.state = State.After;
        else {
          records.push(invalid(this.line, this.unexpected(char)));
          this.resync(char, text, i, records);
        }
        return;
      case State.After:
        records.push(invalid(this.line, `text after the end of the array at ${this.where()}`));
        this.resync(char, text, i, records);
        return;
      case State.Resync:
        this.resync(char, text, i, records);
        return;
    }
  }

  /** Skips to where a record starts: a `{` first on its line (or after `},`), indented as the last. */
  private resync(char: string, text: string, i: number, records: RawRecord[]): void {
    this.state = State.Resync;
    this.element = '';
    this.elementStart = -1;
    if (char === '{' && (this.head === '{' || this.head === '},') && (this.elementIndent === undefined || this.indent === this.elementIndent)) {
      this.startElement(char, text, i, records);
    }
  }

  private startElement(char: string, text: string, i: number, records: RawRecord[]): void {
    this.state = State.Element;
    this.element = '';
    this.elementStart = i;
    this.elementBytes = utf8Bytes(text.charCodeAt(i));
    this.elementLine = this.line;
    this.elementIndent = this.indent;
    this.stack = [];
    this.expect = Expect.Value;
    this.checked(this.step(char, text, i, records), char, text, i, records);
  }

  /** After a char of an element: if it was wrong, the element is an error row and reading resynchronises. */
  private checked(problem: string | undefined, char: string, text: string, i: number, records: RawRecord[]): void {
    if (problem === undefined) return;
    records.push(invalid(this.elementLine, problem));
    this.resync(char, text, i, records);
  }

  /** One char of the element, by the JSON grammar; returns what is wrong, if anything. */
  private step(char: string, text: string, i: number, records: RawRecord[]): string | undefined {
    switch (this.expect) {
      case Expect.String:
        if (char === '"' && !this.stringIsKey) return this.valueEnded(text, i + 1, records);
        if (char === '"') this.expect = Expect.Colon;
        else if (char === '\\') this.expect = Expect.Escape;
        else if (char.charCodeAt(0) < 0x20) return char === '\n' ? `a string is not closed before the end of line ${this.line - 1}` : this.unexpected(char);
        return undefined;
      case Expect.Escape:
        if (this.hexLeft > 0) {
          if (!HEX.test(char)) return this.unexpected(char);
          this.hexLeft -= 1;
          if (this.hexLeft === 0) this.expect = Expect.String;
        } else if (char === 'u') this.hexLeft = 4;
        else if ('"\\/bfnrt'.includes(char)) this.expect = Expect.String;
        else return this.unexpected(char);
        return undefined;
      case Expect.Literal:
        if (LITERAL_CHAR.test(char)) {
          this.literal += char;
          return undefined;
        }
        if (!LITERAL.test(this.literal)) return `not a JSON value: ${JSON.stringify(this.literal.slice(0, 40))} at ${this.literalAt}`;
        this.valueEnded(text, i, records);
        // The char after a literal belongs to what follows it.
        if (this.state === State.Element) return this.step(char, text, i, records);
        this.between(char, text, i, records);
        return undefined;
    }
    if (WHITE.test(char)) return undefined;
    switch (this.expect) {
      case Expect.KeyOrEnd:
      case Expect.Key:
        if (char === '"') {
          this.expect = Expect.String;
          this.stringIsKey = true;
          return undefined;
        }
        return char === '}' && this.expect === Expect.KeyOrEnd ? this.close(text, i, records) : this.unexpected(char);
      case Expect.Colon:
        if (char !== ':') return this.unexpected(char);
        this.expect = Expect.Value;
        return undefined;
      case Expect.CommaOrBrace:
      case Expect.CommaOrBracket: {
        const closer = this.expect === Expect.CommaOrBrace ? '}' : ']';
        if (char === ',') this.expect = closer === '}' ? Expect.Key : Expect.Value;
        else if (char === closer) return this.close(text, i, records);
        else return this.unexpected(char);
        return undefined;
      }
      case Expect.ValueOrBracket:
        if (char === ']') return this.close(text, i, records);
        break;
    }
    // A value.
    if (char === '{' || char === '[') {
      this.stack.push(char);
      this.expect = char === '{' ? Expect.KeyOrEnd : Expect.ValueOrBracket;
    } else if (char === '"') {
      this.expect = Expect.String;
      this.stringIsKey = false;
    } else if (LITERAL_CHAR.test(char)) {
      this.expect = Expect.Literal;
      this.literal = char;
      this.literalAt = this.where();
    } else return this.unexpected(char);
    return undefined;
  }

  private where(): string {
    return `line ${this.line}, column ${this.column}`;
  }

  private unexpected(char: string): string {
    return `unexpected ${JSON.stringify(char)} at ${this.where()}`;
  }

  private close(text: string, i: number, records: RawRecord[]): string | undefined {
    this.stack.pop();
    return this.valueEnded(text, i + 1, records);
  }

  /** A value ended just before `end`: the element is complete when nothing is open. */
  private valueEnded(text: string, end: number, records: RawRecord[]): undefined {
    const open = this.stack.at(-1);
    if (open !== undefined) {
      this.expect = open === '{' ? Expect.CommaOrBrace : Expect.CommaOrBracket;
      return undefined;
    }
    const source = this.element + text.slice(this.elementStart, end);
    this.element = '';
    this.elementStart = -1;
    this.state = State.AfterElement;
    // The grammar was checked char by char, so this parse cannot fail.
    records.push({ line: this.elementLine, value: JSON.parse(source) as unknown });
    return undefined;
  }
}
