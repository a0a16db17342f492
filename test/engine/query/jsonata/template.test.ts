import { DefinitionError } from '../../../../src/engine/errors/definition-error';
import { QueryEvaluationFailure } from '../../../../src/engine/errors/states-error';
import { STATE_PREFIX, makeScope } from '../support/make-scope';
import { compileJsonataTemplate, isJsonataExpression } from '../../../../src/engine/query/jsonata/index';

async function failure(promise: Promise<unknown>): Promise<QueryEvaluationFailure> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof QueryEvaluationFailure) return e;
    throw e;
  }
  throw new Error('expected a QueryEvaluationFailure');
}

describe('isJsonataExpression', () => {
  it.each([
    ['{% $x %}', true],
    ['{%$x%}', true],
    [' {% $x %}', false],
    ['{% $x %} ', false],
    ['$customerName', false],
    ['{%', false],
    [42, false],
  ])('%j → %s', (value, expected) => {
    expect(isJsonataExpression(value)).toBe(expected);
  });
});

describe('compileJsonataTemplate', () => {
  it('keeps literals and strings that are not expressions', async () => {
    const template = compileJsonataTemplate({ a: '$customerName', b: [1, { c: true }] }, 'Arguments');
    expect(template.isLiteral).toBe(true);
    await expect(template.evaluate(makeScope())).resolves.toEqual({ a: '$customerName', b: [1, { c: true }] });
  });

  it('evaluates expressions at any depth with $states bound', async () => {
    const template = compileJsonataTemplate(
      { total: '{% $states.input.a + $states.input.b %}', list: [1, '{% $number("2") %}', 3], ctx: '{% $states.context.State.Name %}' },
      'Output',
    );
    expect(template.isLiteral).toBe(false);
    await expect(template.evaluate(makeScope({ input: { a: 1, b: 2 } }))).resolves.toEqual({ total: 3, list: [1, 2, 3], ctx: 'S' });
  });

  it('binds $states.result and $states.errorOutput only where given', async () => {
    const template = compileJsonataTemplate('{% [$exists($states.result), $exists($states.errorOutput)] %}', 'Output');
    await expect(template.evaluate(makeScope({ result: { r: 1 } }))).resolves.toEqual([true, false]);
    await expect(template.evaluate(makeScope({ errorOutput: { Error: 'E', Cause: 'C' } }))).resolves.toEqual([false, true]);
  });

  it('binds the workflow variables it references and reports them sorted', async () => {
    const template = compileJsonataTemplate({ x: '{% $y %}', y: '{% $x + $count %}' }, 'Assign');
    expect(template.variableReferences).toEqual(['count', 'x', 'y']);
    await expect(template.evaluate(makeScope({ variables: { x: 1, y: 'why', count: 41 } }))).resolves.toEqual({ x: 'why', y: 42 });
  });

  it('does not report local bindings, lambda parameters, $states or function names as variable references', () => {
    const template = compileJsonataTemplate('{% ($n := 2; $map($items, function($v){ $v * $n + $k })) %}', 'Output');
    expect(template.variableReferences).toEqual(['items', 'k']);
  });

  it('normalizes JSONata sequences to plain arrays', async () => {
    const template = compileJsonataTemplate('{% $states.input.rows.id %}', 'Output');
    const result = await template.evaluate(makeScope({ input: { rows: [{ id: 1 }, { id: 2 }] } }));
    expect(result).toStrictEqual([1, 2]);
    expect(Object.getOwnPropertyNames(result)).toEqual(['0', '1', 'length']);
  });

  it('reports an undefined result with the exact AWS cause and field path', async () => {
    const error = await failure(compileJsonataTemplate('{% $doesNotExist %}', 'Output').evaluate(makeScope()));
    expect(error.error).toBe('States.QueryEvaluationError');
    expect(error.cause).toBe(`${STATE_PREFIX}The JSONata expression '$doesNotExist' specified for the field 'Output' returned nothing (undefined).`);
    expect(error.location).toBe('Output');
  });

  it.each([
    ['Output', { result: '{% $states.input.missing %}' }, 'Output/result', '$states.input.missing'],
    ['Assign', { result: '{%  $nope  %}' }, 'Assign/result', '$nope'],
    ['Arguments', { FunctionName: '{% $fn %}' }, 'Arguments/FunctionName', '$fn'],
    ['Items', [1, '{% $none %}'], 'Items/1', '$none'],
  ])('%s: a nested undefined names its field path', async (field, template, path, expr) => {
    const error = await failure(compileJsonataTemplate(template, field).evaluate(makeScope()));
    expect(error.cause).toBe(`${STATE_PREFIX}The JSONata expression '${expr}' specified for the field '${path}' returned nothing (undefined).`);
    expect(error.location).toBe(path);
  });

  it('reports $randomSeeded as a non-function (recorded T1006 cause)', async () => {
    const template = compileJsonataTemplate({ FunctionResult: '{% $randomSeeded($states.input.FunctionInput.fst) %}' }, 'Output');
    const error = await failure(template.evaluate(makeScope({ input: { FunctionInput: { fst: 1 } } })));
    expect(error.cause).toBe(
      `${STATE_PREFIX}The JSONata expression '$randomSeeded($states.input.FunctionInput.fst)' specified for the field ` +
        "'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function",
    );
  });

  it('removes $eval', async () => {
    const error = await failure(compileJsonataTemplate('{% $eval("1 + 1") %}', 'Output').evaluate(makeScope()));
    expect(error.cause).toContain('threw an error during evaluation. T1006: Attempted to invoke a non-function');
  });

  it('fills the token into JSONata messages', async () => {
    const error = await failure(compileJsonataTemplate('{% $number("x") %}', 'Output').evaluate(makeScope()));
    expect(error.cause).toBe(
      `${STATE_PREFIX}The JSONata expression '$number("x")' specified for the field 'Output' threw an error during evaluation. ` +
        'D3030: Unable to cast value to a number: "x"',
    );
  });

  it('rejects a function result as an unsupported result type', async () => {
    const error = await failure(compileJsonataTemplate('{% $fn := function($x){$x} %}', 'Items').evaluate(makeScope()));
    expect(error.cause).toBe(
      `${STATE_PREFIX}The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.`,
    );
  });

  it.each(['{% $x ?? 1 %}', '{% $x ?: 1 %}', '{% $states.input. %}'])('rejects %s at compile time (JSONata 2.0.6 syntax)', (expr) => {
    let thrown: unknown;
    try {
      compileJsonataTemplate({ a: expr }, 'Output', '/States/S/Output');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DefinitionError);
    const [diagnostic] = (thrown as DefinitionError).diagnostics;
    expect(diagnostic.code).toBe('SCHEMA_VALIDATION_FAILED');
    expect(diagnostic.location).toBe('/States/S/Output/a');
    expect(diagnostic.message).toContain(`'${expr.slice(2, -2).trim()}' specified for the field 'Output/a' is invalid. S0`);
  });

  it('returns independent copies of literal parts', async () => {
    const template = compileJsonataTemplate({ list: [1] }, 'Output');
    const first = (await template.evaluate(makeScope())) as { list: number[] };
    first.list.push(2);
    await expect(template.evaluate(makeScope())).resolves.toEqual({ list: [1] });
  });

  it('copies a literal "__proto__" key as data, as JSON.parse made it', async () => {
    const template = compileJsonataTemplate(JSON.parse('{"a":{"__proto__":{"x":1}},"s":"text"}'), 'Output');
    const result = (await template.evaluate(makeScope())) as { a: object };
    expect(JSON.stringify(result)).toBe('{"a":{"__proto__":{"x":1}},"s":"text"}');
    expect(Object.getPrototypeOf(result.a)).toBe(Object.prototype);
  });

  it.each([
    ['the fast lane', '{% $states.input %}'],
    ['JSONata', '{% $states.input.b = 2 ? $states.input : null %}'],
  ])('keeps a "__proto__" key of an expression result (%s) as data', async (_, expression) => {
    const input = JSON.parse('{"__proto__":{"x":1},"b":2}') as object;
    const result = (await compileJsonataTemplate({ out: expression }, 'Output').evaluate(makeScope({ input }))) as { out: object };
    expect(JSON.stringify(result.out)).toBe('{"__proto__":{"x":1},"b":2}');
    expect(Object.getPrototypeOf(result.out)).toBe(Object.prototype);
  });
});

