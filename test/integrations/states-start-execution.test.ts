import { ScaledClock } from '../../src/engine/runtime/clock';
import { createTaskRunner } from '../../src/integrations/task-runner';
import { FakeRequestHandler, jsonResponse, type RecordedRequest } from './support/fake-request-handler';
import { failureOf, invocation } from './support/invocation';

const CHILD_SM = 'arn:aws:states:us-east-1:000000000000:stateMachine:child';
const CHILD = 'arn:aws:states:us-east-1:000000000000:execution:child:c-1';
const START_SECONDS = 1714979289.123;
const STOP_SECONDS = 1714979290.5;

/** Answers StartExecution, then reports the child RUNNING `runningPolls` times before `final`. */
function sfnEndpoint(final: Record<string, unknown>, runningPolls = 2) {
  let polls = 0;
  const fake: FakeRequestHandler = new FakeRequestHandler((request: RecordedRequest) => {
    const id = fake.nextRequestId();
    switch (request.operation) {
      case 'StartExecution':
        return jsonResponse(200, { executionArn: CHILD, startDate: START_SECONDS }, id);
      case 'DescribeExecution': {
        polls += 1;
        const base = {
          executionArn: CHILD,
          stateMachineArn: CHILD_SM,
          name: 'c-1',
          startDate: START_SECONDS,
          input: '{"n":1}',
          inputDetails: { included: true },
        };
        return jsonResponse(200, polls <= runningPolls ? { ...base, status: 'RUNNING' } : { ...base, stopDate: STOP_SECONDS, ...final }, id);
      }
      case 'StopExecution':
        return jsonResponse(200, { stopDate: STOP_SECONDS }, id);
      default:
        return jsonResponse(400, { __type: 'UnknownOperationException', message: `unexpected ${request.operation}` }, id);
    }
  });
  return fake;
}

function runnerFor(fake: FakeRequestHandler) {
  const clients = fake.clients();
  return createTaskRunner({ clients: clients, region: 'us-east-1', accountId: '000000000000', clock: new ScaledClock(0) });
}

const SUCCEEDED = { status: 'SUCCEEDED', output: '{"Arg1":"argument1"}', outputDetails: { included: true } };

