// AWS parses execution input with Jackson and quotes its first parser error verbatim (docs/aws-behaviour.md#api-protocol-and-errors):
// "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or
// 'false')". This scanner finds the first error the way Jackson 2.12–2.15 reports it. Like Jackson's
// readTree, it reads one root value and ignores what follows it ([UNCONFIRMED] that AWS keeps that default).

export type JacksonScan = { readonly ok: true; readonly end: number } | { readonly ok: false; readonly message: string };

const TOKEN_LIST = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const ID_START = /[\p{L}\p{Nl}$_\p{Sc}\p{Pc}]/u;
const ID_PART = /[\p{L}\p{N}$_\p{Sc}\p{Pc}\p{Mn}\p{Mc}]/u;
const WS = new Set([' ', '\t', '\n', '\r']);

class JacksonError extends Error {}

interface Scope {
  readonly type: 'OBJECT' | 'ARRAY';
  readonly start: number;
}

/** Scans the first root JSON value of `text`; `end` is the index just past it. Empty input is not an error here. */
export function scanJson(text: string): JacksonScan {
  try {
    return { ok: true, end: new Scanner(text).root() };
  } catch (err) {
    if (err instanceof JacksonError) return { ok: false, message: err.message };
    throw err;
  }
}

class Scanner {
  private i = 0;
  private readonly stack: Scope[] = [];

  constructor(private readonly text: string) {}

  root(): number {
    this.skipWs();
    for (;;) {
      if (this.value()) continue; // a container opened: read its first member
      if (this.afterValue()) return this.i;
    }
  }

  /** Reads one value; returns true when it opened a non-empty container whose first member comes next. */
  private value(): boolean {
    const c = this.text[this.i];
    if (c === '{' || c === '[') return this.open(c === '{' ? 'OBJECT' : 'ARRAY');
    if (c === '"') this.string();
    else if (c === '-' || (c >= '0' && c <= '9')) this.number();
    else if (c === 't' || c === 'f' || c === 'n') this.literal(c === 't' ? 'true' : c === 'f' ? 'false' : 'null');
    else if (c === '}') this.unexpected(c, 'expected a value');
    else if (c !== undefined && ID_START.test(c)) this.invalidToken('');
    else this.unexpected(c, `expected a valid value ${TOKEN_LIST}`);
    return false;
  }

  private open(type: Scope['type']): boolean {
    this.stack.push({ type, start: this.i++ });
    const c = this.skipWs();
    if (c === undefined) this.eofInScope();
    if (c === '}' || c === ']') {
      this.close(c);
      return false;
    }
    if (type === 'OBJECT') this.fieldName();
    return true;
  }

  /** After a value: closes scopes and eats separators; returns true once the root value is complete. */
  private afterValue(): boolean {
    while (this.stack.length > 0) {
      const scope = this.stack[this.stack.length - 1];
      const c = this.skipWs();
      if (c === undefined) this.eofInScope();
      if (c === '}' || c === ']') {
        this.close(c);
        continue;
      }
      if (c !== ',') this.unexpected(c, `was expecting comma to separate ${scope.type === 'OBJECT' ? 'Object' : 'Array'} entries`);
      this.i++;
      if (this.skipWs() === undefined) this.eof(` within/between ${scope.type} entries`);
      if (scope.type === 'OBJECT') this.fieldName();
      return false;
    }
    return true;
  }

  private close(c: string): void {
    const scope = this.stack[this.stack.length - 1];
    const expected = scope.type === 'OBJECT' ? '}' : ']';
    if (c !== expected) {
      throw new JacksonError(`Unexpected close marker '${c}': expected '${expected}' (for ${scope.type} starting at ${this.location(scope.start)})`);
    }
    this.i++;
    this.stack.pop();
  }

  private fieldName(): void {
    const c = this.text[this.i];
    if (c !== '"') this.unexpected(c, 'was expecting double-quote to start field name');
    this.string();
    const colon = this.skipWs();
    if (colon === undefined) this.eof(' within/between OBJECT entries');
    if (colon !== ':') this.unexpected(colon, 'was expecting a colon to separate field name and value');
    this.i++;
    if (this.skipWs() === undefined) this.eof(' within/between OBJECT entries');
  }

  private string(): void {
    for (this.i++; ; this.i++) {
      const c = this.text[this.i];
      if (c === undefined) this.eof(': was expecting closing quote for a string value');
      if (c === '"') break;
      if (c < ' ') {
        throw new JacksonError(`Illegal unquoted character (${charDesc(c)}): has to be escaped using backslash to be included in string value`);
      }
      if (c === '\\') this.escape();
    }
    this.i++;
  }

