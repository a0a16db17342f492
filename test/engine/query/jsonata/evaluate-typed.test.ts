import { StatesError } from '../../../../src/engine/errors/states-error';
import { STATE_PREFIX, makeScope } from '../support/make-scope';
import { compileJsonataTemplate, evaluateTyped, type JsonataValueKind } from '../../../../src/engine/query/jsonata/index';

async function causeOf(template: unknown, field: string, kind: JsonataValueKind, input: unknown = {}): Promise<string | undefined> {
  try {
    await evaluateTyped(compileJsonataTemplate(template, field), makeScope({ input }), field, kind);
  } catch (e) {
    if (e instanceof StatesError) return e.cause;
    throw e;
  }
  return 'no error';
}

describe('evaluateTyped', () => {
  it.each([
    ['{% $states.input.v %}', 'string', '\'string\' for value: "string"'],
    ['{% $states.input.v %}', 1, "'number' for value: 1"],
    ['{% $states.input.v %}', true, "'boolean' for value: true"],
    ['{% $states.input.v %}', null, "'null' for value: null"],
    ['{% $states.input.v %}', { foo: 'bar' }, '\'object\' for value: {"foo":"bar"}'],
  ])('Items %s = %j gives the recorded message', async (expr, value, tail) => {
    await expect(causeOf(expr, 'Items', 'array', { v: value })).resolves.toBe(
      `${STATE_PREFIX}The JSONata expression '$states.input.v' specified for the field 'Items' returned an unexpected ` +
        `result type. Expected 'array', but was ${tail}`,
    );
  });

  it('returns values of the expected kind', async () => {
    const scope = makeScope({ input: { items: [1], n: 3, p: 12.5, s: 'x', b: false } });
    await expect(evaluateTyped(compileJsonataTemplate('{% $states.input.items %}', 'Items'), scope, 'Items', 'array')).resolves.toEqual([1]);
    await expect(evaluateTyped(compileJsonataTemplate('{% $states.input.n %}', 'MaxConcurrency'), scope, 'MaxConcurrency', 'integer')).resolves.toBe(3);
    await expect(
      evaluateTyped(compileJsonataTemplate('{% $states.input.p %}', 'ToleratedFailurePercentage'), scope, 'ToleratedFailurePercentage', 'number'),
    ).resolves.toBe(12.5);
    await expect(evaluateTyped(compileJsonataTemplate('{% $states.input.s %}', 'Error'), scope, 'Error', 'string')).resolves.toBe('x');
    await expect(evaluateTyped(compileJsonataTemplate('{% $states.input.b %}', 'Condition'), scope, 'Condition', 'boolean')).resolves.toBe(false);
  });

  it.each([
    ['MaxConcurrency', 'integer', 1.5, "Expected 'non-negative integer', but was 'number' for value: 1.5"],
    ['TimeoutSeconds', 'integer', -1, "Expected 'non-negative integer', but was 'number' for value: -1"],
    ['ToleratedFailurePercentage', 'number', '5', "'number', but was 'string' for value: \"5\""],
    ['Cause', 'string', 5, "Expected 'string', but was 'number' for value: 5"],
    ['Condition', 'boolean', 'true', "'boolean', but was 'string' for value: \"true\""],
  ] as const)('%s (%s) rejects %j', async (field, kind, value, tail) => {
    const cause = await causeOf('{% $states.input.v %}', field, kind, { v: value });
    expect(cause).toContain(`The JSONata expression '$states.input.v' specified for the field '${field}' returned an unexpected result type.`);
    expect(cause).toContain(tail);
  });

  it('names literal fields that evaluate to the wrong type', async () => {
    await expect(causeOf({ a: '{% 1 %}' }, 'Items', 'array')).resolves.toBe(
      `${STATE_PREFIX}The value specified for the field 'Items' has an unexpected type. Expected 'array', but was 'object' for value: {"a":1}`,
    );
  });

  it('reports an expression returning a function as unsupported (recorded)', async () => {
    await expect(causeOf('{% $fn := function($x){$x} %}', 'Items', 'array')).resolves.toBe(
      `${STATE_PREFIX}The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.`,
    );
  });
});
