// Lexes a JSONPath reference into its root (`$` input, `$$` context object, `$name` workflow variable) and its
// segments. Definite paths (names and literal indices only) are walked by us so failures can quote Jayway's
// messages, which AWS surfaces (docs/aws-behaviour.md#jsonpath-runtime-errors); anything else (`*`, `..`, filters, slices, unions) is indefinite and
// handed to jsonpath-plus.

type PathRoot = { readonly kind: 'input' } | { readonly kind: 'context' } | { readonly kind: 'variable'; readonly name: string };

export type PathSegment = { readonly kind: 'property'; readonly name: string } | { readonly kind: 'index'; readonly index: number };

export interface ParsedPath {
  readonly root: PathRoot;
  /** Set when every segment is a name or a literal index. */
  readonly segments?: readonly PathSegment[];
  /** For indefinite paths: the path re-rooted at `$`, for jsonpath-plus. */
  readonly indefinite?: string;
}

export class PathSyntaxError extends Error {}

const VARIABLE_ROOT = /^\$([A-Za-z_][A-Za-z0-9_]*)/;

function parseRoot(path: string): { root: PathRoot; rest: string } {
  if (!path.startsWith('$')) throw new PathSyntaxError(`a path must start with '$'`);
  if (path.startsWith('$$')) return { root: { kind: 'context' }, rest: path.slice(2) };
  const variable = VARIABLE_ROOT.exec(path);
  if (variable) return { root: { kind: 'variable', name: variable[1] }, rest: path.slice(variable[0].length) };
  return { root: { kind: 'input' }, rest: path.slice(1) };
}

/** Index of the `]` closing the bracket opened at `start`, skipping quoted strings. */
function closingBracket(text: string, start: number): number {
  let quote: string | undefined;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new PathSyntaxError('unbalanced brackets');
}

/**
 * A backslash only escapes the key's own delimiter; any other backslash is part of the key. Recorded:
 * `$['Test\""Name"']` selects the key `Test\""Name"` [UNCONFIRMED for a doubled backslash].
 */
function unescapeDelimiter(key: string, delimiter: string): string {
  return key.replaceAll(`\\${delimiter}`, delimiter);
}

function bracketSegment(content: string): PathSegment | undefined {
  const trimmed = content.trim();
  if (/^-?\d+$/.test(trimmed)) return { kind: 'index', index: Number(trimmed) };
  const quoted = /^(['"])((?:\\.|(?!\1).)*)\1$/s.exec(trimmed);
  if (quoted) return { kind: 'property', name: unescapeDelimiter(quoted[2], quoted[1]) };
  if (trimmed === '') throw new PathSyntaxError('empty brackets');
  return undefined;
}

function dotSegment(rest: string, i: number): { segment?: PathSegment; next: number } {
  if (rest[i + 1] === '.') return { next: -1 };
  let end = i + 1;
  while (end < rest.length && rest[end] !== '.' && rest[end] !== '[') end++;
  const name = rest.slice(i + 1, end);
  if (name === '') throw new PathSyntaxError('empty property name');
  return { segment: name === '*' ? undefined : { kind: 'property', name }, next: end };
}

/** Structural check of an indefinite remainder: balanced brackets, no empty names, no trailing dots. */
function checkIndefinite(rest: string): void {
  let i = 0;
  while (i < rest.length) {
    if (rest[i] === '[') {
      const end = closingBracket(rest, i);
      if (rest.slice(i + 1, end).trim() === '') throw new PathSyntaxError('empty brackets');
      i = end + 1;
    } else if (rest[i] === '.') {
      i += rest[i + 1] === '.' ? 2 : 1;
      let end = i;
      while (end < rest.length && rest[end] !== '.' && rest[end] !== '[') end++;
      if (end === i && rest[end] !== '[') throw new PathSyntaxError('empty property name');
      i = end;
    } else {
      throw new PathSyntaxError(`unexpected character '${rest[i]}'`);
    }
  }
}

export function parsePath(path: string): ParsedPath {
  const { root, rest } = parseRoot(path);
  const segments: PathSegment[] = [];
  let i = 0;
  let definite = true;
  while (i < rest.length) {
    if (rest[i] === '.') {
      const { segment, next } = dotSegment(rest, i);
      if (!segment) {
        definite = false;
        break;
      }
      segments.push(segment);
      i = next;
    } else if (rest[i] === '[') {
      const end = closingBracket(rest, i);
      const segment = bracketSegment(rest.slice(i + 1, end));
      if (!segment) {
        definite = false;
        break;
      }
      segments.push(segment);
      i = end + 1;
    } else {
      throw new PathSyntaxError(`unexpected character '${rest[i]}' at position ${path.length - rest.length + i}`);
    }
  }
  if (definite) return { root, segments };
  checkIndefinite(rest);
  return { root, indefinite: `$${rest}` };
}

/** Jayway's normalized form, which AWS quotes in causes: `$['a']['b'][0]`. */
export function normalizedPath(segments: readonly PathSegment[]): string {
  return '$' + segments.map((s) => (s.kind === 'index' ? `[${s.index}]` : `['${s.name}']`)).join('');
}