// Templates whose expressions all have a fast lane are evaluated without a promise per node; a value the fast
// lane cannot decide sends the whole template to JSONata, with the same results and errors.
describe('compileJsonataTemplate, fast-lane templates', () => {
  const template = () =>
    compileJsonataTemplate({ pk: '{% $states.input.a & "-" & $states.input.b %}', n: '{% $states.input.n + 1 %}', raw: '{% $states.input.list %}' }, 'Output');

  it('gives the same value whether the fast lane answers every expression or only some', async () => {
    await expect(template().evaluate(makeScope({ input: { a: 'x', b: 'y', n: 1, list: { k: 1 } } }))).resolves.toEqual({ pk: 'x-y', n: 2, raw: { k: 1 } });
    // `list` an array: the fast lane leaves it to JSONata (sequence rules), and the template starts over there.
    await expect(template().evaluate(makeScope({ input: { a: 'x', b: 'y', n: 1, list: [1, 2] } }))).resolves.toEqual({ pk: 'x-y', n: 2, raw: [1, 2] });
  });

  it('reports the first failing expression in document order, from either lane', async () => {
    const fastFails = await failure(template().evaluate(makeScope({ input: { a: 'x', b: 'y', n: 1 } })));
    expect(fastFails.cause).toContain("specified for the field 'Output/raw' returned nothing (undefined).");
    // `pk` needs JSONata (a number), `n` is missing: JSONata reports `n` after `pk` succeeded.
    const slowFails = await failure(template().evaluate(makeScope({ input: { a: 1, b: 'y', list: {} } })));
    expect(slowFails.cause).toContain("specified for the field 'Output/n' returned nothing (undefined).");
  });
});
