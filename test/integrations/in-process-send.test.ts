// Differential test of the in-process send (src/integrations/in-process-send.ts): every scenario runs twice,
// each time in a fresh embedded sandbox, once with the engine's calls going straight to the co-hosted
// services and once through the SDK client's middleware stack. Both runs must send the same requests (as the
// services see them) and give the same results, errors (names, causes, SdkHttpMetadata), fault-injection
// outcomes (SANDBOX_FAULTS) and MockConfigFile outcomes (SFN_MOCK_CONFIG). Values that differ between any two
// calls (request ids, dates, generated names) are masked before comparing.
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { CreateStateMachineCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import type { HttpRequest } from '@smithy/protocol-http';
import * as clientsModule from '../../src/config/clients';
import * as dynamoDbJsonBodyModule from '../../src/integrations/dynamodb-json-body';
import * as inProcessSendModule from '../../src/integrations/in-process-send';
import * as sfnJsonBodyModule from '../../src/integrations/sfn-json-body';
import { createClients, type AwsClients, type SdkRequestHandler } from '../../src/config/clients';
import { configFromEnv } from '../../src/config/config';
import { ScaledClock } from '../../src/engine/runtime/clock';
import type { FaultPlan } from '../../src/faults';
import { parseFaultPlan } from '../../src/faults';
import { createTaskRunner } from '../../src/integrations';
import { failureOf, invocation } from './support/invocation';
import { parseMockConfig, type MockConfig } from '../../src/mocking';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { toEdgeRequest } from '../../src/server/in-process-handler';
import { readBody } from '../../src/server/read-body';

type Path = 'in-process' | 'sdk';
const ROLE_ARN = 'arn:aws:iam::000000000000:role/sfn';
const ACCOUNT = '000000000000';
const machineArn = (name: string) => `arn:aws:states:us-east-1:${ACCOUNT}:stateMachine:${name}`;

/** SDK bookkeeping no embedded service reads; the in-process send does not write it. */
const SDK_ONLY_HEADERS = ['user-agent', 'x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request'];

interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/**
 * Runs `work` on `path` (for 'sdk', no client has an in-process transport); counts the in-process sends and
 * the request bodies written without the SDK's serializer (dynamodb-json-body.ts, sfn-json-body.ts).
 */
async function onPath<T>(path: Path, work: () => Promise<T>): Promise<{ result: T; inProcessSends: number; directBodies: number; directSfnBodies: number }> {
  const forceSdk = path === 'sdk' ? jest.spyOn(clientsModule, 'inProcessTransport').mockReturnValue(undefined) : undefined;
  const sends = jest.spyOn(inProcessSendModule, 'sendInProcess');
  const bodies = jest.spyOn(dynamoDbJsonBodyModule, 'dynamoDbJsonBody');
  const sfnBodies = jest.spyOn(sfnJsonBodyModule, 'sfnJsonBody');
  const written = (spy: jest.SpyInstance) => spy.mock.results.filter((r) => r.type === 'return' && r.value !== undefined).length;
  try {
    const result = await work();
    return { result, inProcessSends: sends.mock.calls.length, directBodies: written(bodies) + written(sfnBodies), directSfnBodies: written(sfnBodies) };
  } finally {
    sfnBodies.mockRestore();
    bodies.mockRestore();
    sends.mockRestore();
    forceSdk?.mockRestore();
  }
}

interface Recorder {
  readonly requests: RecordedRequest[];
  /** Every call the handler served, awaited before the sandbox closes. */
  readonly served: Array<Promise<unknown>>;
  /** Called as a request reaches the handler, i.e. while the Task waits for it. */
  onRequest?: () => void;
}

/** Records what each request looks like to the services (the edge's view), then lets the real handler serve it. */
function recording(inner: SdkRequestHandler, recorder: Recorder): SdkRequestHandler {
  return {
    metadata: inner.metadata,
    async handle(request: HttpRequest, options) {
      const edge = toEdgeRequest(request);
      const body = (await readBody(edge.body, Number.MAX_SAFE_INTEGER)).toString('utf8');
      recorder.requests.push({ method: edge.method, url: edge.url, headers: { ...edge.headers }, body });
      const served = inner.handle(request, options);
      recorder.served.push(served.catch(() => undefined));
      recorder.onRequest?.();
      return served;
    },
    destroy: () => inner.destroy?.(),
  };
}

const MASKED_KEYS = new Set(['Date', 'x-amzn-RequestId', 'RequestId', 'StartDate', 'StopDate', 'x-amz-date']);

/** Masks what differs between any two calls: request ids, dates, generated execution names, signing dates. */
function masked(value: unknown): unknown {
  if (typeof value === 'string') {
    return value
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
      .replace(/Request ID: [^;,)]+/g, 'Request ID: <id>')
      .replace(/\/\d{8}\//g, '/<date>/');
  }
  if (Array.isArray(value)) return value.map(masked);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, MASKED_KEYS.has(k) ? '<masked>' : masked(v)]));
  }
  return value;
}

