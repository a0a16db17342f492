// The 256 KiB quota checks (src/engine/runtime/data-limit.ts) measure a value by an upper bound of its JSON text
// and write the text only when the bound passes the quota. These tests hold values at exactly the quota and one
// byte over it, for every kind of content whose JSON text is longer than its UTF-16 length (escapes, multi-byte
// characters, lone surrogates, numbers, keys), so an undercounting bound would let an over-quota value through.
import { checkStateOutput, checkTaskResult } from '../../../src/engine/runtime/data-limit';
import { StatesError } from '../../../src/engine/errors/states-error';
import { TerminalStatesError } from '../../../src/engine/errors/states-error-kinds';

const QUOTA = 262_144;
const RESOURCE = { legacyLambda: false, arn: 'arn:aws:states:::dynamodb:putItem', resourceType: 'dynamodb' };

/** A value whose JSON text is exactly `bytes` UTF-8 bytes, built from `unit` (its JSON bytes given) and ASCII padding. */
function sized(bytes: number, unit: string, unitBytes: number, shape: (text: string) => unknown, overhead: number): unknown {
  const units = Math.floor((bytes - overhead) / unitBytes);
  const text = unit.repeat(units) + 'a'.repeat(bytes - overhead - units * unitBytes);
  const value = shape(text);
  expect(Buffer.byteLength(JSON.stringify(value))).toBe(bytes);
  return value;
}

const KINDS: ReadonlyArray<readonly [string, string, number]> = [
  ['ASCII', 'x', 1],
  ['control characters (\\u0001, 6 bytes each)', '\u0001', 6],
  ['quotes and backslashes (2 bytes each)', '"\\', 4],
  ['BMP characters (3 bytes each)', '日', 3],
  ['emoji (4 bytes per surrogate pair)', '😀', 4],
  ['lone surrogates (6 bytes each)', '\ud800a', 7],
];

const SHAPES: ReadonlyArray<readonly [string, (text: string) => unknown, number]> = [
  ['a string', (text) => text, 2],
  ['an object member', (text) => ({ payload: text }), '{"payload":""}'.length],
  ['an object key', (text) => ({ [text]: 1 }), '{"":1}'.length],
  ['an array item beside numbers', (text) => [-1.7976931348623157e308, text, 5e-324, true, null], '[-1.7976931348623157e+308,"",5e-324,true,null]'.length],
];

describe('256 KiB quota', () => {
  describe.each(KINDS)('%s', (_, unit, unitBytes) => {
    it.each(SHAPES)('in %s: at the quota passes, one byte over fails', (_shape, shape, overhead) => {
      const atQuota = sized(QUOTA, unit, unitBytes, shape, overhead);
      const over = sized(QUOTA + 1, unit, unitBytes, shape, overhead);
      expect(() => checkStateOutput(atQuota, 'S')).not.toThrow();
      expect(() => checkTaskResult(atQuota, RESOURCE)).not.toThrow();
      expect(() => checkStateOutput(over, 'S')).toThrow(TerminalStatesError);
      expect(() => checkTaskResult(over, RESOURCE)).toThrow(StatesError);
    });
  });

  it('fails with AWS names and causes', () => {
    const over = 'x'.repeat(QUOTA);
    expect(() => checkStateOutput(over, 'Big')).toThrow(
      expect.objectContaining({ error: 'States.DataLimitExceeded', message: expect.stringContaining("The state/task 'Big' returned a result") }),
    );
    expect(() => checkTaskResult({ big: over }, RESOURCE)).toThrow(expect.objectContaining({ error: 'States.DataLimitExceeded', catchable: true }));
  });

  it('measures what JSON.stringify measures: toJSON, undefined members, nested containers, deep nesting', () => {
    const date = new Date(0);
    expect(() => checkStateOutput({ when: date, skipped: undefined, f: () => 1, nested: [[{ a: [] }]] }, 'S')).not.toThrow();
    // Dates at the quota: the widest ISO text there is, an invalid date (null), beside padding that fills the rest.
    const widest = new Date(8.64e15);
    expect(JSON.stringify(widest)).toHaveLength(29);
    for (const when of [widest, new Date(Number.NaN), new Date(0)]) {
      const fill = (bytes: number) => ({ when, pad: 'x'.repeat(bytes - Buffer.byteLength(JSON.stringify({ when, pad: '' }))) });
      expect(() => checkTaskResult(fill(QUOTA), RESOURCE)).not.toThrow();
      expect(() => checkTaskResult(fill(QUOTA + 1), RESOURCE)).toThrow(StatesError);
    }
    // A toJSON that writes more than the object holds: only JSON.stringify knows.
    const inflated = { toJSON: () => 'x'.repeat(QUOTA + 1) };
    expect(() => checkStateOutput(inflated, 'S')).toThrow(TerminalStatesError);
    let deep: unknown = 'x'.repeat(QUOTA);
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => checkStateOutput(deep, 'S')).toThrow(TerminalStatesError);
    let deepSmall: unknown = 1;
    for (let i = 0; i < 100; i++) deepSmall = { a: deepSmall };
    expect(() => checkStateOutput(deepSmall, 'S')).not.toThrow();
  });

  it('a value JSON cannot write fails as JSON.stringify fails', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => checkStateOutput(cyclic, 'S')).toThrow(TypeError);
    expect(() => checkTaskResult({ n: 10n }, RESOURCE)).toThrow(TypeError);
  });
});
