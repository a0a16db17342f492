import { DefinitionError } from '../../../../../src/engine/errors/definition-error';
import { StatesError } from '../../../../../src/engine/errors/states-error';
import { STATE_PREFIX, makeScope } from '../../support/make-scope';
import { compileChoiceRule } from '../../../../../src/engine/query/jsonpath/index';

const doc = {
  s: 'banana',
  n: 10,
  b: true,
  nil: null,
  t: '2024-01-01T00:00:00Z',
  other: 'apple',
  limit: 10,
  later: '2024-01-01T01:00:00+01:00',
  files: 'log-2024.txt',
  star: 'a*b',
};

function test(rule: Record<string, unknown>, scope = makeScope()): boolean {
  return compileChoiceRule(rule, '/States/C/Choices/0').test(doc, scope);
}

describe('comparison operators', () => {
  it.each([
    [{ Variable: '$.s', StringEquals: 'banana' }, true],
    [{ Variable: '$.s', StringLessThan: 'cherry' }, true],
    [{ Variable: '$.s', StringGreaterThan: 'cherry' }, false],
    [{ Variable: '$.s', StringLessThanEquals: 'banana' }, true],
    [{ Variable: '$.s', StringGreaterThanEquals: 'bananas' }, false],
    [{ Variable: '$.s', StringEqualsPath: '$.other' }, false],
    [{ Variable: '$.s', StringGreaterThanPath: '$.other' }, true],
    [{ Variable: '$.n', NumericEquals: 10 }, true],
    [{ Variable: '$.n', NumericLessThan: 10.5 }, true],
    [{ Variable: '$.n', NumericGreaterThan: 10 }, false],
    [{ Variable: '$.n', NumericLessThanEquals: 10 }, true],
    [{ Variable: '$.n', NumericGreaterThanEquals: 11 }, false],
    [{ Variable: '$.n', NumericEqualsPath: '$.limit' }, true],
    [{ Variable: '$.b', BooleanEquals: true }, true],
    [{ Variable: '$.b', BooleanEqualsPath: '$.b' }, true],
    [{ Variable: '$.t', TimestampEquals: '2024-01-01T00:00:00.000Z' }, true],
    [{ Variable: '$.t', TimestampEqualsPath: '$.later' }, true],
    [{ Variable: '$.t', TimestampLessThan: '2024-01-01T00:00:01Z' }, true],
    [{ Variable: '$.t', TimestampGreaterThanEquals: '2025-01-01T00:00:00Z' }, false],
    [{ Variable: '$.files', StringMatches: 'log-*.txt' }, true],
    [{ Variable: '$.files', StringMatches: 'log-*.csv' }, false],
    [{ Variable: '$.star', StringMatches: 'a\\*b' }, true],
    [{ Variable: '$.s', StringMatches: 'a\\*b' }, false],
    [{ Variable: '$.s', StringMatches: '*' }, true],
  ])('%j → %s', (rule, expected) => {
    expect(test(rule)).toBe(expected);
  });

  it.each([
    [{ Variable: '$.n', StringEquals: '10' }],
    [{ Variable: '$.s', NumericEquals: 10 }],
    [{ Variable: '$.s', BooleanEquals: true }],
    [{ Variable: '$.s', TimestampEquals: '2024-01-01T00:00:00Z' }],
    [{ Variable: '$.nil', StringMatches: '*' }],
    [{ Variable: '$.s', NumericEqualsPath: '$.s' }],
  ])('a type mismatch compares false: %j', (rule) => {
    expect(test(rule)).toBe(false);
  });
});

describe('type tests', () => {
  it.each([
    [{ Variable: '$.nil', IsNull: true }, true],
    [{ Variable: '$.s', IsNull: false }, true],
    [{ Variable: '$.n', IsNumeric: true }, true],
    [{ Variable: '$.s', IsNumeric: true }, false],
    [{ Variable: '$.s', IsString: true }, true],
    [{ Variable: '$.b', IsBoolean: true }, true],
    [{ Variable: '$.t', IsTimestamp: true }, true],
    [{ Variable: '$.s', IsTimestamp: false }, true],
    [{ Variable: '$.s', IsPresent: true }, true],
    [{ Variable: '$.missing', IsPresent: false }, true],
    [{ Variable: '$.missing', IsPresent: true }, false],
    [{ Variable: '$.missing.deeper', IsPresent: false }, true],
  ])('%j → %s', (rule, expected) => {
    expect(test(rule)).toBe(expected);
  });
});

