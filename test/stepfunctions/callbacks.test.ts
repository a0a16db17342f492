// `.waitForTaskToken` callbacks end to end through the embedded endpoint and real SDK v3 clients: a Lambda
// handler (or a child execution) receives the task token, and SendTaskSuccess / SendTaskFailure /
// SendTaskHeartbeat (API and aws-sdk:sfn integration) answer it. Histories as recorded against AWS:
// TaskScheduled → TaskStarted → TaskSubmitted (the call's response) → TaskSucceeded | TaskFailed | TaskTimedOut.
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv } from '../../src/config/config';
import { startSandbox } from '../../src/sandbox/start-sandbox';
import { openDiskStore } from '../../src/services/stepfunctions';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createTable, historyOf, poll, ROLE_ARN, waitForExecution } from './redrive-support';
import { useEmbeddedSandbox } from './support/embedded-sandbox';
import { expectAwsError } from './support/expect-error';

const WAIT_LAMBDA = 'arn:aws:states:::lambda:invoke.waitForTaskToken';

/** Tokens handed to the `worker` Lambda, in order; a test awaits the next one instead of sleeping. */
class TokenInbox {
  private readonly tokens: string[] = [];
  private readonly waiters: ((token: string) => void)[] = [];

  receive(token: string): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(token);
    else this.tokens.push(token);
  }

  next(): Promise<string> {
    const token = this.tokens.shift();
    return token !== undefined ? Promise.resolve(token) : new Promise((resolve) => this.waiters.push(resolve));
  }
}

const workerMachine = (extra: object = {}) =>
  JSON.stringify({
    StartAt: 'Wait',
    States: {
      Wait: {
        Type: 'Task',
        Resource: WAIT_LAMBDA,
        Parameters: { FunctionName: 'worker', Payload: { 'token.$': '$$.Task.Token', 'order.$': '$.order' } },
        End: true,
        ...extra,
      },
    },
  });

async function start(sfn: SFNClient, name: string, definition: string, input: object = { order: 7 }): Promise<string> {
  const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN }));
  return (await sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }))).executionArn as string;
}

