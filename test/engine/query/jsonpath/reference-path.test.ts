import { DefinitionError } from '../../../../src/engine/errors/definition-error';
import { StatesError } from '../../../../src/engine/errors/states-error';
import { STATE_PREFIX, makeScope } from '../support/make-scope';
import { compileReferencePath } from '../../../../src/engine/query/jsonpath/index';

const doc = {
  a: { b: [10, 20, { c: 'deep' }], 'x y': 1, nil: null, s: 'text' },
  items: [
    { id: 1, price: 5 },
    { id: 2, price: 15 },
    { id: 3, price: 25 },
  ],
};

function select(path: string, scope = makeScope()): unknown {
  return compileReferencePath(path, 'InputPath').select(doc, scope);
}

function causeOf(path: string, scope = makeScope()): string | undefined {
  try {
    select(path, scope);
  } catch (e) {
    if (e instanceof StatesError) {
      expect(e.error).toBe('States.Runtime');
      return e.cause;
    }
    throw e;
  }
  return 'no error';
}

describe('compileReferencePath: definite paths', () => {
  it.each([
    ['$', doc],
    ['$.a.b', [10, 20, { c: 'deep' }]],
    ['$.a.b[1]', 20],
    ['$.a.b[-1].c', 'deep'],
    ["$['a']['x y']", 1],
    ['$.a["x y"]', 1],
    ['$.a.nil', null],
  ])('%s', (path, expected) => {
    expect(select(path)).toEqual(expected);
  });

  it('unpacks literal singleton array access (AWS quirk): $.items[0] is the element, not [element]', () => {
    expect(select('$.items[0]')).toEqual({ id: 1, price: 5 });
  });

  it('reads the context object with $$ and variables with $name', () => {
    const scope = makeScope({ context: { Execution: { Id: 'arn:x' } }, variables: { answer: { v: 42 } } });
    expect(select('$$.Execution.Id', scope)).toBe('arn:x');
    expect(select('$answer', scope)).toEqual({ v: 42 });
    expect(select('$answer.v', scope)).toBe(42);
    expect(compileReferencePath('$answer.v', 'InputPath').variableReferences).toEqual(['answer']);
    expect(compileReferencePath('$$.Execution', 'InputPath').variableReferences).toEqual([]);
  });
});

describe('compileReferencePath: indefinite paths return arrays', () => {
  it.each([
    ['$.items[*].id', [1, 2, 3]],
    ['$.items[?(@.price > 10)].id', [2, 3]],
    ['$..c', ['deep']],
    ['$.items[0:2].id', [1, 2]],
    ['$.items[0,2].id', [1, 3]],
    ['$.items[?(@.price > 100)]', []],
  ])('%s', (path, expected) => {
    expect(select(path)).toEqual(expected);
  });
});

describe('compileReferencePath: misses are States.Runtime with Jayway wording (docs/aws-behaviour.md#jsonpath-runtime-errors)', () => {
  it('names a missing leaf', () => {
    expect(causeOf('$.NoSuchInputPath')).toBe(`${STATE_PREFIX}Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']`);
  });

  it('names the first missing intermediate property', () => {
    expect(causeOf('$.no.such.result.path')).toBe(`${STATE_PREFIX}Invalid path '$.no.such.result.path' : Missing property in path $['no']`);
  });

  it.each([
    ['$.a.b[7]', "No results for path: $['a']['b'][7]"],
    ['$.a.s.x', "Expected to find an object with property ['x'] in path $['a']['s'] but found 'string'."],
    ['$.a.nil[0]', "The path $['a']['nil'] is null"],
    ['$.a[0]', 'Filter: [0] can only be applied to arrays. Current context is: {"b":[10,20,{"c":"deep"}],"x y":1,"nil":null,"s":"text"}'],
    ['$unset.x', "The variable '$unset' is not defined"],
  ])('%s', (path, reason) => {
    expect(causeOf(path)).toBe(`${STATE_PREFIX}Invalid path '${path}' : ${reason}`);
  });

  it.each(['a.b', '$.', "$['unterminated", '$.a..', '$[]', '$a b'])('rejects malformed %j at create time', (path) => {
    expect(() => compileReferencePath(path, 'OutputPath', '/States/S/OutputPath')).toThrow(DefinitionError);
    try {
      compileReferencePath(path, 'OutputPath', '/States/S/OutputPath');
    } catch (e) {
      expect((e as DefinitionError).diagnostics[0]).toEqual({
        severity: 'ERROR',
        code: 'SCHEMA_VALIDATION_FAILED',
        message: "The value for the field 'OutputPath' must be a valid JSONPath",
        location: '/States/S/OutputPath',
      });
    }
  });
});
