import { DefinitionError } from '../../../../../src/engine/errors/definition-error';
import { StatesError } from '../../../../../src/engine/errors/states-error';
import { STATE_PREFIX, makeScope } from '../../support/make-scope';
import { compileIntrinsic } from '../../../../../src/engine/query/jsonpath/intrinsics/compile-intrinsic';

function run(text: string, doc: unknown = {}, scope = makeScope()): unknown {
  return compileIntrinsic(text, 'v.$').evaluate(doc, scope);
}

function failure(text: string, doc: unknown = {}): StatesError {
  try {
    run(text, doc);
  } catch (e) {
    if (e instanceof StatesError) return e;
    throw e;
  }
  throw new Error('expected a StatesError');
}

// Examples from the developer guide's "Intrinsic functions for JSONPath states" page.
describe('documented examples', () => {
  const nums = { inputArray: [1, 2, 3, 4, 5, 6, 7, 8, 9] };
  it.each([
    ["States.Format('Hello, my name is {}.', $.name)", { name: 'Arnav' }, 'Hello, my name is Arnav.'],
    ['States.Format($.template, $.name)', { name: 'Arnav', template: 'Hello, my name is {}.' }, 'Hello, my name is Arnav.'],
    ['States.StringToJson($.escapedJsonString)', { escapedJsonString: '{"foo": "bar"}' }, { foo: 'bar' }],
    ['States.JsonToString($.unescapedJson)', { unescapedJson: { foo: 'bar' } }, '{"foo":"bar"}'],
    ['States.Array($.Id)', { Id: 123456 }, [123456]],
    ['States.ArrayPartition($.inputArray, 4)', nums, [[1, 2, 3, 4], [5, 6, 7, 8], [9]]],
    ['States.ArrayContains($.inputArray, $.lookingFor)', { ...nums, lookingFor: 5 }, true],
    ['States.ArrayRange(1, 9, 2)', {}, [1, 3, 5, 7, 9]],
    ['States.ArrayGetItem($.inputArray, $.index)', { ...nums, index: 5 }, 6],
    ['States.ArrayLength($.inputArray)', nums, 9],
    ['States.ArrayUnique($.inputArray)', { inputArray: [1, 2, 3, 3, 3, 3, 3, 3, 4] }, [1, 2, 3, 4]],
    ['States.Base64Encode($.input)', { input: 'Data to encode' }, 'RGF0YSB0byBlbmNvZGU='],
    ['States.Base64Decode($.base64)', { base64: 'RGF0YSB0byBlbmNvZGU=' }, 'Data to encode'],
    ['States.Hash($.Data, $.Algorithm)', { Data: 'input data', Algorithm: 'SHA-1' }, 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
    [
      'States.JsonMerge($.json1, $.json2, false)',
      { json1: { a: { a1: 1, a2: 2 }, b: 2 }, json2: { a: { a3: 1, a4: 2 }, c: 3 } },
      { a: { a3: 1, a4: 2 }, b: 2, c: 3 },
    ],
    ['States.MathAdd($.value1, $.step)', { value1: 111, step: -1 }, 110],
    ['States.StringSplit($.inputString, $.splitter)', { inputString: '1,2,3,4,5', splitter: ',' }, ['1', '2', '3', '4', '5']],
    ['States.StringSplit($.inputString, $.splitter)', { inputString: 'This.is+a,test=string', splitter: '.+,=' }, ['This', 'is', 'a', 'test', 'string']],
    [
      "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1), 'x')",
      { ImageRecipe: { Arn: 'arn:aws:imagebuilder:us-east-1:123:image-recipe/my.recipe/1.0.0' } },
      '1.0.x',
    ],
  ])('%s', (text, doc, expected) => {
    expect(run(text, doc)).toEqual(expected);
  });
});

describe('recorded behaviour (LocalStack snapshots of AWS)', () => {
  it.each([
    [-9, 3, -6],
    [1.49, 1.5, 3],
    [1.5, 1.51, 4],
    [-1.49, -1.5, -2],
    [-1.5, -1.51, -3],
  ])('States.MathAdd(%d, %d) = %d (operands rounded half up first)', (a, b, sum) => {
    expect(run('States.MathAdd($.a, $.b)', { a, b })).toBe(sum);
  });

  it.each([
    [0, 9, 3, [0, 3, 6, 9]],
    [0, 10, 3, [0, 3, 6, 9]],
    [1, 9, 9, [1]],
    [1, 9, 2, [1, 3, 5, 7, 9]],
  ])('States.ArrayRange(%d, %d, %d)', (a, b, c, expected) => {
    expect(run('States.ArrayRange($.a, $.b, $.c)', { a, b, c })).toEqual(expected);
  });

  it('States.ArrayContains compares values structurally', () => {
    expect(run('States.ArrayContains($.a, $.v)', { a: [[1, 2, 3], 2], v: [1, 2, 3] })).toBe(true);
    expect(run('States.ArrayContains($.a, $.v)', { a: [{ 1: 2, 2: [] }], v: [] })).toBe(false);
    expect(run('States.ArrayContains($.a, $.v)', { a: [true, false], v: false })).toBe(true);
    expect(run('States.ArrayContains($.a, $.v)', { a: [], v: null })).toBe(false);
  });
});

describe('literals and escapes', () => {
  it("decodes \\' \\{ \\} \\\\ and keeps escaped braces out of States.Format placeholders", () => {
    expect(run("States.Format('It\\'s \\{\\} {} \\\\ done', 'x')")).toBe("It's {} x \\ done");
    expect(run("States.Array('a\\'b', 1.5, -2, true, false, null)")).toEqual(["a'b", 1.5, -2, true, false, null]);
  });

  it('reads paths containing commas and parentheses inside brackets and variables', () => {
    const scope = makeScope({ variables: { v: 'var' } });
    expect(run("States.Array($['a,b'], $v, $$.State.Name)", { 'a,b': 1 }, scope)).toEqual([1, 'var', 'S']);
  });

  it('States.MathRandom stays in [start, end) and is deterministic with a seed', () => {
    expect(run('States.MathRandom(1, 999)', {}, makeScope({ random: () => 0.5 }))).toBe(500);
    const seeded = run('States.MathRandom(0, 999, 3)');
    expect(seeded).toBe(run('States.MathRandom(0, 999, 3)'));
    expect(Number.isInteger(seeded)).toBe(true);
    expect(run('States.UUID()', {}, makeScope({ uuid: () => 'id-1' }))).toBe('id-1');
  });
});

describe('failures', () => {
  it.each([
    ['States.ArrayGetItem($.a, 9)', { a: [1] }, 'The index 9 is out of bounds'],
    ['States.ArrayPartition($.a, 0)', { a: [1] }, 'must be a positive integer'],
    ['States.ArrayLength($.a)', { a: 'x' }, 'The first argument must be an array, but was "x"'],
    ['States.ArrayRange(1, 5000, 1)', {}, 'at most 1000'],
    ['States.JsonMerge($.a, $.b, true)', { a: {}, b: {} }, 'Deep merging is not supported'],
    ['States.StringToJson($.s)', { s: '{bad' }, 'could not be parsed as JSON'],
    ["States.Format('{} {}', 'one')", {}, 'The template has 2 placeholder(s) but 1 argument(s) were given'],
    ["States.Hash('x', 'SHA-2')", {}, "The algorithm 'SHA-2' is not supported"],
    ["States.Base64Decode('***')", {}, 'not valid Base64'],
  ])('%s → States.IntrinsicFailure', (text, doc, detail) => {
    const error = failure(text, doc);
    expect(error.error).toBe('States.IntrinsicFailure');
    expect(error.cause).toContain(STATE_PREFIX);
    expect(error.cause).toContain(detail);
  });

  it.each([
    ['States.Nope()', "unknown intrinsic function 'States.Nope'"],
    ['States.ArrayLength()', 'States.ArrayLength takes 1 argument(s) but was given 0'],
  ])('rejects %s at create time, naming what is wrong', (text, detail) => {
    expect(() => compileIntrinsic(text, 'v.$', '/States/S/Parameters/v.$')).toThrow(DefinitionError);
    expect(() => compileIntrinsic(text, 'v.$')).toThrow(detail);
  });

  it.each(["States.Format('a\\x')", "States.Array('open)", 'States.Array(1) trailing', 'States.Array(' + 'States.Array('.repeat(10) + ')'.repeat(11)])(
    "rejects the unparsable %s at create time with AWS's text and no detail (recorded for an illegal escape)",
    (text) => {
      try {
        compileIntrinsic(text, 'v.$', '/States/S/Parameters');
        throw new Error('expected a DefinitionError');
      } catch (e) {
        expect((e as DefinitionError).diagnostics).toEqual([
          expect.objectContaining({
            message: "The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call",
            location: '/States/S/Parameters',
          }),
        ]);
      }
    },
  );

  it('accepts 10 levels of nesting', () => {
    const text = 'States.Array('.repeat(9) + 'States.Array(1)' + ')'.repeat(9);
    expect(JSON.stringify(run(text))).toBe('['.repeat(10) + '1' + ']'.repeat(10));
  });
});