  private escape(): void {
    const c = this.text[++this.i];
    if (c === undefined) this.eof(' in character escape sequence');
    if ('"\\/bfnrt'.includes(c)) return;
    if (c !== 'u') throw new JacksonError(`Unrecognized character escape ${charDesc(c)}`);
    for (let k = 0; k < 4; k++) {
      const h = this.text[++this.i];
      if (h === undefined) this.eof(' in character escape sequence');
      if (!/[0-9a-fA-F]/.test(h)) this.unexpected(h, 'expected a hex-digit for character escape sequence');
    }
  }

  private number(): void {
    if (this.text[this.i] === '-') {
      this.i++;
      const d = this.text[this.i];
      if (d === undefined) this.eof(' in a Number value');
      if (!(d >= '0' && d <= '9')) this.unexpectedInNumber(d, 'expected digit (0-9) to follow minus sign, for valid numeric value');
    }
    if (this.text[this.i] === '0' && isDigit(this.text[this.i + 1])) throw new JacksonError('Invalid numeric value: Leading zeroes not allowed');
    this.digits();
    if (this.text[this.i] === '.') {
      this.i++;
      if (!isDigit(this.text[this.i])) this.unexpectedInNumber(this.text[this.i], 'Decimal point not followed by a digit');
      this.digits();
    }
    if (this.text[this.i] === 'e' || this.text[this.i] === 'E') {
      this.i++;
      if (this.text[this.i] === '+' || this.text[this.i] === '-') this.i++;
      if (!isDigit(this.text[this.i])) this.unexpectedInNumber(this.text[this.i], 'Exponent indicator not followed by a digit');
      this.digits();
    }
    const next = this.text[this.i];
    if (this.stack.length === 0 && next !== undefined && !WS.has(next)) this.unexpected(next, 'Expected space separating root-level values');
  }

  private digits(): void {
    while (isDigit(this.text[this.i])) this.i++;
  }

  private literal(word: string): void {
    for (let k = 1; k < word.length; k++) {
      if (this.text[this.i + k] !== word[k]) {
        this.i += k;
        this.invalidToken(word.slice(0, k));
      }
    }
    this.i += word.length;
    const next = this.text[this.i];
    if (next !== undefined && ID_PART.test(next)) this.invalidToken(word);
  }

  /** Jackson reports the whole identifier-like run starting at the bad token, capped at 256 chars. */
  private invalidToken(matched: string): never {
    let token = matched;
    while (this.i < this.text.length && ID_PART.test(this.text[this.i])) {
      token += this.text[this.i++];
      if (token.length >= 256) {
        token += '...';
        break;
      }
    }
    throw new JacksonError(`Unrecognized token '${token}': was expecting ${TOKEN_LIST}`);
  }

  private skipWs(): string | undefined {
    while (WS.has(this.text[this.i])) this.i++;
    return this.text[this.i];
  }

  private unexpected(c: string | undefined, comment: string): never {
    if (c === undefined) this.eof(` ${comment}`);
    throw new JacksonError(`Unexpected character (${charDesc(c)}): ${comment}`);
  }

  private unexpectedInNumber(c: string | undefined, comment: string): never {
    if (c === undefined) this.eof(` in numeric value: ${comment}`);
    throw new JacksonError(`Unexpected character (${charDesc(c)}) in numeric value: ${comment}`);
  }

  private eofInScope(): never {
    const scope = this.stack[this.stack.length - 1];
    this.eof(`: expected close marker for ${scope.type} (start marker at ${this.location(scope.start)})`);
  }

  private eof(detail: string): never {
    throw new JacksonError(`Unexpected end-of-input${detail}`);
  }

  /** Jackson's JsonLocation text: the source (first 500 chars) and the 1-based line/column. */
  private location(index: number): string {
    const before = this.text.slice(0, index);
    const line = (before.match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
    const column = index - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    const snippet = this.text.length > 500 ? `"${this.text.slice(0, 500)}"[truncated ${this.text.length - 500} chars]` : `"${this.text}"`;
    return `[Source: (String)${snippet}; line: ${line}, column: ${column}]`;
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function charDesc(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `(CTRL-CHAR, code ${code})`;
  if (code > 255) return `'${c}' (code ${code} / 0x${code.toString(16)})`;
  return `'${c}' (code ${code})`;
}
