// Incremental CSV tokenizer following Step Functions' documented rules ("How Step Functions parses input CSV
// files", docs/aws-behaviour.md#csv-reading); the full rule list, with every [UNCONFIRMED] choice, is in CSV-RULES.md next to this file.
//
// Documented rules:
// - fields are separated by the configured delimiter, records by newlines; every value is a string;
// - quoting with `"` is optional; inside quotes the delimiter and newlines are literal;
// - `""` yields one `"`, inside quotes and also in an unquoted field (`{""k"":""v""}` → `{"k":"v"}`);
// - `\` escapes only `\`, `"` and the delimiter; a backslash before any other character is dropped silently.
// Choices where AWS is [UNCONFIRMED]:
// - a `"` that opens a field starts a quoted section; after its closing quote the field continues unquoted
//   (`"ab"cd` → `abcd`); a lone `"` in the middle of an unquoted field is literal (`5" disk` → `5" disk`);
// - `\n`, `\r\n` and a lone `\r` all end a record; inside quotes they are kept verbatim;
// - a UTF-8 BOM at the very start of the object is stripped (so the first header is `orderNumber`, not `\uFEFForderNumber`);
// - a fully empty line makes no record and is counted in `blankLines`; a trailing newline at EOF makes nothing;
// - a quote still open at EOF is an error naming the line where it opened (no silent swallowing of the rest);
// - a record longer than `maxRecordBytes` is an error naming the line where it starts.
//
// It works on bytes: every special character is ASCII and UTF-8 never uses ASCII bytes inside a multi-byte
// sequence, so fields are cut at the right places and decoded once, and sizes are exact UTF-8 byte counts.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf];

export interface CsvRecord {
  readonly fields: string[];
  /** 1-based physical line where the record starts. */
  readonly line: number;
  /** Raw bytes of the record, terminator excluded. */
  readonly bytes: number;
}

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export class CsvTokenizer {
  /** Fully empty lines skipped so far. */
  blankLines = 0;
  private field = Buffer.allocUnsafe(1024);
  private fieldLength = 0;
  private fields: string[] = [];
  private out: CsvRecord[] = [];
  private inQuotes = false;
  private atFieldStart = true;
  private pendingQuote = false;
  private pendingBackslash = false;
  private lastWasCR = false;
  private recordStarted = false;
  private recordBytes = 0;
  private recordLine = 1;
  private quoteLine = 0;
  private line = 1;
  private bomChecked = 0;

  constructor(
    private readonly delimiter: number,
    private readonly maxRecordBytes: number,
  ) {}

  /** Feeds one chunk; returns the records it completed. */
  push(chunk: Buffer): CsvRecord[] {
    this.out = [];
    for (let i = this.skipBom(chunk); i < chunk.length; i++) this.consume(chunk[i]);
    return this.out;
  }

  /** Ends the input; returns the last record, if the object does not end with a newline. */
  end(): CsvRecord[] {
    this.out = [];
    if (this.bomChecked > 0 && this.bomChecked < BOM.length) this.replayBomPrefix();
    this.pendingBackslash = false; // a backslash before EOF escapes nothing: dropped
    this.resolvePendingQuote();
    if (this.inQuotes) {
      throw new CsvSyntaxError(`unterminated quoted field: the quote opened on line ${this.quoteLine} is never closed`, this.quoteLine);
    }
    if (this.recordStarted) this.endRecord();
    return this.out;
  }

  private skipBom(chunk: Buffer): number {
    let i = 0;
    // Only the first bytes of the object can be a BOM; a chunk boundary inside it is handled byte by byte.
    while (this.bomChecked < BOM.length && this.bomChecked >= 0 && i < chunk.length) {
      if (chunk[i] !== BOM[this.bomChecked]) {
        if (this.bomChecked > 0) this.replayBomPrefix();
        this.bomChecked = -1;
        return i;
      }
      this.bomChecked++;
      i++;
    }
    return i;
  }

  /** A partial BOM prefix was not a BOM after all: its bytes are data. */
  private replayBomPrefix(): void {
    const prefix = BOM.slice(0, this.bomChecked);
    this.bomChecked = -1;
    for (const b of prefix) this.consume(b);
  }

  private consume(b: number): void {
    const afterCR = this.lastWasCR;
    this.lastWasCR = b === CR;
    if (b === LF && !afterCR) this.line++;
    if (b === CR) this.line++;
    if (this.pendingBackslash) {
      this.pendingBackslash = false;
      if (b === BACKSLASH || b === QUOTE || b === this.delimiter) {
        this.countByte();
        return this.append(b);
      }
      // Any other character: the backslash is dropped and the character handled as usual.
    }
    if (this.pendingQuote && this.resolvePendingQuote(b)) return;
    if (!this.inQuotes && (b === LF || b === CR)) {
      if (b === LF && afterCR) return; // second half of CRLF: the CR already ended the record
      return this.endOfLine();
    }
    this.countByte();
    if (b === BACKSLASH) this.pendingBackslash = true;
    else if (b === QUOTE) this.quote();
    else if (b === this.delimiter && !this.inQuotes) this.endField();
    else this.append(b);
  }

  /** Decides what a `"` meant once the next byte is known; returns true when that byte was consumed. */
  private resolvePendingQuote(next?: number): boolean {
    if (!this.pendingQuote) return false;
    this.pendingQuote = false;
    if (next === QUOTE) {
      this.countByte();
      this.append(QUOTE); // "" → "
      return true;
    }
    if (this.inQuotes)
      this.inQuotes = false; // closing quote
    else this.append(QUOTE); // lone quote inside an unquoted field: literal
    return false;
  }

  private quote(): void {
    if (this.atFieldStart && !this.inQuotes) {
      this.inQuotes = true;
      this.atFieldStart = false;
      this.quoteLine = this.line;
    } else {
      this.pendingQuote = true;
    }
  }

  private countByte(): void {
    if (!this.recordStarted) {
      this.recordStarted = true;
      this.recordLine = this.line;
    }
    if (++this.recordBytes > this.maxRecordBytes) {
      const hint = this.inQuotes ? ` (a quoted field opened on line ${this.quoteLine} is still open)` : '';
      throw new CsvSyntaxError(`the row starting on line ${this.recordLine} exceeds ${this.maxRecordBytes} bytes${hint}`, this.recordLine);
    }
  }

  private append(b: number): void {
    this.atFieldStart = false;
    if (this.fieldLength === this.field.length) {
      const grown = Buffer.allocUnsafe(this.field.length * 2);
      this.field.copy(grown, 0, 0, this.fieldLength);
      this.field = grown;
    }
    this.field[this.fieldLength++] = b;
  }

  private endField(): void {
    this.fields.push(this.field.toString('utf8', 0, this.fieldLength));
    this.fieldLength = 0;
    this.atFieldStart = true;
  }

  private endOfLine(): void {
    if (this.recordStarted) this.endRecord();
    else this.blankLines++;
  }

  private endRecord(): void {
    this.endField();
    this.out.push({ fields: this.fields, line: this.recordLine, bytes: this.recordBytes });
    this.fields = [];
    this.recordStarted = false;
    this.recordBytes = 0;
  }
}
