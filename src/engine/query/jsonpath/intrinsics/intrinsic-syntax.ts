// Parses an intrinsic call such as `States.Format('{} {}', $.a, States.Array(1, 'x\'y'))` [DOC
// intrinsic-functions]. Arguments: single-quoted strings (escapes \' \{ \} \\), numbers, true/false/null, paths
// (`$…`, `$$…`, `$var…`) and nested calls, at most 10 levels deep.

export type IntrinsicArg =
  /** `raw` keeps a string literal's escapes, so States.Format can tell `\{\}` from a `{}` placeholder. */
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null; readonly raw?: string }
  | { readonly kind: 'path'; readonly path: string }
  | IntrinsicCall;

export interface IntrinsicCall {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly IntrinsicArg[];
}

export class IntrinsicSyntaxError extends Error {}

const MAX_NESTING = 10;

const ESCAPABLE = new Set(["'", '{', '}', '\\']);

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpaces(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  expect(c: string): void {
    this.skipSpaces();
    if (this.text[this.pos] !== c) throw this.error(`expected '${c}'`);
    this.pos++;
  }

  error(message: string): IntrinsicSyntaxError {
    return new IntrinsicSyntaxError(`${message} at position ${this.pos}`);
  }
}

function readString(r: Reader): IntrinsicArg {
  let value = '';
  const start = r.pos + 1;
  for (r.pos++; r.pos < r.text.length; r.pos++) {
    const c = r.text[r.pos];
    if (c === "'") {
      r.pos++;
      return { kind: 'literal', value, raw: r.text.slice(start, r.pos - 1) };
    }
    if (c === '\\') {
      const next = r.text[++r.pos];
      // "If an open escape backslash \ is found in the intrinsic invocation string, the interpreter will throw".
      if (!ESCAPABLE.has(next)) throw r.error(`invalid escape '\\${next ?? ''}'`);
      value += next;
    } else value += c;
  }
  throw r.error('unterminated string literal');
}

/** A path argument runs to the next top-level ',' or ')' (brackets and quotes may contain either). */
function readPath(r: Reader): IntrinsicArg {
  const start = r.pos;
  let depth = 0;
  let quote: string | undefined;
  for (; r.pos < r.text.length; r.pos++) {
    const c = r.text[r.pos];
    if (quote) {
      if (c === '\\') r.pos++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (depth === 0 && (c === ',' || c === ')')) break;
  }
  return { kind: 'path', path: r.text.slice(start, r.pos).trim() };
}

function readBare(r: Reader): IntrinsicArg {
  const match = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)(?=\s*[,)])/.exec(r.text.slice(r.pos));
  if (!match) throw r.error('invalid argument');
  r.pos += match[0].length;
  const token = match[1];
  const value = token === 'true' ? true : token === 'false' ? false : token === 'null' ? null : Number(token);
  return { kind: 'literal', value };
}

function readArg(r: Reader, depth: number): IntrinsicArg {
  r.skipSpaces();
  const c = r.text[r.pos];
  if (c === "'") return readString(r);
  if (c === '$') return readPath(r);
  if (r.text.startsWith('States.', r.pos)) return readCall(r, depth + 1);
  return readBare(r);
}

function readCall(r: Reader, depth: number): IntrinsicCall {
  if (depth > MAX_NESTING) throw r.error(`intrinsic functions can be nested at most ${MAX_NESTING} levels deep`);
  r.skipSpaces();
  const name = /^States\.[A-Za-z0-9]+/.exec(r.text.slice(r.pos));
  if (!name) throw r.error('expected an intrinsic function name (States.<Name>)');
  r.pos += name[0].length;
  r.expect('(');
  const args: IntrinsicArg[] = [];
  r.skipSpaces();
  if (r.text[r.pos] === ')') {
    r.pos++;
    return { kind: 'call', name: name[0], args };
  }
  for (;;) {
    args.push(readArg(r, depth));
    r.skipSpaces();
    if (r.text[r.pos] === ')') break;
    r.expect(',');
  }
  r.pos++;
  return { kind: 'call', name: name[0], args };
}

export function isIntrinsicCall(text: string): boolean {
  return /^\s*States\.[A-Za-z0-9]+\s*\(/.test(text);
}

export function parseIntrinsic(text: string): IntrinsicCall {
  const r = new Reader(text);
  const call = readCall(r, 1);
  r.skipSpaces();
  if (r.pos !== text.length) throw r.error('unexpected text after the closing parenthesis');
  return call;
}
