import { DefinitionError } from '../../../../src/engine/errors/definition-error';
import { StatesError } from '../../../../src/engine/errors/states-error';
import { STATE_PREFIX, makeScope } from '../support/make-scope';
import { compilePayloadTemplate } from '../../../../src/engine/query/jsonpath/index';

describe('compilePayloadTemplate', () => {
  it('evaluates `.$` keys (path, context path, variable, intrinsic) and drops the suffix, at any depth', () => {
    const template = compilePayloadTemplate(
      {
        literal: 'kept $.as-is',
        'fromInput.$': '$.name',
        'whole.$': '$',
        nested: { 'exec.$': '$$.Execution.Id', list: [{ 'v.$': '$counter' }, 3] },
        'greeting.$': "States.Format('Hello, {}!', $.name)",
      },
      'Parameters',
    );
    const scope = makeScope({ context: { Execution: { Id: 'arn:e' } }, variables: { counter: 7 } });
    expect(template.evaluate({ name: 'Arnav' }, scope)).toEqual({
      literal: 'kept $.as-is',
      fromInput: 'Arnav',
      whole: { name: 'Arnav' },
      nested: { exec: 'arn:e', list: [{ v: 7 }, 3] },
      greeting: 'Hello, Arnav!',
    });
    expect(template.variableReferences).toEqual(['counter']);
  });

  it('writes a "__proto__" key, literal or `.$`, as data', () => {
    const template = compilePayloadTemplate(JSON.parse('{"__proto__":{"x":1},"inner":{"__proto__.$":"$.name"}}') as Record<string, unknown>, 'Parameters');
    const result = template.evaluate({ name: 'Arnav' }, makeScope()) as { inner: object };
    expect(JSON.stringify(result)).toBe('{"__proto__":{"x":1},"inner":{"__proto__":"Arnav"}}');
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it('reports a missing path with the recorded cause', () => {
    const template = compilePayloadTemplate({ 'value.$': '$.no_such_jsonpath' }, 'Parameters');
    let error: unknown;
    try {
      template.evaluate({ a: 1 }, makeScope());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StatesError);
    expect((error as StatesError).error).toBe('States.Runtime');
    expect((error as StatesError).cause).toBe(
      `${STATE_PREFIX}The JSONPath '$.no_such_jsonpath' specified for the field 'value.$' could not be found in the input '{"a":1}'`,
    );
  });

  it('reports a missing path inside an intrinsic the same way', () => {
    const template = compilePayloadTemplate({ 'v.$': 'States.Array($.missing)' }, 'Parameters');
    expect(() => template.evaluate({}, makeScope())).toThrow("The JSONPath '$.missing' specified for the field 'v.$' could not be found in the input '{}'");
  });

  it('gathers variable references from intrinsic arguments', () => {
    const template = compilePayloadTemplate({ 'v.$': 'States.Array($b, $a.x, $.c)', 'w.$': '$a' }, 'Parameters');
    expect(template.variableReferences).toEqual(['a', 'b']);
  });

  it.each([
    [{ 'v.$': 'name' }],
    [{ 'v.$': 42 }],
    [{ 'v.$': 'States.NoSuchFunction()' }],
    [{ 'v.$': 'States.ArrayLength($.a, $.b)' }],
    [{ deeper: { 'v.$': '$.a[' } }],
  ])('rejects %j at create time', (template) => {
    expect(() => compilePayloadTemplate(template, 'Parameters', '/States/S/Parameters')).toThrow(DefinitionError);
  });

  it('puts the JSON pointer of the object holding the offending key in the diagnostic (as AWS records)', () => {
    try {
      compilePayloadTemplate({ outer: { 'v.$': 'nope' } }, 'Parameters', '/States/S/Parameters');
      throw new Error('expected a DefinitionError');
    } catch (e) {
      expect((e as DefinitionError).diagnostics[0]).toMatchObject({
        message: "The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call",
        location: '/States/S/Parameters/outer',
      });
    }
  });
});