describe('states:startExecution', () => {
  it('resolves the integration patterns, .waitForTaskToken included', () => {
    const runner = runnerFor(sfnEndpoint(SUCCEEDED));
    expect(runner.resolve('arn:aws:states:::states:startExecution')).toMatchObject({
      resourceType: 'states',
      resource: 'startExecution',
      pattern: 'REQUEST_RESPONSE',
    });
    expect(runner.resolve('arn:aws:states:::states:startExecution.sync')).toMatchObject({
      resource: 'startExecution.sync',
      pattern: 'RUN_JOB',
      syncVersion: 1,
    });
    expect(runner.resolve('arn:aws:states:::states:startExecution.sync:2')).toMatchObject({
      resource: 'startExecution.sync:2',
      pattern: 'RUN_JOB',
      syncVersion: 2,
    });
    expect(runner.resolve('arn:aws:states:::states:startExecution.waitForTaskToken')).toMatchObject({
      resource: 'startExecution.waitForTaskToken',
      pattern: 'WAIT_FOR_TASK_TOKEN',
    });
    expect(runner.resolve('arn:aws:states:::states:describeExecution')).toHaveProperty('unrecognized');
  });

  it('request-response returns ExecutionArn, StartDate (epoch seconds) and the SDK metadata', async () => {
    const fake = sfnEndpoint(SUCCEEDED);
    const runner = runnerFor(fake);
    const result = await runner.invoke(invocation(runner, 'arn:aws:states:::states:startExecution', { StateMachineArn: CHILD_SM, Input: null, Name: 'c-1' }));
    expect(result).toEqual({
      ExecutionArn: CHILD,
      SdkHttpMetadata: {
        AllHttpHeaders: {
          'Content-Length': [expect.stringMatching(/^\d+$/)],
          'x-amzn-RequestId': ['req-1'],
          'Content-Type': ['application/x-amz-json-1.0'],
          Date: ['Mon, 06 May 2024 07:08:09 GMT'],
          connection: ['keep-alive'],
        },
        HttpHeaders: {
          connection: 'keep-alive',
          'Content-Length': expect.stringMatching(/^\d+$/),
          'Content-Type': 'application/x-amz-json-1.0',
          Date: 'Mon, 06 May 2024 07:08:09 GMT',
          'x-amzn-RequestId': 'req-1',
        },
        HttpStatusCode: 200,
      },
      SdkResponseMetadata: { RequestId: 'req-1' },
      StartDate: 1714979289.123,
    });
    expect(Object.keys((result as { SdkHttpMetadata: { HttpHeaders: object } }).SdkHttpMetadata.HttpHeaders)).toEqual([
      'connection',
      'Content-Length',
      'Content-Type',
      'Date',
      'x-amzn-RequestId',
    ]);
    expect(JSON.parse(fake.requests[0].body)).toEqual({ stateMachineArn: CHILD_SM, input: '{}', name: 'c-1' });
    expect(fake.operations()).toEqual(['StartExecution']);
  });

  it('sends object Input as JSON text and string Input unchanged', async () => {
    const fake = sfnEndpoint(SUCCEEDED);
    const runner = runnerFor(fake);
    await runner.invoke(invocation(runner, 'arn:aws:states:::states:startExecution', { StateMachineArn: CHILD_SM, Input: { Hello: 'World' } }));
    await runner.invoke(invocation(runner, 'arn:aws:states:::states:startExecution', { StateMachineArn: CHILD_SM, Input: '{"raw":true}' }));
    expect(fake.requests.map((r) => JSON.parse(r.body).input)).toEqual(['{"Hello":"World"}', '{"raw":true}']);
  });

  it('keeps AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID as an ordinary input key [UNCONFIRMED that AWS does not strip it]', async () => {
    const fake = sfnEndpoint(SUCCEEDED);
    const runner = runnerFor(fake);
    const Input = { AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: 'arn:aws:states:us-east-1:000000000000:execution:parent:e1', row: 1 };
    await runner.invoke(invocation(runner, 'arn:aws:states:::states:startExecution', { StateMachineArn: CHILD_SM, Input }));
    expect(JSON.parse(JSON.parse(fake.requests[0].body).input)).toEqual(Input);
  });

  it('.sync submits, polls until the child closes and returns Input/Output as JSON text', async () => {
    const fake = sfnEndpoint(SUCCEEDED);
    const runner = runnerFor(fake);
    const submitted: unknown[] = [];
    const result = await runner.invoke(
      invocation(
        runner,
        'arn:aws:states:::states:startExecution.sync',
        { StateMachineArn: CHILD_SM, Input: { n: 1 } },
        { onSubmitted: (o) => submitted.push(o) },
      ),
    );
    expect(submitted).toEqual([expect.objectContaining({ ExecutionArn: CHILD, StartDate: 1714979289.123, SdkResponseMetadata: { RequestId: 'req-1' } })]);
    expect(fake.operations()).toEqual(['StartExecution', 'DescribeExecution', 'DescribeExecution', 'DescribeExecution']);
    expect(result).toEqual({
      ExecutionArn: CHILD,
      Input: '{"n":1}',
      InputDetails: { Included: true },
      Name: 'c-1',
      Output: '{"Arg1":"argument1"}',
      OutputDetails: { Included: true },
      StartDate: 1714979289123,
      StateMachineArn: CHILD_SM,
      Status: 'SUCCEEDED',
      StopDate: 1714979290500,
    });
  });

  it('.sync:2 returns Input and Output parsed', async () => {
    const runner = runnerFor(sfnEndpoint(SUCCEEDED, 0));
    const result = await runner.invoke(invocation(runner, 'arn:aws:states:::states:startExecution.sync:2', { StateMachineArn: CHILD_SM }));
    expect(result).toMatchObject({ Input: { n: 1 }, Output: { Arg1: 'argument1' }, Status: 'SUCCEEDED' });
  });

  it('a failed child fails the task with States.TaskFailed and the describe object as JSON cause', async () => {
    const runner = runnerFor(sfnEndpoint({ status: 'FAILED', error: 'ChildError', cause: 'child broke' }));
    const failure = await failureOf(runner.invoke(invocation(runner, 'arn:aws:states:::states:startExecution.sync', { StateMachineArn: CHILD_SM })));
    expect(failure.error).toBe('States.TaskFailed');
    expect(JSON.parse(failure.cause!)).toEqual({
      Cause: 'child broke',
      Error: 'ChildError',
      ExecutionArn: CHILD,
      Input: '{"n":1}',
      InputDetails: { Included: true },
      Name: 'c-1',
      StartDate: 1714979289123,
      StateMachineArn: CHILD_SM,
      Status: 'FAILED',
      StopDate: 1714979290500,
    });
  });

  it('a timed-out child under .sync:2 also fails with States.TaskFailed, Input parsed in the cause', async () => {
    const runner = runnerFor(sfnEndpoint({ status: 'TIMED_OUT', error: 'States.Timeout' }, 0));
    const failure = await failureOf(runner.invoke(invocation(runner, 'arn:aws:states:::states:startExecution.sync:2', { StateMachineArn: CHILD_SM })));
    expect(failure.error).toBe('States.TaskFailed');
    expect(JSON.parse(failure.cause!)).toMatchObject({ Error: 'States.Timeout', Status: 'TIMED_OUT', Input: { n: 1 } });
  });

  it('aborting a .sync task stops the child and rejects with the abort reason', async () => {
    const controller = new AbortController();
    const reason = new Error('parent stopped');
    const fake = sfnEndpoint(SUCCEEDED, Number.MAX_SAFE_INTEGER);
    const runner = runnerFor(fake);
    const submitted = (): void => {
      // Abort once the child is running: the next poll's sleep sees it.
      controller.abort(reason);
    };
    const task = runner.invoke(
      invocation(runner, 'arn:aws:states:::states:startExecution.sync', { StateMachineArn: CHILD_SM }, { signal: controller.signal, onSubmitted: submitted }),
    );
    await expect(task).rejects.toBe(reason);
    expect(fake.operations().at(-1)).toBe('StopExecution');
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({ executionArn: CHILD });
  });

  it('aborting an in-flight StartExecution call rejects with the abort reason', async () => {
    const controller = new AbortController();
    const reason = new Error('task timed out');
    const fake = new FakeRequestHandler(() => {
      setImmediate(() => controller.abort(reason));
      return FakeRequestHandler.hang();
    });
    const runner = runnerFor(fake);
    const task = runner.invoke(invocation(runner, 'arn:aws:states:::states:startExecution', { StateMachineArn: CHILD_SM }, { signal: controller.signal }));
    await expect(task).rejects.toBe(reason);
  });

  it('StartExecution errors become StepFunctions.<Code>Exception with the SDK-v1 cause', async () => {
    const fake: FakeRequestHandler = new FakeRequestHandler(() =>
      jsonResponse(
        400,
        { __type: 'com.amazonaws.swf.service.v2.model#StateMachineDoesNotExist', message: `State Machine Does Not Exist: '${CHILD_SM}'` },
        fake.nextRequestId(),
      ),
    );
    const runner = runnerFor(fake);
    const failure = await failureOf(runner.invoke(invocation(runner, 'arn:aws:states:::states:startExecution.sync', { StateMachineArn: CHILD_SM })));
    expect(failure).toEqual({
      error: 'StepFunctions.StateMachineDoesNotExistException',
      cause: `State Machine Does Not Exist: '${CHILD_SM}' (Service: AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist; Request ID: req-1; Proxy: null)`,
    });
  });

  it('a failing connection is StepFunctions.SdkClientException', async () => {
    const fake = new FakeRequestHandler(() => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' })));
    const runner = runnerFor(fake);
    const failure = await failureOf(runner.invoke(invocation(runner, 'arn:aws:states:::states:startExecution', { StateMachineArn: CHILD_SM })));
    expect(failure).toEqual({ error: 'StepFunctions.SdkClientException', cause: 'Unable to execute HTTP request: connect ECONNREFUSED 127.0.0.1:4566' });
  });
});