/** One sandbox, one path: the scenario's outcomes and every request the engine's clients sent. */
async function runScenario(
  path: Path,
  scenario: (run: (arn: string, args: unknown, signal?: AbortSignal) => Promise<unknown>, sandbox: Sandbox, recorder: Recorder) => Promise<unknown[]>,
  options: { faultPlan?: FaultPlan; mockConfig?: MockConfig } = {},
): Promise<{ outcomes: unknown[]; requests: RecordedRequest[]; inProcessSends: number; directBodies: number; directSfnBodies: number }> {
  const config = configFromEnv({ SFN_TIME_SCALE: '0' });
  const sandbox = await startSandbox({ config, port: 0, ...options });
  const recorder: Recorder = { requests: [], served: [] };
  const engineClients: AwsClients = createClients(config, { requestHandler: recording(sandbox.requestHandler, recorder), maxAttempts: 1, inProcess: true });
  const setup = sandbox.clients();
  try {
    await setup.dynamodb.send(
      new CreateTableCommand({
        TableName: 'orders',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    for (const [name, type, definition] of MACHINES)
      await setup.sfn.send(new CreateStateMachineCommand({ name, type, definition: JSON.stringify(definition), roleArn: ROLE_ARN }));
    const runner = createTaskRunner({ clients: engineClients, region: config.region, accountId: ACCOUNT, clock: new ScaledClock(0) });
    const run = (arn: string, args: unknown, signal?: AbortSignal) => runner.invoke(invocation(runner, arn, args, { signal }));
    const { result, ...counts } = await onPath(path, () => scenario(run, sandbox, recorder));
    return { outcomes: masked(result) as unknown[], requests: masked(recorder.requests) as RecordedRequest[], ...counts };
  } finally {
    await Promise.all(recorder.served);
    engineClients.destroy();
    setup.destroy();
    await sandbox.close();
  }
}

/** Runs each call in turn; a failure is an outcome too ({error, cause} of the StatesError). */
async function each(calls: ReadonlyArray<() => Promise<unknown>>): Promise<unknown[]> {
  const outcomes: unknown[] = [];
  for (const call of calls)
    outcomes.push(
      await call().then(
        (result) => ({ result }),
        (thrown) => failureOf(Promise.reject(thrown)),
      ),
    );
  return outcomes;
}

async function expectSamePaths(
  scenario: Parameters<typeof runScenario>[1],
  options: Parameters<typeof runScenario>[2] = {},
): Promise<{ outcomes: unknown[]; directBodies: number; directSfnBodies: number }> {
  const direct = await runScenario('in-process', scenario, options);
  const sdk = await runScenario('sdk', scenario, options);
  expect(direct.outcomes).toEqual(sdk.outcomes);
  // The paths really differ: every call went in-process in the one, none in the other.
  expect(direct.inProcessSends).toBeGreaterThan(0);
  expect(sdk.inProcessSends).toBe(0);
  expect(sdk.directBodies).toBe(0);
  // Only the SDK's middleware writes its bookkeeping headers; everything else the services see is the same.
  expect(direct.requests.every((r) => SDK_ONLY_HEADERS.every((h) => r.headers[h] === undefined))).toBe(true);
  expect(sdk.requests.every((r) => SDK_ONLY_HEADERS.every((h) => r.headers[h] !== undefined))).toBe(true);
  const withoutSdkHeaders = (r: RecordedRequest) => ({
    ...r,
    headers: Object.fromEntries(Object.entries(r.headers).filter(([h]) => !SDK_ONLY_HEADERS.includes(h))),
  });
  expect(direct.requests).toEqual(sdk.requests.map(withoutSdkHeaders));
  return direct;
}

const PUT = 'arn:aws:states:::dynamodb:putItem';
const GET = 'arn:aws:states:::dynamodb:getItem';
const UPDATE = 'arn:aws:states:::dynamodb:updateItem';
const DELETE = 'arn:aws:states:::dynamodb:deleteItem';
const SDK_PUT = 'arn:aws:states:::aws-sdk:dynamodb:putItem';
const SDK_GET = 'arn:aws:states:::aws-sdk:dynamodb:getItem';
const START_SYNC = 'arn:aws:states:::aws-sdk:sfn:startSyncExecution';
const START = 'arn:aws:states:::states:startExecution';
const START_SYNC2 = 'arn:aws:states:::states:startExecution.sync:2';

const ITEM = {
  id: { S: 'a' },
  n: { N: '1.50' },
  b: { B: 'AAE=' },
  l: { L: [{ BOOL: true }, { NULL: true }] },
  m: { M: { z: { S: '1' }, a: { SS: ['x', 'y'] } } },
};

const MACHINES: ReadonlyArray<readonly [string, 'EXPRESS' | 'STANDARD', object]> = [
  ['echo', 'EXPRESS', { QueryLanguage: 'JSONata', StartAt: 'Echo', States: { Echo: { Type: 'Pass', Output: '{% {"got": $states.input} %}', End: true } } }],
  ['fails', 'EXPRESS', { StartAt: 'Boom', States: { Boom: { Type: 'Fail', Error: 'Custom.Boom', Cause: 'it broke' } } }],
  ['standard', 'STANDARD', { StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } }],
  [
    'writes',
    'EXPRESS',
    {
      QueryLanguage: 'JSONata',
      StartAt: 'Mocked',
      States: {
        Mocked: {
          Type: 'Task',
          Resource: PUT,
          Arguments: { TableName: 'orders', Item: { id: { S: 'mocked' } } },
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Real', Output: '{% {"caught": $states.errorOutput} %}' }],
          Next: 'Real',
        },
        Real: {
          Type: 'Task',
          Resource: PUT,
          Arguments: { TableName: 'orders', Item: { id: { S: 'real' } } },
          Output: '{% {"before": $states.input, "real": $states.result} %}',
          End: true,
        },
      },
    },
  ],
];

describe('in-process send and SDK send give the same requests, results and errors', () => {
  it('optimized DynamoDB integration: results, SdkHttpMetadata, modeled and validation errors', async () => {
    const { outcomes, directBodies } = await expectSamePaths((run) =>
      each([
        () => run(PUT, { Item: ITEM, TableName: 'orders' }),
        () => run(PUT, { Item: { id: { S: 'plain' }, s: { S: 'é "q" \\ 😀' }, n: { N: '7' }, l: { L: [{ NULL: true }] } }, TableName: 'orders' }),
        () => run(PUT, { TableName: 'orders', Item: { ...ITEM, n: { N: '2' } }, ReturnValues: 'ALL_OLD', ReturnConsumedCapacity: 'TOTAL' }),
        () => run(GET, { TableName: 'orders', Key: { id: { S: 'a' } }, ConsistentRead: true }),
        () =>
          run(UPDATE, {
            TableName: 'orders',
            Key: { id: { S: 'a' } },
            UpdateExpression: 'SET n = n + :d',
            ExpressionAttributeValues: { ':d': { N: '3' } },
            ReturnValues: 'UPDATED_NEW',
          }),
        () => run(PUT, { TableName: 'orders', Item: { id: { S: 'a' } }, ConditionExpression: 'attribute_not_exists(id)' }),
        () => run(PUT, { TableName: 'missing', Item: { id: { S: 'a' } } }),
        () => run(PUT, { TableName: 'orders', Item: { other: { S: 'no key' } } }),
        () => run(PUT, { TableName: 'orders', Item: { id: { S: 'c' } }, NotAMember: 1 }),
        () => run(DELETE, { TableName: 'orders', Key: { id: { S: 'a' } }, ReturnValues: 'ALL_OLD' }),
      ]),
    );
    // The scenario exercises what it claims: results with metadata, then the three kinds of failure; bodies
    // written both without the SDK's serializer (no binary values) and with it (ITEM's B, an unknown member).
    expect(outcomes[0]).toMatchObject({ result: { SdkHttpMetadata: { HttpStatusCode: 200 } } });
    expect(directBodies).toBeGreaterThanOrEqual(6);
    expect(outcomes.slice(5, 8).map((o) => (o as { error: string }).error)).toEqual([
      'DynamoDB.ConditionalCheckFailedException',
      'DynamoDB.ResourceNotFoundException',
      'DynamoDB.AmazonDynamoDBException',
    ]);
  });

  it('aws-sdk integrations: DynamoDB and Step Functions, StartSyncExecution children, SDK-v2 errors', async () => {
    const { outcomes, directSfnBodies } = await expectSamePaths((run) =>
      each([
        () => run(SDK_PUT, { TableName: 'orders', Item: ITEM }),
        () => run(SDK_GET, { TableName: 'orders', Key: { id: { S: 'a' } } }),
        () => run(SDK_GET, { TableName: 'missing', Key: { id: { S: 'a' } } }),
        () => run(START_SYNC, { StateMachineArn: machineArn('echo'), Input: '{"x":[1,2]}', Name: 'echo-1' }),
        () => run(START_SYNC, { StateMachineArn: machineArn('fails'), Name: 'fails-1' }),
        () => run(START_SYNC, { StateMachineArn: machineArn('nope') }),
        () => run(START_SYNC, { StateMachineArn: machineArn('echo'), Input: { as: 'object', s: 'é "q" \\ 😀 \u2028' } }),
        () => run(START_SYNC, { StateMachineArn: machineArn('echo'), Input: '{}', NotAMember: 'x' }),
        () => run(START_SYNC, { StateMachineArn: machineArn('echo'), Name: 42 }),
      ]),
    );
    // Step Functions bodies written both ways: without the SDK's serializer (every member a string) and with it.
    expect(directSfnBodies).toBe(4);
    expect(outcomes[3]).toMatchObject({ result: { Status: 'SUCCEEDED', Output: '{"got":{"x":[1,2]}}' } });
    expect(outcomes[4]).toMatchObject({ result: { Status: 'FAILED', Error: 'Custom.Boom' } });
    expect(outcomes[5]).toMatchObject({ error: 'Sfn.StateMachineDoesNotExistException' });
  });

  it('states:startExecution children: request-response with SdkHttpMetadata, .sync:2, invalid ARN', async () => {
    // The response body carries the start date, so its length and checksum headers vary run to run.
    const { outcomes } = await expectSamePaths(async (run) => {
      const results = await each([
        () => run(START, { StateMachineArn: machineArn('standard'), Name: 'child-1', Input: { a: 1 } }),
        () => run(START_SYNC2, { StateMachineArn: machineArn('standard'), Name: 'child-2' }),
        () => run(START, { StateMachineArn: 'not-an-arn' }),
      ]);
      return results.map((o) => masked(JSON.parse(JSON.stringify(o), (k, v) => (k === 'Content-Length' ? '<length>' : v))));
    });
    expect(outcomes[0]).toMatchObject({ result: { ExecutionArn: expect.stringContaining(':child-1'), SdkHttpMetadata: { HttpStatusCode: 200 } } });
    expect(outcomes[1]).toMatchObject({ result: { Status: 'SUCCEEDED', Output: {} } });
    expect(outcomes[2]).toMatchObject({ error: 'StepFunctions.InvalidArnException' });
  });

  it('a call aborted while the service works on it rejects with the abort reason on both paths', async () => {
    const { outcomes } = await expectSamePaths(async (run, _sandbox, recorder) => {
      const controller = new AbortController();
      recorder.onRequest = () => controller.abort(new Error('stopped by the test'));
      const sent = run(PUT, { TableName: 'orders', Item: { id: { S: 'aborted' } } }, controller.signal);
      return [
        await sent.then(
          () => 'resolved',
          (e: Error) => e.message,
        ),
      ];
    });
    expect(outcomes).toEqual(['stopped by the test']);
  });

  it('SANDBOX_FAULTS: the same calls fail with the same injected errors, and the report counts the same', async () => {
    const faultPlan = parseFaultPlan(
      {
        seed: 7,
        rules: [
          { service: 'dynamodb', operations: ['PutItem'], rate: 0.5, error: 'ProvisionedThroughputExceededException' },
          { service: 'dynamodb', operations: ['GetItem'], calls: [2], error: 'InternalServerError', message: 'injected' },
        ],
      },
      'test plan',
    );
    const scenario = async (run: (arn: string, args: unknown) => Promise<unknown>, sandbox: Sandbox) => {
      const calls = Array.from({ length: 8 }, (_, i) => () => run(PUT, { TableName: 'orders', Item: { id: { S: `f-${i}` } } }));
      for (let i = 0; i < 3; i++) calls.push(() => run(GET, { TableName: 'orders', Key: { id: { S: `f-${i}` } } }));
      calls.push(() => run(SDK_GET, { TableName: 'orders', Key: { id: { S: 'f-0' } } }));
      return [...(await each(calls)), sandbox.faults?.faultReport()];
    };
    const { outcomes } = await expectSamePaths(scenario, { faultPlan });
    const errors = outcomes.map((o) => (o as { error?: string }).error).filter(Boolean);
    expect(errors).toEqual(expect.arrayContaining(['DynamoDB.ProvisionedThroughputExceededException', 'DynamoDB.InternalServerErrorException']));
  });

  it('SFN_MOCK_CONFIG: mocked states answer from the file, unmocked ones reach DynamoDB, on both paths', async () => {
    const mockConfig = parseMockConfig(
      {
        StateMachines: { writes: { TestCases: { Throttled: { Mocked: 'AlwaysThrottled' } } } },
        MockedResponses: { AlwaysThrottled: { '0': { Throw: { Error: 'DynamoDB.ProvisionedThroughputExceededException', Cause: 'mocked' } } } },
      },
      'test mock config',
    );
    const { outcomes } = await expectSamePaths(
      async (_run, sandbox) => {
        const sfn = sandbox.clients().sfn;
        try {
          const run = (arn: string) => sfn.send(new StartSyncExecutionCommand({ stateMachineArn: arn, name: 'w-1' }));
          const outputs = [await run(`${machineArn('writes')}#Throttled`), await run(machineArn('writes'))];
          return outputs.map(({ status, output, error, cause }) => ({ status, output: JSON.parse(output ?? 'null'), error, cause }));
        } finally {
          sfn.destroy();
        }
      },
      { mockConfig },
    );
    expect(outcomes[0]).toMatchObject({
      status: 'SUCCEEDED',
      output: { before: { caught: { Error: 'DynamoDB.ProvisionedThroughputExceededException', Cause: 'mocked' } } },
    });
    expect(outcomes[1]).toMatchObject({ status: 'SUCCEEDED', output: { real: { SdkHttpMetadata: { HttpStatusCode: 200 } } } });
  });
});
