// A TestState client over HTTP to an embedded sandbox (port 0): the SDK's `sync-` host prefix disabled,
// as every local caller must. `testState` sends one request and returns the response with the JSON-text
// members parsed, so tests compare values rather than strings.
import { SFNClient, TestStateCommand, type TestStateInput, type TestStateOutput } from '@aws-sdk/client-sfn';
import type { EmbeddedSandbox } from '../support/embedded-sandbox';

export const ROLE_ARN = 'arn:aws:iam::000000000000:role/test-state';

export interface ParsedTestState {
  readonly status?: string;
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  readonly nextState?: string;
  readonly inspectionData?: Record<string, unknown>;
}

const JSON_MEMBERS = new Set([
  'input',
  'afterInputPath',
  'afterParameters',
  'afterArguments',
  'result',
  'afterResultSelector',
  'afterResultPath',
  'variables',
  'afterItemsPath',
  'afterItemSelector',
  'afterItemBatcher',
]);

export function parseResponse(response: TestStateOutput): ParsedTestState {
  const { $metadata: _metadata, ...rest } = response as TestStateOutput & { $metadata?: unknown };
  const parsed: Record<string, unknown> = { ...rest };
  if (rest.output !== undefined) parsed.output = JSON.parse(rest.output);
  if (rest.inspectionData) {
    parsed.inspectionData = Object.fromEntries(
      Object.entries(rest.inspectionData).map(([key, value]) => [key, JSON_MEMBERS.has(key) ? JSON.parse(value as string) : value]),
    );
  }
  return parsed;
}

export function sfnClientFor(target: EmbeddedSandbox): SFNClient {
  return new SFNClient({
    endpoint: target.sandbox.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    disableHostPrefix: true,
  });
}

/** Sends TestState with `definition` given as an object; `input`/`variables` as values. */
export async function testState(
  client: SFNClient,
  request: Omit<TestStateInput, 'definition' | 'input' | 'variables'> & { definition: unknown; input?: unknown; variables?: unknown },
): Promise<ParsedTestState> {
  const { definition, input, variables, ...rest } = request;
  const response = await client.send(
    new TestStateCommand({
      ...rest,
      definition: typeof definition === 'string' ? definition : JSON.stringify(definition),
      ...(input === undefined ? {} : { input: JSON.stringify(input) }),
      ...(variables === undefined ? {} : { variables: JSON.stringify(variables) }),
    }),
  );
  return parseResponse(response);
}
