import jsonata from 'jsonata';
import { makeScope } from '../support/make-scope';
import { CompiledExpression } from '../../../../src/engine/query/jsonata/compiled-expression';
import { registerAwsFunctions } from '../../../../src/engine/query/jsonata/aws-functions';
import { compileFastLane } from '../../../../src/engine/query/jsonata/fast-lane';
import { MISS } from '../../../../src/engine/query/jsonata/simple-path';

const fast = (text: string, shadowed: string[] = []) => compileFastLane(jsonata(text).ast(), new Set(shadowed));

describe('compileFastLane', () => {
  it.each([
    "$a.b & '-' & $a.c",
    '$string($a.i + 1)',
    '$string($a.b)',
    "'x' & 1",
    '$a.i + $a.j',
    "$a.s = 'SUCCEEDED'",
    '$count($a.list) > 0',
    '$parse($a.text)',
    '$count($a.list[ok])',
    '[$a.list[$not(ok)]]',
  ])('covers %s', (text) => {
    expect(fast(text)).toBeDefined();
  });

  it.each([
    '$a.b - 1',
    '$a.b & $a.c[0]',
    '$number($a.b)',
    '$string($a.b, true)',
    '$string($a.b & "x")[0]',
    '$a.b ? 1 : 2',
    '$x := 1',
    '$a in $b',
    '$count($a[b])',
    '$count($a.l[ok][x])',
    '$count($a.l[$not($not(ok))])',
    '[$a.l[ok], 1]',
    '$a.l[ok]',
  ])('leaves %s to JSONata', (text) => {
    expect(fast(text)).toBeUndefined();
  });

  it('leaves a function to JSONata when the expression binds a variable of its name', () => {
    expect(fast('$string($a.b)', ['a', 'string'])).toBeUndefined();
    expect(fast('$count($a.b)', ['a', 'count'])).toBeUndefined();
    expect(fast('$parse($a.b)', ['a', 'parse'])).toBeUndefined();
  });

  it('answers boolean filters, comparisons and $count itself', () => {
    const lookup = (a: unknown) => (name: string) => (name === 'a' ? a : MISS);
    const list = [
      { ok: true, n: 1 },
      { ok: false, n: 2 },
      { ok: true, n: 3 },
    ];
    expect(fast('$count($a.list[ok])')?.(lookup({ list }))).toBe(2);
    expect(fast('[$a.list[$not(ok)]]')?.(lookup({ list }))).toEqual([{ ok: false, n: 2 }]);
    expect(fast('$count($a.list[$not(ok)]) > 0')?.(lookup({ list: [] }))).toBe(false);
    expect(fast("$a.s = 'SUCCEEDED'")?.(lookup({ s: 'SUCCEEDED' }))).toBe(true);
    expect(fast('$parse($a.t)')?.(lookup({ t: '{"w":[1]}' }))).toEqual({ w: [1] });
    expect(fast('$count($a.list[ok])')?.(lookup({ list: [{ ok: 1 }] }))).toBe(MISS);
  });

  it('answers MISS for operand types whose JSONata result it does not reproduce', () => {
    const lookup = (a: unknown) => (name: string) => (name === 'a' ? a : MISS);
    expect(fast("$a.b & '-'")?.(lookup({ b: 1 }))).toBe(MISS);
    expect(fast('$a.i + 1')?.(lookup({ i: '1' }))).toBe(MISS);
    expect(fast('$string($a.i)')?.(lookup({ i: 0.1 }))).toBe(MISS);
    expect(fast('$string($a.i)')?.(lookup({ i: 1e21 }))).toBe(MISS);
    expect(fast('$string($a.i)')?.(lookup({ i: { x: 0.30000000000000004 } }))).toBe(MISS);
    expect(fast('$string($a.i)')?.(lookup({ i: { x: 1 } }))).toBe('{"x":1}');
    expect(fast('$a.i = $a.j')?.(lookup({ i: { x: 1 }, j: { x: 1 } }))).toBe(MISS);
    expect(fast('$a.i > $a.j')?.(lookup({ i: 1, j: '1' }))).toBe(MISS);
    expect(fast('$parse($a.i)')?.(lookup({ i: '{bad' }))).toBe(MISS);
    expect(fast('$parse($a.i)')?.(lookup({ i: 1 }))).toBe(MISS);
    expect(fast("$b & 'x'")?.(lookup({}))).toBe(MISS);
  });
});

// Differential: whatever the fast lane answers, JSONata must answer the same; where it cannot, JSONata decides.
describe('CompiledExpression with the extended fast lane agrees with JSONata', () => {
  const value = {
    orderNumber: 'ON-1',
    orderDate: '2025-01-01',
    n: 7,
    f: 1.5,
    big: 123456789012345680,
    neg: -3,
    s: '',
    nil: null,
    list: ['a'],
    items: [
      { pk: 'a', n: 1 },
      { pk: 'b', n: 0.1 },
    ],
    empty: [],
    nested: [[1], [2, 3]],
    inexact: { x: 0.30000000000000004, y: [1e21, -0] },
    status: 'SUCCEEDED',
    flag: true,
    json: '{"written":10,"list":[1,2],"neg":-0}',
    jsonList: '[1]',
    badJson: '{"a":',
    none: [{ written: false }, { written: false }],
    one: [
      { written: true, pk: 'a' },
      { written: false, pk: 'b' },
    ],
    many: [{ written: true }, { written: false, pk: 'b' }, { written: true, pk: 'c' }],
    numbers: [{ written: 1 }, { written: 0 }],
    strings: [{ written: 'yes' }, { written: '' }],
    missingField: [{ written: true }, {}],
    notObjects: [true, { written: true }],
  };
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
    '$states.input.items',
    '$states.input.nested',
    '$states.input.empty',
    '$string($states.input)',
    '$string($states.input.items)',
    '$string($states.input.inexact)',
    '$string($states.input.flag)',
    '$string($states.input.list)',
    '$count($states.input.items)',
    '$count($states.input.empty)',
    '$count($states.input.nested)',
    '$count($states.input.s)',
    '$count($states.input.missing)',
    '$count($states.input.items) > 0',
    '$count($states.input.empty) > 0',
    "$states.input.status = 'SUCCEEDED'",
    "$states.input.status != 'SUCCEEDED'",
    "$states.input.missing = 'SUCCEEDED'",
    '$states.input.n = 7',
    "$states.input.n = '7'",
    '$states.input.nil = null',
    '$states.input.flag = true',
    '$states.input.items = $states.input.items',
    '$states.input.n >= 7',
    '$states.input.n < $states.input.f',
    "$states.input.orderNumber <= 'ON-2'",
    '$states.input.n > $states.input.s',
    '$states.input.missing > 1',
    '$parse($states.input.json)',
    '$parse($states.input.jsonList)',
    '$parse($states.input.badJson)',
    '$parse($states.input.n)',
    ...['none', 'one', 'many', 'empty', 'numbers', 'strings', 'missingField', 'notObjects', 'status', 'missing'].flatMap((list) => [
      `$count($states.input.${list}[written])`,
      `$count($states.input.${list}[$not(written)])`,
      `[$states.input.${list}[written]]`,
      `[$states.input.${list}[$not(written)]]`,
      `$count($states.input.${list}[written]) > 0`,
    ]),
  ])('%s', async (text) => {
    const expression = new CompiledExpression(`{% ${text} %}`, 'Output');
    const bindings = { states: { input: value, context: { Map: { Item: { Index: 41, Value: value } } } } };
    const reference = jsonata(text);
    registerAwsFunctions(reference);
    const expected = await reference.evaluate(undefined, bindings).then(
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
