import { StatesError } from '../../../../src/engine/errors/states-error';
import { STATE_PREFIX } from '../support/make-scope';
import { applyResultPath } from '../../../../src/engine/query/jsonpath/index';

describe('applyResultPath', () => {
  const input = { a: { keep: 1 }, list: [1, 2], s: 'text' };

  it('replaces the input when absent or "$"', () => {
    expect(applyResultPath(input, { r: 1 }, undefined)).toEqual({ r: 1 });
    expect(applyResultPath(input, { r: 1 }, '$')).toEqual({ r: 1 });
  });

  it('discards the result when null', () => {
    expect(applyResultPath(input, { r: 1 }, null)).toBe(input);
  });

  it('writes into a copy, creating missing objects, leaving the input untouched', () => {
    const output = applyResultPath(input, 42, '$.a.b.c');
    expect(output).toEqual({ a: { keep: 1, b: { c: 42 } }, list: [1, 2], s: 'text' });
    expect(input).toEqual({ a: { keep: 1 }, list: [1, 2], s: 'text' });
    expect(applyResultPath(input, 'x', "$['new key']")).toEqual({ ...input, 'new key': 'x' });
    expect(applyResultPath(input, 9, '$.list[1]')).toEqual({ ...input, list: [1, 9] });
  });

  it('fails with States.Runtime when the target is not an object', () => {
    let error: unknown;
    try {
      applyResultPath(input, 1, '$.s.x', { stateName: 'S', enteredEventId: 2 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StatesError);
    expect((error as StatesError).error).toBe('States.Runtime');
    expect((error as StatesError).cause).toBe(`${STATE_PREFIX}Invalid path '$.s.x' : Cannot set property 'x' in path $['s']: the value there is not an object`);
    expect(() => applyResultPath([1], 1, '$.x')).toThrow("Cannot set property 'x' in path $");
    expect(() => applyResultPath(input, 1, '$.list[5]')).toThrow('no such array element');
    expect(() => applyResultPath(input, 1, '$.items[*]')).toThrow('ResultPath must be a definite path rooted at $');
  });
});
