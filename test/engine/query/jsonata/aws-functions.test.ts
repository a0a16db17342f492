import { StatesError } from '../../../../src/engine/errors/states-error';
import { makeScope } from '../support/make-scope';
import { compileJsonataTemplate } from '../../../../src/engine/query/jsonata/index';
import { JavaRandom } from '../../../../src/engine/query/jsonata/java-random';

function run(expr: string, scope = makeScope()): Promise<unknown> {
  return compileJsonataTemplate(`{% ${expr} %}`, 'Output').evaluate(scope);
}

describe('Step Functions JSONata functions (docs/aws-behaviour.md#jsonata-functions, recorded examples)', () => {
  it.each([
    ['$partition([0,1,2], 2)', [[0, 1], [2]]],
    ['$partition([0], 5)', [[0]]],
    ['$range(0, 9, 3)', [0, 3, 6, 9]],
    ['$range(0, 10, 3)', [0, 3, 6, 9]],
    ['$range(1, 9, 2)', [1, 3, 5, 7, 9]],
    ['$range(1, 9, 9)', 1],
    ['$parse("-0")', 0],
    ['$parse("1.1")', 1.1],
    ['$parse("true")', true],
    ['$parse("\\"HelloWorld\\"")', 'HelloWorld'],
    ['$parse("[1, 2, \\"HelloWorld\\"]")', [1, 2, 'HelloWorld']],
    ['$parse("{\\"a\\": {\\"b\\": 1}}")', { a: { b: 1 } }],
    ['$hash("input data", "SHA-1")', 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
    ['$hash("", "MD5")', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['$hash("abc", "SHA-256")', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['$length($hash("abc", "SHA-384"))', 96],
    ['$length($hash("abc", "SHA-512"))', 128],
  ])('%s → %j', async (expr, expected) => {
    await expect(run(expr)).resolves.toStrictEqual(expected);
  });

  it('keeps $range(1,9,9) an array when the expression asks for one', async () => {
    await expect(run('$range(1, 9, 9)[]')).resolves.toEqual([1]);
  });

  it('$random() draws from the scope generator; a seed makes it deterministic', async () => {
    await expect(run('$random()', makeScope({ random: () => 0.25 }))).resolves.toBe(0.25);
    const first = await run('$random(7)');
    expect(first).toBe(await run('$random(7)'));
    expect(first).not.toBe(await run('$random(8)'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(1);
  });

  it('$uuid() uses the scope generator, else a real v4 UUID', async () => {
    await expect(run('$uuid()', makeScope({ uuid: () => 'fixed-id' }))).resolves.toBe('fixed-id');
    await expect(run('$uuid()')).resolves.toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it.each([
    ['$hash("x", "SHA-999")', "The algorithm 'SHA-999' is not supported"],
    ['$parse("{nope")', 'The $parse function could not parse the string as JSON'],
    ['$partition([1,2], 0)', 'must be a positive integer'],
    ['$range(1, 2, 0)', 'cannot be zero'],
    ['$partition([1], "x")', 'T0410: Argument 2 of function "partition" does not match function signature'],
  ])('%s fails with a QueryEvaluationError', async (expr, message) => {
    const error = await run(expr).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StatesError);
    expect((error as StatesError).error).toBe('States.QueryEvaluationError');
    expect((error as StatesError).cause).toContain(`threw an error during evaluation. `);
    expect((error as StatesError).cause).toContain(message);
  });
});

describe('JavaRandom', () => {
  it('reproduces java.util.Random(42).nextDouble()', () => {
    expect(new JavaRandom(42).nextDouble()).toBe(0.7275636800328681);
  });
});