describe('task token callbacks', () => {
  const inbox = new TokenInbox();
  const embedded = useEmbeddedSandbox({ lambdaHandlers: { worker: (event) => (inbox.receive((event as { token: string }).token), { queued: true }) } });
  const sfn = () => embedded.clients.sfn;

  it('waits for SendTaskSuccess and returns its output as the task result', async () => {
    const executionArn = await start(sfn(), 'cb-success', workerMachine());
    const token = await inbox.next();
    expect((await sfn().send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    const answered = await sfn().send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: true }) }));
    expect(answered.$metadata.httpStatusCode).toBe(200);
    const done = await waitForExecution(sfn(), executionArn);
    expect(done).toMatchObject({ status: 'SUCCEEDED', output: '{"approved":true}' });
    const events = await historyOf(sfn(), executionArn);
    expect(events.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events[2].taskScheduledEventDetails).toMatchObject({ resource: 'invoke.waitForTaskToken', resourceType: 'lambda' });
    expect(JSON.parse(events[2].taskScheduledEventDetails?.parameters as string).Payload).toEqual({ token, order: 7 });
    expect(JSON.parse(events[4].taskSubmittedEventDetails?.output as string)).toMatchObject({ Payload: { queued: true }, StatusCode: 200 });
    expect(events[5].taskSucceededEventDetails).toEqual({
      resource: 'invoke.waitForTaskToken',
      resourceType: 'lambda',
      output: '{"approved":true}',
      outputDetails: { truncated: false },
    });
  });

  it('fails the task with the error and cause of SendTaskFailure', async () => {
    const executionArn = await start(sfn(), 'cb-failure', workerMachine());
    await sfn().send(new SendTaskFailureCommand({ taskToken: await inbox.next(), error: 'Rejected', cause: 'not approved' }));
    expect(await waitForExecution(sfn(), executionArn)).toMatchObject({ status: 'FAILED', error: 'Rejected', cause: 'not approved' });
    const failed = (await historyOf(sfn(), executionArn)).find((e) => e.type === 'TaskFailed');
    expect(failed?.taskFailedEventDetails).toEqual({ resource: 'invoke.waitForTaskToken', resourceType: 'lambda', error: 'Rejected', cause: 'not approved' });
  });

  it('fails the task with neither error nor cause when SendTaskFailure gives none; States.ALL catches it as nulls (recorded)', async () => {
    const caught = JSON.stringify({
      StartAt: 'Wait',
      States: {
        Wait: {
          Type: 'Task',
          Resource: WAIT_LAMBDA,
          Parameters: { FunctionName: 'worker', Payload: { 'token.$': '$$.Task.Token' } },
          Catch: [
            { ErrorEquals: ['States.Runtime'], ResultPath: '$.states_runtime_error', Next: 'Caught' },
            { ErrorEquals: ['States.ALL'], ResultPath: '$.states_all_error', Next: 'Caught' },
          ],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    });
    const executionArn = await start(sfn(), 'cb-failure-bare', caught, { order: 1 });
    await sfn().send(new SendTaskFailureCommand({ taskToken: await inbox.next() }));
    expect(await waitForExecution(sfn(), executionArn)).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"order":1,"states_all_error":{"Error":null,"Cause":null}}',
    });
    const failed = (await historyOf(sfn(), executionArn)).find((e) => e.type === 'TaskFailed');
    expect(failed?.taskFailedEventDetails).toEqual({ resource: 'invoke.waitForTaskToken', resourceType: 'lambda' });

    const uncaught = await start(sfn(), 'cb-failure-bare-uncaught', workerMachine());
    await sfn().send(new SendTaskFailureCommand({ taskToken: await inbox.next(), cause: 'only a cause' }));
    const done = await waitForExecution(sfn(), uncaught);
    expect(done).toMatchObject({ status: 'FAILED', cause: 'only a cause' });
    expect(done.error).toBeUndefined();
  });

  it('accepts heartbeats while the task waits and refuses every callback once it is over', async () => {
    const executionArn = await start(sfn(), 'cb-heartbeat', workerMachine({ HeartbeatSeconds: 600 }));
    const token = await inbox.next();
    expect((await sfn().send(new SendTaskHeartbeatCommand({ taskToken: token }))).$metadata.httpStatusCode).toBe(200);
    await sfn().send(new SendTaskSuccessCommand({ taskToken: token, output: '"done"' }));
    await waitForExecution(sfn(), executionArn);
    expect((await historyOf(sfn(), executionArn)).filter((e) => e.type?.startsWith('Task')).length).toBe(6);
    await expectAwsError(sfn().send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })), 'TaskTimedOut', 'Task Timed Out');
    await expectAwsError(sfn().send(new SendTaskHeartbeatCommand({ taskToken: token })), 'TaskTimedOut', 'Task Timed Out');
  });

  it('refuses the token of a stopped execution with TaskTimedOut', async () => {
    const executionArn = await start(sfn(), 'cb-stopped', workerMachine());
    const token = await inbox.next();
    await sfn().send(new StopExecutionCommand({ executionArn }));
    await expectAwsError(sfn().send(new SendTaskFailureCommand({ taskToken: token })), 'TaskTimedOut');
  });

  it('answers InvalidToken for a malformed token, TaskDoesNotExist for one no execution here issued, InvalidOutput for non-JSON output', async () => {
    await expectAwsError(sfn().send(new SendTaskSuccessCommand({ taskToken: 'garbage', output: '{}' })), 'InvalidToken', "Invalid Token: 'Invalid token'");
    const foreign = Buffer.from(JSON.stringify({ e: 'arn:aws:states:us-east-1:000000000000:execution:nowhere:x', n: 'n' })).toString('base64');
    await expectAwsError(sfn().send(new SendTaskHeartbeatCommand({ taskToken: foreign })), 'TaskDoesNotExist', 'Task Does Not Exist');
    const executionArn = await start(sfn(), 'cb-bad-output', workerMachine());
    const token = await inbox.next();
    await expectAwsError(
      sfn().send(new SendTaskSuccessCommand({ taskToken: token, output: '{not json' })),
      'InvalidOutput',
      /^Invalid State Machine Execution Output: '/,
    );
    // The refused answer left the task waiting.
    await sfn().send(new SendTaskSuccessCommand({ taskToken: token, output: '1' }));
    expect(await waitForExecution(sfn(), executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '1' });
  });

  it('lets a child execution answer its parent through aws-sdk:sfn:sendTaskSuccess (states:startExecution.waitForTaskToken)', async () => {
    const child = JSON.stringify({
      StartAt: 'Answer',
      States: {
        Answer: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:sfn:sendTaskSuccess',
          Parameters: { 'TaskToken.$': '$.token', Output: '{"from":"child"}' },
          End: true,
        },
      },
    });
    const { stateMachineArn: childArn } = await sfn().send(new CreateStateMachineCommand({ name: 'cb-child', definition: child, roleArn: ROLE_ARN }));
    const parent = JSON.stringify({
      StartAt: 'Start',
      States: {
        Start: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.waitForTaskToken',
          Parameters: { StateMachineArn: childArn, Input: { 'token.$': '$$.Task.Token' } },
          End: true,
        },
      },
    });
    const executionArn = await start(sfn(), 'cb-parent', parent, {});
    expect(await waitForExecution(sfn(), executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"from":"child"}' });
    const submitted = (await historyOf(sfn(), executionArn)).find((e) => e.type === 'TaskSubmitted');
    expect(submitted?.taskSubmittedEventDetails).toMatchObject({ resource: 'startExecution.waitForTaskToken', resourceType: 'states' });
  });

  it('gives JSONata states the token in $states.context.Task.Token (aws-sdk:dynamodb:putItem.waitForTaskToken)', async () => {
    await createTable(embedded.clients.dynamodb, 'callback-tokens');
    const definition = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'Park',
      States: {
        Park: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:dynamodb:putItem.waitForTaskToken',
          Arguments: { TableName: 'callback-tokens', Item: { pk: { S: 'job-1' }, token: { S: '{% $states.context.Task.Token %}' } } },
          End: true,
        },
      },
    });
    const executionArn = await start(sfn(), 'cb-jsonata', definition, {});
    const item = await poll(
      () => embedded.clients.dynamodb.send(new GetItemCommand({ TableName: 'callback-tokens', Key: { pk: { S: 'job-1' } } })),
      (found) => found.Item !== undefined,
      20_000,
      'the parked token',
    );
    await sfn().send(new SendTaskSuccessCommand({ taskToken: item.Item?.token.S, output: '{"resumed":true}' }));
    expect(await waitForExecution(sfn(), executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"resumed":true}' });
    const submitted = (await historyOf(sfn(), executionArn)).find((e) => e.type === 'TaskSubmitted');
    expect(submitted?.taskSubmittedEventDetails).toMatchObject({ resource: 'putItem.waitForTaskToken', resourceType: 'aws-sdk:dynamodb' });
  });

  it('fails an aws-sdk:sfn:sendTaskFailure call with a malformed token as Sfn.InvalidTokenException', async () => {
    const definition = JSON.stringify({
      StartAt: 'Fail',
      States: { Fail: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:sfn:sendTaskFailure', Parameters: { TaskToken: 'garbage' }, End: true } },
    });
    const done = await waitForExecution(sfn(), await start(sfn(), 'cb-sdk-invalid', definition, {}));
    expect(done.error).toBe('Sfn.InvalidTokenException');
    expect(done.cause).toMatch(/^Invalid Token: 'Invalid token' \(Service: Sfn, Status Code: 400, Request ID: /);
  });
});

