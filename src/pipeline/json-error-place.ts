// Where a JSON text is broken, as a person looks for it: line and column. Node's own messages give an offset on
// some versions and only a snippet on others, so the text is scanned once more to find the first bad character.

/** `unexpected '}' where a value was expected at line 3, column 8` (falls back to the parser's message). */
export function jsonErrorPlace(text: string, err: Error, lineOffset = 0): string {
  const found = firstJsonError(text);
  if (!found) return err.message;
  const before = text.slice(0, found.offset);
  const line = before.split('\n').length + lineOffset;
  const column = found.offset - before.lastIndexOf('\n');
  return `${found.problem} at line ${line}, column ${column}`;
}

interface JsonProblem {
  readonly offset: number;
  readonly problem: string;
}

class Broken extends Error {
  constructor(readonly at: JsonProblem) {
    super(at.problem);
  }
}

/** The first place `text` stops being JSON (RFC 8259), or undefined when it is JSON. */
function firstJsonError(text: string): JsonProblem | undefined {
  let i = 0;
  const fail = (expected: string): never => {
    const got = i >= text.length ? 'end of text' : `'${text[i]}'`;
    throw new Broken({ offset: Math.min(i, text.length), problem: `unexpected ${got} where ${expected} was expected` });
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('a value');
  };
  const string = () => {
    i++; // the opening quote
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail('a closing quote (a control character must be escaped)');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) i += 4;
        else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
      }
      i++;
    }
    if (i >= text.length) fail('a closing quote');
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail('a value');
    i += m![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    fail('a value');
  };
  const object = () => {
    i++;
    space();
    if (text[i] === '}') return void i++;
    for (;;) {
      space();
      if (text[i] !== '"') fail('a double-quoted property name');
      string();
      space();
      if (text[i] !== ':') fail("':'");
      i++;
      value();
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') return void i++;
      fail("',' or '}'");
    }
  };
  const array = () => {
    i++;
    space();
    if (text[i] === ']') return void i++;
    for (;;) {
      value();
      space();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') return void i++;
      fail("',' or ']'");
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail('the end of the text');
    return undefined;
  } catch (err) {
    if (err instanceof Broken) return err.at;
    throw err;
  }
}
