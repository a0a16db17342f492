import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTestCase, loadMockConfig, parseMockConfig } from '../../src/mocking/mock-config';
import { MockConfigError } from '../../src/mocking/mock-config-error';
import { outcomeFor } from '../../src/mocking/mocked-response';

// Same shape as the Step Functions Local documentation's MockConfigFile example.
const DOC_FORMAT = {
  StateMachines: {
    'csv-to-ddb-orchestrator': {
      TestCases: {
        HappyPath: { WriteOrder: 'PutSucceeds', Notify: 'LambdaOk' },
        ThrottledPath: { WriteOrder: 'ThrottledTwiceThenOk' },
      },
    },
  },
  MockedResponses: {
    PutSucceeds: { '0': { Return: { SdkHttpMetadata: { HttpStatusCode: 200 } } } },
    LambdaOk: { '0': { Return: { StatusCode: 200, Payload: { ok: true } } } },
    ThrottledTwiceThenOk: {
      '0-1': { Throw: { Error: 'DynamoDB.ProvisionedThroughputExceededException', Cause: 'Throttled.' } },
      '2': { Return: {} },
    },
  },
};

function problemOf(json: unknown): string {
  try {
    parseMockConfig(json, 'mock.json');
  } catch (thrown) {
    expect(thrown).toBeInstanceOf(MockConfigError);
    return (thrown as Error).message;
  }
  throw new Error('expected a MockConfigError');
}

function withResponses(responses: Record<string, unknown>): unknown {
  return { StateMachines: {}, MockedResponses: responses };
}

