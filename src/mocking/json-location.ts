// Readable locations inside a JSON document for load-time errors: `MockedResponses.Retry["1-2"].Throw`,
// `rules[1].rate`. Identifier-like keys use dots; anything else is quoted so the key is unambiguous.

export type JsonSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function jsonLocation(segments: readonly JsonSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Error thrown by a loader for a problem at one location of one source (a file path or an env var). */
export abstract class JsonLocatedError extends Error {
  constructor(
    readonly source: string,
    readonly location: string,
    readonly problem: string,
  ) {
    super(location === '' ? `${source}: ${problem}` : `${source}: ${location}: ${problem}`);
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
