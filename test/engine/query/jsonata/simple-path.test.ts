import jsonata from 'jsonata';
import { makeScope } from '../support/make-scope';
import { CompiledExpression } from '../../../../src/engine/query/jsonata/compiled-expression';
import { MISS, simplePathOf, walkSimplePath } from '../../../../src/engine/query/jsonata/simple-path';

const ast = (text: string) => jsonata(text).ast();

describe('simplePathOf', () => {
  it.each([
    ['$states.input.pk.S', { variable: 'states', names: ['input', 'pk', 'S'] }],
    ['$ddbTable', { variable: 'ddbTable', names: [] }],
    ['$states.input.`a b`', { variable: 'states', names: ['input', 'a b'] }],
  ])('recognizes %s', (text, expected) => {
    expect(simplePathOf(ast(text))).toEqual(expected);
  });

  it.each([
    '$',
    '$.a',
    '$states.input.x[0]',
    '$states.input.x[]',
    '$states.input.*',
    "$states.input.a & 'x'",
    '$string($states.input)',
    'a.b',
    '$states.input.a.$b',
  ])('leaves %s to JSONata', (text) => {
    expect(simplePathOf(ast(text))).toBeUndefined();
  });
});

describe('walkSimplePath', () => {
  it('answers only when every step is an own property of a plain object and the value is no JSONata sequence', () => {
    expect(walkSimplePath({ a: { b: 'x' } }, ['a', 'b'])).toBe('x');
    expect(walkSimplePath({ a: null }, ['a'])).toBeNull();
    expect(walkSimplePath({ a: [1] }, ['a'])).toEqual([1]);
    expect(walkSimplePath({ a: Object.assign([1], { sequence: true }) }, ['a'])).toBe(MISS);
    expect(walkSimplePath({ a: [{ b: 1 }] }, ['a', 'b'])).toBe(MISS);
    expect(walkSimplePath({ a: 'abc' }, ['a', 'length'])).toBe(MISS);
    expect(walkSimplePath({}, ['constructor'])).toBe(MISS);
    expect(walkSimplePath({ a: 1 }, ['missing'])).toBe(MISS);
  });
});

// Differential: the fast lane must give exactly what JSONata gives, including "nothing" and array results.
describe('CompiledExpression with the fast lane agrees with JSONata', () => {
  const input = {
    pk: { S: 'ON1-2025-01-01' },
    n: 0,
    neg: -0,
    nil: null,
    flag: false,
    nested: { deep: { list: [[1, 2], [3]], objs: [{ v: 1 }, { v: 2 }] } },
    single: [7],
    text: 'abc',
    'a b': 'spaced',
  };
  const variables = { ddbTable: 'orders', obj: { k: { j: 'v' } }, arr: [1, [2]], undef: undefined };
  const scope = makeScope({ input, variables, result: { r: 1 }, context: { Map: { Item: { Index: 3, Value: { orderNumber: 'ON7' } } } } });
  const bindings = {
    states: { input, context: scope.context, result: { r: 1 } },
    ...variables,
  };

  it.each([
    '$states.input.pk.S',
    '$states.input',
    '$states.input.n',
    '$states.input.neg',
    '$states.input.nil',
    '$states.input.flag',
    '$states.input.nested.deep.list',
    '$states.input.nested.deep.objs.v',
    '$states.input.single',
    '$states.input.text.length',
    '$states.input.missing',
    '$states.input.`a b`',
    '$states.result.r',
    '$states.errorOutput',
    '$states.context.Map.Item.Value.orderNumber',
    '$ddbTable',
    '$obj.k.j',
    '$arr',
    '$undef',
    '$unbound',
  ])('%s', async (text) => {
    const plain = (value: unknown) => (value === undefined ? '<nothing>' : JSON.parse(JSON.stringify(value)));
    const expected = plain(await jsonata(text).evaluate(undefined, bindings));
    const actual = await new CompiledExpression(`{% ${text} %}`, 'Output').evaluateRaw(scope);
    expect(plain(actual)).toStrictEqual(expected);
  });
});
