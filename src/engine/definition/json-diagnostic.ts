// A definition that is not JSON yields one INVALID_JSON_DESCRIPTION diagnostic quoting the Jackson parser
// AWS uses (recorded, docs/aws-behaviour.md#api-operations): message "<jackson text>\n at <source>", location "<source>", where
// <source> = [Source: (String)"<text>"; line: L, column: C]. This scanner locates the first error the way
// Jackson words the common cases; it reads one root value and ignores what follows, like readTree
// [UNCONFIRMED that AWS keeps that default].
import type { Diagnostic } from '../errors/definition-error';

const TOKEN_LIST = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

class JsonProblem extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

function describe(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 ? `(CTRL-CHAR, code ${code})` : `'${c}' (code ${code})`;
}

class Scanner {
  private i = 0;
  constructor(private readonly text: string) {}

  /** Reads the root value; returns the index just past it. */
  root(): number {
    this.value();
    return this.i;
  }

  private ws(): string | undefined {
    while (/\s/.test(this.text[this.i] ?? '')) this.i++;
    return this.text[this.i];
  }

  private fail(message: string, index = this.i + 1): never {
    throw new JsonProblem(message, index);
  }

  private value(): void {
    const c = this.ws();
    if (c === undefined) this.fail(`Unexpected end-of-input: expected a value ${TOKEN_LIST}`, this.i);
    if (c === '{') return this.container('}', 'Object');
    if (c === '[') return this.container(']', 'Array');
    if (c === '"') return this.string();
    const token = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.i));
    if (token && token[0] !== '-') {
      this.i += token[0].length;
      return;
    }
    const word = /^[\p{L}\p{N}$_]+/u.exec(this.text.slice(this.i));
    if (word && ['true', 'false', 'null'].includes(word[0])) {
      this.i += word[0].length;
      return;
    }
    if (word) this.fail(`Unrecognized token '${word[0]}': was expecting ${TOKEN_LIST}`, this.i + word[0].length);
    this.fail(`Unexpected character (${describe(c)}): expected a valid value ${TOKEN_LIST}`);
  }

  private container(close: string, kind: 'Object' | 'Array'): void {
    const start = this.i++;
    if (this.ws() === close) {
      this.i++;
      return;
    }
    for (;;) {
      if (kind === 'Object') this.member();
      else this.value();
      const c = this.ws();
      if (c === undefined) this.fail(`Unexpected end-of-input: expected close marker for ${kind} (start marker at ${source(this.text, start)})`, this.i);
      this.i++;
      if (c === close) return;
      if (c !== ',') this.fail(`Unexpected character (${describe(c)}): was expecting comma to separate ${kind} entries`, this.i);
    }
  }

  private member(): void {
    const c = this.ws();
    if (c !== '"')
      this.fail(c === undefined ? 'Unexpected end-of-input' : `Unexpected character (${describe(c)}): was expecting double-quote to start field name`);
    this.string();
    const colon = this.ws();
    if (colon !== ':')
      this.fail(
        colon === undefined ? 'Unexpected end-of-input' : `Unexpected character (${describe(colon)}): was expecting a colon to separate field name and value`,
      );
    this.i++;
    this.value();
  }

  private string(): void {
    for (this.i++; this.i < this.text.length; this.i++) {
      const c = this.text[this.i];
      if (c === '\\') this.i++;
      else if (c === '"') {
        this.i++;
        return;
      } else if (c < ' ') this.fail(`Illegal unquoted character (${describe(c)}): has to be escaped using backslash to be included in string value`);
    }
    this.fail('Unexpected end-of-input: was expecting closing quote for a string value', this.i);
  }
}

/** Jackson's location text for a 0-based index: 1-based line and column, source capped at 500 chars. */
function source(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = (before.match(/\n/g)?.length ?? 0) + 1;
  const column = index - before.lastIndexOf('\n');
  const shown = text.length > 500 ? `"${text.slice(0, 500)}"[truncated ${text.length - 500} chars]` : `"${text}"`;
  return `[Source: (String)${shown}; line: ${line}, column: ${column}]`;
}

/** The INVALID_JSON_DESCRIPTION diagnostic for text JSON.parse rejected. */
export function invalidJson(text: string): Diagnostic {
  let message = 'Unexpected end-of-input';
  let index = text.length;
  try {
    new Scanner(text).root();
  } catch (e) {
    if (!(e instanceof JsonProblem)) throw e;
    ({ message, index } = e);
  }
  const location = source(text, index);
  return { severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', message: `${message}\n at ${location}`, location };
}

/** Parses the root value the way Jackson's readTree does: trailing text after it is ignored. */
export function parseJsonRoot(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // JSON.parse also rejects trailing text; retry on the root value alone when the scanner accepts it.
    const end = rootEnd(text);
    if (end === undefined) return { ok: false };
    try {
      return { ok: true, value: JSON.parse(text.slice(0, end)) };
    } catch {
      return { ok: false };
    }
  }
}

function rootEnd(text: string): number | undefined {
  try {
    return new Scanner(text).root();
  } catch {
    return undefined;
  }
}