describe('combinators', () => {
  it('nests And, Or and Not', () => {
    const rule = {
      And: [{ Variable: '$.n', NumericGreaterThan: 5 }, { Or: [{ Variable: '$.s', StringEquals: 'x' }, { Not: { Variable: '$.b', BooleanEquals: false } }] }],
    };
    expect(test(rule)).toBe(true);
    expect(test({ Not: rule })).toBe(false);
  });

  it('reads variables and the context object and reports variable references', () => {
    const predicate = compileChoiceRule(
      {
        Or: [
          { Variable: '$threshold', NumericLessThanPath: '$.n' },
          { Variable: '$$.State.Name', StringEqualsPath: '$label' },
        ],
      },
      '/States/C/Choices/0',
    );
    expect(predicate.variableReferences).toEqual(['label', 'threshold']);
    expect(predicate.test(doc, makeScope({ variables: { threshold: 3, label: 'nope' } }))).toBe(true);
    expect(predicate.test(doc, makeScope({ variables: { threshold: 30, label: 'S' } }))).toBe(true);
    expect(predicate.test(doc, makeScope({ variables: { threshold: 30, label: 'T' } }))).toBe(false);
  });
});

describe('runtime failures', () => {
  it.each([
    [{ Variable: '$.missing', StringEquals: 'x' }, "Invalid path '$.missing' : No results for path: $['missing']"],
    [{ Variable: '$.s', StringEqualsPath: '$.gone' }, "Invalid path '$.gone' : No results for path: $['gone']"],
  ])('%j fails with States.Runtime', (rule, reason) => {
    let error: unknown;
    try {
      test(rule);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StatesError);
    expect((error as StatesError).error).toBe('States.Runtime');
    expect((error as StatesError).cause).toBe(`${STATE_PREFIX}${reason}`);
  });
});

describe('definition errors', () => {
  it.each([
    [{ Variable: '$.s' }, '/States/C/Choices/0', 'exactly one comparison operator, found none'],
    [{ Variable: '$.s', StringEquals: 'a', StringLessThan: 'b' }, '/States/C/Choices/0', 'found StringEquals, StringLessThan'],
    [{ StringEquals: 'a' }, '/States/C/Choices/0', "must have a 'Variable' string field"],
    [{ Variable: '$.s', And: [] }, '/States/C/Choices/0', "exactly one of 'Variable', 'And', 'Or' or 'Not'"],
    [{ And: [] }, '/States/C/Choices/0/And', "'And' must be a non-empty array"],
    [{ Or: {} }, '/States/C/Choices/0/Or', "'Or' must be a non-empty array"],
    [{ Not: [] }, '/States/C/Choices/0/Not', "'Not' must be a Choice Rule object"],
    [{ And: [{ Variable: '$.n' }] }, '/States/C/Choices/0/And/0', 'exactly one comparison operator'],
    [{ Variable: '$.n', NumericEquals: '10' }, '/States/C/Choices/0/NumericEquals', "'NumericEquals' must be a number"],
    [{ Variable: '$.n', BooleanEquals: 1 }, '/States/C/Choices/0/BooleanEquals', "'BooleanEquals' must be a boolean"],
    [{ Variable: '$.t', TimestampEquals: '2024-01-01' }, '/States/C/Choices/0/TimestampEquals', 'an RFC3339 timestamp string'],
    [{ Variable: '$.n', IsPresent: 'yes' }, '/States/C/Choices/0/IsPresent', "'IsPresent' must be a boolean"],
    [{ Variable: '$.n', NumericEqualsPath: 5 }, '/States/C/Choices/0/NumericEqualsPath', 'must be a JSONPath string'],
    [{ Variable: '$.n', NumericEqualsPath: 'n' }, '/States/C/Choices/0/NumericEqualsPath', "field 'NumericEqualsPath' must be a valid JSONPath"],
    [{ Variable: 'n', IsNull: true }, '/States/C/Choices/0/Variable', "field 'Variable' must be a valid JSONPath"],
  ])('%j', (rule, location, message) => {
    let error: unknown;
    try {
      compileChoiceRule(rule, '/States/C/Choices/0');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DefinitionError);
    const [diagnostic] = (error as DefinitionError).diagnostics;
    expect(diagnostic.code).toBe('SCHEMA_VALIDATION_FAILED');
    expect(diagnostic.location).toBe(location);
    expect(diagnostic.message).toContain(message);
  });
});
