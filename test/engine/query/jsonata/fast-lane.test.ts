import jsonata from 'jsonata';
import { makeScope } from '../support/make-scope';
import { CompiledExpression } from '../../../../src/engine/query/jsonata/compiled-expression';
import { compileFastLane } from '../../../../src/engine/query/jsonata/fast-lane';
import { MISS } from '../../../../src/engine/query/jsonata/simple-path';

const fast = (text: string, shadowed: string[] = []) => compileFastLane(jsonata(text).ast(), new Set(shadowed));

describe('compileFastLane', () => {
  it.each(["$a.b & '-' & $a.c", '$string($a.i + 1)', '$string($a.b)', "'x' & 1", '$a.i + $a.j'])('covers %s', (text) => {
    expect(fast(text)).toBeDefined();
  });

  it.each(['$a.b - 1', '$a.b & $a.c[0]', '$number($a.b)', '$string($a.b, true)', '$string($a.b & "x")[0]', '$a.b ? 1 : 2', '$x := 1'])(
    'leaves %s to JSONata',
    (text) => {
      expect(fast(text)).toBeUndefined();
    },
  );

  it('leaves $string to JSONata when the expression binds a variable named string', () => {
    expect(fast('$string($a.b)', ['a', 'string'])).toBeUndefined();
  });

  it('answers MISS for operand types whose JSONata result it does not reproduce', () => {
    const lookup = (a: unknown) => (name: string) => (name === 'a' ? a : MISS);
    expect(fast("$a.b & '-'")?.(lookup({ b: 1 }))).toBe(MISS);
    expect(fast('$a.i + 1')?.(lookup({ i: '1' }))).toBe(MISS);
    expect(fast('$string($a.i)')?.(lookup({ i: 0.1 }))).toBe(MISS);
    expect(fast('$string($a.i)')?.(lookup({ i: 1e21 }))).toBe(MISS);
    expect(fast('$string($a.i)')?.(lookup({ i: { x: 1 } }))).toBe(MISS);
    expect(fast("$b & 'x'")?.(lookup({}))).toBe(MISS);
  });
});

// Differential: whatever the fast lane answers, JSONata must answer the same; where it cannot, JSONata decides.
describe('CompiledExpression with the extended fast lane agrees with JSONata', () => {
  const value = { orderNumber: 'ON-1', orderDate: '2025-01-01', n: 7, f: 1.5, big: 123456789012345680, neg: -3, s: '', nil: null, list: ['a'] };
  const scope = makeScope({ input: value, context: { Map: { Item: { Index: 41, Value: value } } } });
  it.each([
    "$states.context.Map.Item.Value.orderNumber & '-' & $states.context.Map.Item.Value.orderDate",
    '$string($states.context.Map.Item.Index + 1)',
    '$string($states.input.n + $states.input.neg)',
    '$string($states.input.f)',
    '$string($states.input.big)',
    '$string($states.input.nil)',
    '$string($states.input.missing)',
    "$states.input.s & 'x'",
    "$states.input.n & 'x'",
    "$states.input.list & 'x'",
    "$states.input.missing & 'x'",
    '$states.input.n + 0.25',
    "'a' & 'b'",
    '42',
  ])('%s', async (text) => {
    const expression = new CompiledExpression(`{% ${text} %}`, 'Output');
    const bindings = { states: { input: value, context: { Map: { Item: { Index: 41, Value: value } } } } };
    const expected = await jsonata(text)
      .evaluate(undefined, bindings)
      .then(
        (result: unknown) => ({ result: result === undefined ? undefined : JSON.parse(JSON.stringify(result)) }),
        (error: { code?: string }) => ({ code: error.code }),
      );
    const actual = await expression.evaluateRaw(scope).then(
      (result) => ({ result }),
      (error: { cause?: string }) => ({ code: /\b([A-Z]\d{4})\b/.exec(String(error.cause))?.[1] }),
    );
    expect(actual).toEqual(expected);
  });
});