describe('task token timeouts', () => {
  it('times a callback task out after TimeoutSeconds: TaskTimedOut, then ExecutionFailed with States.Timeout', async () => {
    // 1 workflow second = 5 real ms: the 1-second timeout expires quickly even on a loaded machine.
    const sandbox = await startSandbox({ config: configFromEnv({ SFN_TIME_SCALE: '0.005' }), port: 0, lambdaHandlers: { worker: () => ({}) } });
    const clients = sandbox.clients();
    try {
      const executionArn = await start(clients.sfn, 'cb-timeout', workerMachine({ TimeoutSeconds: 1 }));
      expect(await waitForExecution(clients.sfn, executionArn)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
      const events = await historyOf(clients.sfn, executionArn);
      expect(events.slice(-2).map((e) => e.type)).toEqual(['TaskTimedOut', 'ExecutionFailed']);
      expect(events.at(-2)?.taskTimedOutEventDetails).toEqual({ resource: 'invoke.waitForTaskToken', resourceType: 'lambda', error: 'States.Timeout' });
      expect(events.at(-1)?.executionFailedEventDetails).toEqual({ error: 'States.Timeout' });
    } finally {
      clients.destroy();
      await sandbox.close();
    }
  });
});

describe('task tokens across an orderly restart with a data dir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sfn-callbacks-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const open = (inbox?: TokenInbox) =>
    startSandbox({
      config: configFromEnv({ SFN_TIME_SCALE: '0' }),
      port: 0,
      store: openDiskStore(join(dir, 'stepfunctions')),
      lambdaHandlers: { worker: (event) => (inbox?.receive((event as { token: string }).token), {}) },
    });

  it('ends a waiting execution like any running one (ABORTED) and answers its token with TaskTimedOut afterwards', async () => {
    const inbox = new TokenInbox();
    const first = await open(inbox);
    const firstClients = first.clients();
    const executionArn = await start(firstClients.sfn, 'cb-restart', workerMachine());
    const token = await inbox.next();
    firstClients.destroy();
    await first.close();

    const second = await open();
    const clients = second.clients();
    try {
      expect((await clients.sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('ABORTED');
      await expectAwsError(clients.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })), 'TaskTimedOut');
    } finally {
      clients.destroy();
      await second.close();
    }
  });
});
