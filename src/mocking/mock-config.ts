// The MockConfigFile of Step Functions Local and LocalStack (SFN_MOCK_CONFIG), same format:
// `StateMachines → <name> → TestCases → <case> → {<state>: <mocked response>}` and
// `MockedResponses → <name> → {"0" | "1-2": {Return | Throw}}`
// (https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html). Everything is checked
// at load, so a bad file fails before any execution starts, naming the JSON location of the problem.
import { readFileSync } from 'node:fs';
import { describeJsonType, isPlainObject, jsonLocation, type JsonSegment } from './json-location';
import { MockConfigError } from './mock-config-error';
import { parseMockedResponse, type Fail, type MockedResponse } from './mocked-response';

/** State name → the mocked response its Task invocations use. */
export type MockTestCase = ReadonlyMap<string, MockedResponse>;

export interface MockConfig {
  /** Where the configuration came from (file path), for messages. */
  readonly source: string;
  /** State machine name → test case name → test case. */
  readonly stateMachines: ReadonlyMap<string, ReadonlyMap<string, MockTestCase>>;
  readonly responses: ReadonlyMap<string, MockedResponse>;
}

/** The variable Step Functions Local's Docker image and LocalStack both read. */

const TOP_LEVEL_FIELDS = ['StateMachines', 'MockedResponses'];

export function parseMockConfig(json: unknown, source: string): MockConfig {
  const fail: Fail = (segments, problem) => {
    throw new MockConfigError(source, jsonLocation(segments), problem);
  };
  if (!isPlainObject(json)) fail([], `a mock configuration must be a JSON object with StateMachines and MockedResponses, got ${describeJsonType(json)}`);
  const extra = Object.keys(json).find((key) => !TOP_LEVEL_FIELDS.includes(key));
  if (extra !== undefined) fail([extra], `unknown top-level field (expected ${TOP_LEVEL_FIELDS.join(' and ')})`);
  const responses = new Map<string, MockedResponse>();
  for (const [name, raw] of Object.entries(objectAt(json.MockedResponses, ['MockedResponses'], fail))) {
    responses.set(name, parseMockedResponse(name, raw, ['MockedResponses', name], fail));
  }
  return { source, stateMachines: parseStateMachines(json.StateMachines, responses, fail), responses };
}

/** Reads and validates a MockConfigFile; every failure is a MockConfigError naming the file. */
export function loadMockConfig(path: string): MockConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (thrown) {
    throw new MockConfigError(path, '', `cannot read the mock configuration file: ${(thrown as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (thrown) {
    throw new MockConfigError(path, '', `the mock configuration file is not valid JSON: ${(thrown as Error).message}`);
  }
  return parseMockConfig(json, path);
}

export function findTestCase(config: MockConfig, stateMachineName: string, testCase: string): MockTestCase | undefined {
  return config.stateMachines.get(stateMachineName)?.get(testCase);
}

function parseStateMachines(raw: unknown, responses: ReadonlyMap<string, MockedResponse>, fail: Fail): Map<string, Map<string, MockTestCase>> {
  const machines = new Map<string, Map<string, MockTestCase>>();
  for (const [machineName, machine] of Object.entries(objectAt(raw, ['StateMachines'], fail))) {
    const at = ['StateMachines', machineName];
    const fields = objectAt(machine, at, fail);
    const extra = Object.keys(fields).find((key) => key !== 'TestCases');
    if (extra !== undefined) fail([...at, extra], 'unknown field (a state machine entry holds only TestCases)');
    const cases = new Map<string, MockTestCase>();
    for (const [caseName, testCase] of Object.entries(objectAt(fields.TestCases, [...at, 'TestCases'], fail))) {
      cases.set(caseName, parseTestCase(testCase, [...at, 'TestCases', caseName], responses, fail));
    }
    machines.set(machineName, cases);
  }
  return machines;
}

function parseTestCase(raw: unknown, at: readonly JsonSegment[], responses: ReadonlyMap<string, MockedResponse>, fail: Fail): MockTestCase {
  const states = new Map<string, MockedResponse>();
  for (const [stateName, responseName] of Object.entries(objectAt(raw, at, fail))) {
    if (typeof responseName !== 'string') fail([...at, stateName], `must name a mocked response, got ${describeJsonType(responseName)}`);
    const response = responses.get(responseName);
    if (!response) fail([...at, stateName], `unknown mocked response '${responseName}' (not defined under MockedResponses)`);
    states.set(stateName, response);
  }
  return states;
}

function objectAt(value: unknown, at: readonly JsonSegment[], fail: Fail): Record<string, unknown> {
  if (value === undefined) fail(at, 'required field is missing');
  if (!isPlainObject(value)) fail(at, `must be an object, got ${describeJsonType(value)}`);
  return value;
}
