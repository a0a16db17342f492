// The sandbox keeps the latest EXPRESS histories (AWS keeps none) and serves them, with Map Run result
// locations, through its private API at /_sandbox/stepfunctions (docs/console.md).
import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { ListMapRunsCommand, StartExecutionCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { configFromEnv } from '../../src/config/config';
import { ExpressHistories } from '../../src/services/stepfunctions/runs/express-histories';
import { useEmbeddedSandbox } from './support/embedded-sandbox';
import { createStateMachine } from './support/harness';

describe('ExpressHistories', () => {
  const start = (n: number, stateMachineArn = 'sm') => ({ arn: `arn:${n}`, name: `e${n}`, stateMachineArn, startDate: new Date(n * 1000), input: '{}' });

  it('keeps the latest executions up to its capacity, dropping the oldest first', () => {
    const kept = new ExpressHistories(2);
    for (const n of [1, 2, 3]) kept.begin(start(n))?.record({ id: 1, type: 'ExecutionStarted', timestamp: new Date() });
    kept.end('arn:3', { status: 'SUCCEEDED', stopDate: new Date(4000), output: '{"ok":true}' });
    expect(kept.get('arn:1')).toBeUndefined();
    expect(kept.list('sm').map((e) => [e.name, e.status, e.events.length])).toEqual([
      ['e2', 'RUNNING', 1],
      ['e3', 'SUCCEEDED', 1],
    ]);
    expect(kept.get('arn:3')?.output).toBe('{"ok":true}');
  });

  it('builds deferred event details on the first read, once', () => {
    const kept = new ExpressHistories(1);
    const recorder = kept.begin(start(1));
    let builds = 0;
    const input = { row: 1 };
    recorder?.record({ id: 1, type: 'ExecutionStarted', timestamp: new Date() }, () => {
      builds += 1;
      return { executionStartedEventDetails: { input: JSON.stringify(input), inputDetails: { truncated: false }, roleArn: 'role' } };
    });
    recorder?.record({ id: 2, type: 'PassStateEntered', previousEventId: 1, timestamp: new Date() });
    expect(recorder?.defers).toBe(true);
    expect(builds).toBe(0);
    const first = kept.get('arn:1')?.events;
    expect(first?.[0].executionStartedEventDetails).toEqual({ input: '{"row":1}', inputDetails: { truncated: false }, roleArn: 'role' });
    expect(first?.[1]).toEqual({ id: 2, type: 'PassStateEntered', previousEventId: 1, timestamp: expect.any(Date) });
    expect(kept.get('arn:1')?.events[0].executionStartedEventDetails?.input).toBe('{"row":1}');
    expect(builds).toBe(1);
  });

  it('gives every event back its own timestamp, also events recorded after a first read', () => {
    const kept = new ExpressHistories(1);
    const recorder = kept.begin(start(1));
    recorder?.record({ id: 1, type: 'ExecutionStarted', timestamp: new Date(1_000) });
    recorder?.record({ id: 2, type: 'PassStateEntered', previousEventId: 1, timestamp: new Date(1_500) });
    expect(kept.get('arn:1')?.events.map((e) => e.timestamp?.getTime())).toEqual([1_000, 1_500]);
    recorder?.record({ id: 3, type: 'PassStateExited', previousEventId: 2, timestamp: new Date(2_250) });
    expect(kept.get('arn:1')?.events.map((e) => e.timestamp?.toISOString())).toEqual([
      '1970-01-01T00:00:01.000Z',
      '1970-01-01T00:00:01.500Z',
      '1970-01-01T00:00:02.250Z',
    ]);
  });

  it('keeps nothing at capacity 0: the engine then builds no event details', () => {
    const kept = new ExpressHistories(0);
    expect(kept.begin(start(1))).toBeUndefined();
    expect(kept.list('sm')).toEqual([]);
  });

  it('SANDBOX_EXPRESS_HISTORIES sets the capacity (default 2000) and rejects what is not a count', () => {
    expect(configFromEnv({}).expressHistories).toBe(2000);
    expect(configFromEnv({ SANDBOX_EXPRESS_HISTORIES: '0' }).expressHistories).toBe(0);
    expect(() => configFromEnv({ SANDBOX_EXPRESS_HISTORIES: 'many' })).toThrow("SANDBOX_EXPRESS_HISTORIES must be an integer from 0 to 1000000, got 'many'");
  });
});

describe('private API /_sandbox/stepfunctions', () => {
  const env = useEmbeddedSandbox();

  async function call(action: string, body: object): Promise<{ status: number; json: Record<string, any> }> {
    const response = await fetch(`${env.sandbox.url}/_sandbox/stepfunctions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `SandboxStepFunctions.${action}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, any> };
  }

  it('serves an EXPRESS execution’s description and history, paged like GetExecutionHistory', async () => {
    const sm = await createStateMachine(
      env.clients.sfn,
      'express-kept',
      JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Fail', Error: 'Boom', Cause: 'on purpose' } } }),
      'EXPRESS',
    );
    const run = await env.clients.sfn.send(new StartSyncExecutionCommand({ stateMachineArn: sm, input: '{"x":1}' }));
    const arn = run.executionArn as string;

    const described = await call('DescribeExpressExecution', { executionArn: arn });
    expect(described.json).toMatchObject({ executionArn: arn, stateMachineArn: sm, status: 'FAILED', input: '{"x":1}', error: 'Boom', cause: 'on purpose' });

    const first = await call('GetExpressExecutionHistory', { executionArn: arn, maxResults: 3 });
    expect(first.json.events.map((e: { type: string }) => e.type)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited']);
    expect(first.json.events[1].stateEnteredEventDetails).toEqual({ name: 'A', input: '{"x":1}', inputDetails: { truncated: false } });
    const rest = await call('GetExpressExecutionHistory', { executionArn: arn, nextToken: first.json.nextToken });
    expect(rest.json.events.map((e: { type: string }) => e.type)).toEqual(['FailStateEntered', 'ExecutionFailed']);

    const listed = await call('ListExpressExecutions', { stateMachineArn: sm });
    expect(listed.json.executions.map((e: { executionArn: string; status: string }) => [e.executionArn, e.status])).toEqual([[arn, 'FAILED']]);
  });

  it('says why an EXPRESS execution has no history, and refuses other ARNs as AWS would', async () => {
    const missing = 'arn:aws:states:us-east-1:000000000000:express:nope:run:00000000-0000-0000-0000-000000000000';
    await expect(call('GetExpressExecutionHistory', { executionArn: missing })).resolves.toEqual({
      status: 400,
      json: {
        __type: 'ExecutionDoesNotExist',
        message: `No history kept for '${missing}': the sandbox keeps the latest 2000 EXPRESS executions (SANDBOX_EXPRESS_HISTORIES), in memory only`,
      },
    });
    const standard = 'arn:aws:states:us-east-1:000000000000:execution:sm:run';
    await expect(call('DescribeExpressExecution', { executionArn: standard })).resolves.toMatchObject({
      status: 400,
      json: { __type: 'InvalidArn', message: "Invalid Arn: 'Resource type not valid in this context: execution'" },
    });
    await expect(call('DescribeExecution', { executionArn: standard })).resolves.toMatchObject({ status: 400, json: { __type: 'UnknownOperationException' } });
  });

  it('lists a Distributed Map’s EXPRESS children with their histories, and says where its ResultWriter wrote', async () => {
    await env.clients.s3.send(new CreateBucketCommand({ Bucket: 'console-results' }));
    const sm = await createStateMachine(
      env.clients.sfn,
      'distributed-kept',
      JSON.stringify({
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemProcessor: {
              ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
              StartAt: 'Touch',
              States: { Touch: { Type: 'Pass', End: true } },
            },
            ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'console-results', Prefix: 'out' } },
            End: true,
          },
        },
      }),
    );
    const started = await env.clients.sfn.send(new StartExecutionCommand({ stateMachineArn: sm, input: JSON.stringify([1, 2, 3]) }));
    await env.sandbox.stepFunctions?.whenIdle(sm);
    const mapRunArn = (await env.clients.sfn.send(new ListMapRunsCommand({ executionArn: started.executionArn }))).mapRuns?.[0]?.mapRunArn as string;

    const children = await call('ListExpressExecutions', { mapRunArn });
    expect(children.json.executions).toHaveLength(3);
    const history = await call('GetExpressExecutionHistory', { executionArn: children.json.executions[0].executionArn });
    expect(history.json.events.map((e: { type: string }) => e.type)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);

    const results = await call('DescribeMapRunResults', { mapRunArn });
    const key = `out/${mapRunArn.split(':').pop()}/manifest.json`;
    expect(results.json).toEqual({ mapRunArn, resultWriterDetails: { Bucket: 'console-results', Key: key } });
    const manifest = await env.clients.s3.send(new GetObjectCommand({ Bucket: 'console-results', Key: key }));
    expect(JSON.parse(await (manifest.Body as { transformToString(): Promise<string> }).transformToString())).toMatchObject({ MapRunArn: mapRunArn });
  });

  it('DescribeMapRunResults names a Map Run that writes nothing to S3', async () => {
    const sm = await createStateMachine(
      env.clients.sfn,
      'distributed-unwritten',
      JSON.stringify({
        StartAt: 'Each',
        States: {
          Each: {
            Type: 'Map',
            ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'T', States: { T: { Type: 'Pass', End: true } } },
            End: true,
          },
        },
      }),
    );
    const started = await env.clients.sfn.send(new StartExecutionCommand({ stateMachineArn: sm, input: '[1]' }));
    await env.sandbox.stepFunctions?.whenIdle(sm);
    const mapRunArn = (await env.clients.sfn.send(new ListMapRunsCommand({ executionArn: started.executionArn }))).mapRuns?.[0]?.mapRunArn as string;
    await expect(call('DescribeMapRunResults', { mapRunArn })).resolves.toEqual({
      status: 400,
      json: { __type: 'ResourceNotFound', message: `Map Run '${mapRunArn}' writes no results to S3: its Map state has no ResultWriter` },
    });
  });
});