describe('parseMockConfig', () => {
  it('reads the Step Functions Local format: test cases point states at mocked responses', () => {
    const config = parseMockConfig(DOC_FORMAT, 'mock.json');
    const throttled = findTestCase(config, 'csv-to-ddb-orchestrator', 'ThrottledPath');
    const response = throttled?.get('WriteOrder');
    expect(response?.name).toBe('ThrottledTwiceThenOk');
    expect([0, 1, 2].map((n) => outcomeFor(response!, n)?.kind)).toEqual(['Throw', 'Throw', 'Return']);
    expect(throttled?.has('Notify')).toBe(false);
    expect(findTestCase(config, 'csv-to-ddb-orchestrator', 'Missing')).toBeUndefined();
    expect(findTestCase(config, 'other', 'HappyPath')).toBeUndefined();
  });

  it.each([
    [[], 'mock.json: a mock configuration must be a JSON object with StateMachines and MockedResponses, got an array'],
    ['x', 'mock.json: a mock configuration must be a JSON object with StateMachines and MockedResponses, got a string'],
    [{ StateMachines: {} }, 'mock.json: MockedResponses: required field is missing'],
    [{ MockedResponses: {} }, 'mock.json: StateMachines: required field is missing'],
    [{ StateMachines: [], MockedResponses: {} }, 'mock.json: StateMachines: must be an object, got an array'],
    [{ StateMachines: {}, MockedResponse: {} }, 'mock.json: MockedResponse: unknown top-level field (expected StateMachines and MockedResponses)'],
  ])('rejects a malformed document %j', (json, message) => {
    expect(problemOf(json)).toBe(message);
  });

  it.each([
    [{ Sm: {} }, 'mock.json: StateMachines.Sm.TestCases: required field is missing'],
    [{ Sm: { TestCases: {}, Extra: 1 } }, 'mock.json: StateMachines.Sm.Extra: unknown field (a state machine entry holds only TestCases)'],
    [{ 'My Machine': { TestCases: { Happy: null } } }, 'mock.json: StateMachines["My Machine"].TestCases.Happy: must be an object, got null'],
    [{ Sm: { TestCases: { Happy: { Write: 3 } } } }, 'mock.json: StateMachines.Sm.TestCases.Happy.Write: must name a mocked response, got a number'],
    [
      { Sm: { TestCases: { Happy: { 'Write Order': 'Nope' } } } },
      `mock.json: StateMachines.Sm.TestCases.Happy["Write Order"]: unknown mocked response 'Nope' (not defined under MockedResponses)`,
    ],
  ])('rejects bad StateMachines %j', (stateMachines, message) => {
    expect(problemOf({ StateMachines: stateMachines, MockedResponses: { Ok: { '0': { Return: 1 } } } })).toBe(message);
  });

  it.each([
    [
      { BadResponse: { '0': { Return: 1 }, '1-2': { Return: 1, Throw: { Error: 'E' } } } },
      'MockedResponses.BadResponse["1-2"]: a mocked response needs exactly one of Return or Throw',
    ],
    [{ R: { '0': {} } }, 'MockedResponses.R["0"]: a mocked response needs exactly one of Return or Throw'],
    [{ R: { '0': 'ok' } }, 'MockedResponses.R["0"]: a mocked response needs exactly one of Return or Throw, got a string'],
    [{ R: { '0': { Return: 1, Delay: 5 } } }, 'MockedResponses.R["0"].Delay: unknown field (only Return or Throw is allowed)'],
    [{ R: { '0': { Throw: { Cause: 'c' } } } }, 'MockedResponses.R["0"].Throw: Throw needs an Error (the error name Retry and Catch match)'],
    [{ R: { '0': { Throw: 'E' } } }, 'MockedResponses.R["0"].Throw: Throw must be an object with Error and Cause, got a string'],
    [{ R: { '0': { Throw: { Error: 7 } } } }, 'MockedResponses.R["0"].Throw.Error: Error must be a string, got a number'],
    [{ R: { '0': { Throw: { Error: '' } } } }, 'MockedResponses.R["0"].Throw.Error: Error must not be empty'],
    [{ R: { '0': { Throw: { Error: 'E', Cause: {} } } } }, 'MockedResponses.R["0"].Throw.Cause: Cause must be a string, got an object'],
    [{ R: { '0': { Throw: { Error: 'E', Reason: 'x' } } } }, 'MockedResponses.R["0"].Throw.Reason: unknown field (Throw holds only Error and Cause)'],
    [{ R: { '2-1': { Return: 1 } } }, `MockedResponses.R["2-1"]: range '2-1' ends before it starts`],
    [{ R: { a: { Return: 1 } } }, `MockedResponses.R.a: 'a' is neither an invocation number ("0") nor an inclusive range ("1-2")`],
    [{ R: { '-1': { Return: 1 } } }, `MockedResponses.R["-1"]: '-1' is neither an invocation number ("0") nor an inclusive range ("1-2")`],
    [{ R: { '0-2': { Return: 1 }, '2': { Return: 2 } } }, 'MockedResponses.R["2"]: invocations overlap those of "0-2"'],
    [
      { R: { '0': { Return: 1 }, '2-3': { Return: 2 } } },
      'MockedResponses.R["2-3"]: invocation 1 has no response: entries must cover every invocation from 0 without gaps',
    ],
    [{ R: { '1': { Return: 1 } } }, 'MockedResponses.R["1"]: invocation 0 has no response: entries must cover every invocation from 0 without gaps'],
    [{ R: {} }, 'MockedResponses.R: a mocked response needs at least one invocation entry ("0")'],
    [{ R: [] }, 'MockedResponses.R: a mocked response must be an object keyed by invocation number, got an array'],
  ])('rejects bad MockedResponses %j', (responses, message) => {
    expect(problemOf(withResponses(responses))).toBe(`mock.json: ${message}`);
  });

  it('accepts a Throw without Cause, Return of any JSON value, and keys out of order', () => {
    const config = parseMockConfig(withResponses({ R: { '2': { Return: null }, '0-1': { Throw: { Error: 'States.Timeout' } } } }), 'mock.json');
    const response = config.responses.get('R')!;
    expect(outcomeFor(response, 0)).toEqual({ kind: 'Throw', error: 'States.Timeout' });
    expect(outcomeFor(response, 2)).toEqual({ kind: 'Return', value: null });
    expect(outcomeFor(response, 3)).toBeUndefined();
  });
});

describe('loadMockConfig', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mock-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a file and names it in errors', () => {
    const good = join(dir, 'MockConfigFile.json');
    writeFileSync(good, JSON.stringify(DOC_FORMAT));
    expect(loadMockConfig(good).source).toBe(good);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"StateMachines": {}, "MockedResponses": {"R": {"x": {"Return": 1}}}}');
    expect(() => loadMockConfig(bad)).toThrow(`${bad}: MockedResponses.R.x: 'x' is neither`);
  });

  it('reports unreadable files and invalid JSON as MockConfigError', () => {
    const missing = join(dir, 'missing.json');
    expect(() => loadMockConfig(missing)).toThrow(MockConfigError);
    expect(() => loadMockConfig(missing)).toThrow(`${missing}: cannot read the mock configuration file: ENOENT`);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"StateMachines": ');
    expect(() => loadMockConfig(broken)).toThrow(`${broken}: the mock configuration file is not valid JSON:`);
  });
});
