// Activities through a real SFNClient: the resource API (CreateActivity, DescribeActivity, ListActivities,
// DeleteActivity, tags) and activity Task states driven by a worker written the way SDK v3 workers are
// (GetActivityTask long poll, then SendTaskSuccess / SendTaskFailure). Shapes, events and errors as recorded.
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DeleteActivityCommand,
  DescribeActivityCommand,
  GetActivityTaskCommand,
  ListActivitiesCommand,
  ListTagsForResourceCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  TagResourceCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { historyOf, waitForExecution } from './redrive-support';
import { expectAwsError } from './support/expect-error';
import { ROLE_ARN, startHarness, type Harness } from './support/harness';

const ACTIVITY_PREFIX = 'arn:aws:states:us-east-1:000000000000:activity:';

const activityMachine = (activityArn: string, extra: object = {}) =>
  JSON.stringify({ StartAt: 'ActivityTask', States: { ActivityTask: { Type: 'Task', Resource: activityArn, End: true, ...extra } } });

async function startOn(client: SFNClient, name: string, definition: string, input: object = { Value1: 'HelloWorld' }): Promise<string> {
  const { stateMachineArn } = await client.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN }));
  return (await client.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }))).executionArn as string;
}

describe('activity API', () => {
  let h: Harness<never>;
  beforeEach(async () => (h = await startHarness({ activityPollMs: 50 })));
  afterEach(() => h.close());

  it('creates (idempotently), describes, lists and deletes activities', async () => {
    const created = await h.client.send(new CreateActivityCommand({ name: 'activity.name-1' }));
    expect(created.activityArn).toBe(`${ACTIVITY_PREFIX}activity.name-1`);
    const again = await h.client.send(new CreateActivityCommand({ name: 'activity.name-1' }));
    expect(again).toMatchObject({ activityArn: created.activityArn, creationDate: created.creationDate });
    const { $metadata, ...described } = await h.client.send(new DescribeActivityCommand({ activityArn: created.activityArn }));
    expect(described).toEqual({
      activityArn: created.activityArn,
      name: 'activity.name-1',
      creationDate: created.creationDate,
      encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
    });
    await h.client.send(new CreateActivityCommand({ name: 'second' }));
    const listed = await h.client.send(new ListActivitiesCommand({ maxResults: 1 }));
    expect(listed.activities).toEqual([{ activityArn: created.activityArn, name: 'activity.name-1', creationDate: created.creationDate }]);
    const rest = await h.client.send(new ListActivitiesCommand({ nextToken: listed.nextToken }));
    expect(rest.activities?.map((a) => a.name)).toEqual(['second']);
    expect(rest.nextToken).toBeUndefined();
    await h.client.send(new DeleteActivityCommand({ activityArn: created.activityArn }));
    await h.client.send(new DeleteActivityCommand({ activityArn: created.activityArn }));
    const arn = created.activityArn as string;
    await expectAwsError(h.client.send(new DescribeActivityCommand({ activityArn: arn })), 'ActivityDoesNotExist', `Activity Does Not Exist: '${arn}'`);
    await expectAwsError(h.client.send(new GetActivityTaskCommand({ activityArn: arn })), 'ActivityDoesNotExist', `Activity Does Not Exist: '${arn}'`);
  });

  it('refuses a second CreateActivity of the name with other encryption settings [UNCONFIRMED wording]', async () => {
    const { activityArn } = await h.client.send(new CreateActivityCommand({ name: 'encrypted' }));
    await expectAwsError(
      h.client.send(new CreateActivityCommand({ name: 'encrypted', encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY', kmsKeyId: 'key-1' } })),
      'ActivityAlreadyExists',
      `Activity Already Exists: '${activityArn}'`,
    );
  });

  it('refuses bad names and ARNs as recorded', async () => {
    await expectAwsError(h.client.send(new CreateActivityCommand({ name: 'activity name' })), 'InvalidName', "Invalid Name: 'activity name'");
    await expectAwsError(h.client.send(new CreateActivityCommand({ name: 'activity:name' })), 'InvalidName', "Invalid Name: 'activity:name'");
    await expectAwsError(
      h.client.send(new DescribeActivityCommand({ activityArn: 'no_an_activity_arn' })),
      'InvalidArn',
      "Invalid Arn: 'Invalid ARN prefix: no_an_activity_arn'",
    );
    await expectAwsError(
      h.client.send(new GetActivityTaskCommand({ activityArn: 'no_an_activity_arn' })),
      'InvalidArn',
      "Invalid Arn: 'Invalid ARN prefix: no_an_activity_arn'",
    );
  });

  it('keeps tags on activities (CreateActivity tags, TagResource, ListTagsForResource)', async () => {
    const { activityArn } = await h.client.send(new CreateActivityCommand({ name: 'tagged', tags: [{ key: 'team', value: 'ops' }] }));
    await h.client.send(new TagResourceCommand({ resourceArn: activityArn, tags: [{ key: 'tier', value: '1' }] }));
    expect((await h.client.send(new ListTagsForResourceCommand({ resourceArn: activityArn }))).tags).toEqual([
      { key: 'team', value: 'ops' },
      { key: 'tier', value: '1' },
    ]);
    await expectAwsError(h.client.send(new ListTagsForResourceCommand({ resourceArn: `${ACTIVITY_PREFIX}missing` })), 'ResourceNotFound');
  });

  it('answers a poll with no task (no token, no input) once the poll limit passes', async () => {
    const { activityArn } = await h.client.send(new CreateActivityCommand({ name: 'idle' }));
    const { $metadata, ...empty } = await h.client.send(new GetActivityTaskCommand({ activityArn, workerName: 'w' }));
    expect(empty).toEqual({});
  });

  it('answers pending polls at once when the service closes', async () => {
    const slow = await startHarness({ activityPollMs: 600_000 });
    const { activityArn } = await slow.client.send(new CreateActivityCommand({ name: 'closing' }));
    const poll = slow.client.send(new GetActivityTaskCommand({ activityArn }));
    // Whether the poll is already waiting or arrives after the close, it is answered at once with no task.
    await slow.client.send(new DescribeActivityCommand({ activityArn }));
    await slow.service.close();
    expect((await poll).taskToken).toBeUndefined();
    await slow.close();
  });
});

describe('activity Task states', () => {
  let h: Harness<never>;
  beforeEach(async () => (h = await startHarness({ activityPollMs: 600_000 })));
  afterEach(() => h.close());

  /** An SDK v3 worker: one long poll, then the answer `work` gives. */
  async function workOnce(activityArn: string, work: (input: unknown, token: string) => Promise<unknown>, workerName?: string): Promise<unknown> {
    const task = await h.client.send(new GetActivityTaskCommand({ activityArn, workerName }));
    if (!task.taskToken) throw new Error('no task');
    return work(JSON.parse(task.input as string), task.taskToken);
  }

  it('hands the input to a waiting worker and succeeds with its output (recorded events)', async () => {
    const { activityArn } = await h.client.send(new CreateActivityCommand({ name: 'work' }));
    const worker = workOnce(
      activityArn as string,
      (input, taskToken) => h.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(input) })),
      'BASE_ID_ACTIVITY_CONSUMER',
    );
    const executionArn = await startOn(h.client, 'activity-success', activityMachine(activityArn as string));
    await worker;
    expect(await waitForExecution(h.client, executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '{"Value1":"HelloWorld"}' });
    const events = await historyOf(h.client, executionArn);
    expect(events.map((e) => [e.id, e.previousEventId, e.type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 0, 'TaskStateEntered'],
      [3, 2, 'ActivityScheduled'],
      [4, 3, 'ActivityStarted'],
      [5, 4, 'ActivitySucceeded'],
      [6, 5, 'TaskStateExited'],
      [7, 6, 'ExecutionSucceeded'],
    ]);
    expect(events[2].activityScheduledEventDetails).toEqual({ resource: activityArn, input: '{"Value1":"HelloWorld"}', inputDetails: { truncated: false } });
    expect(events[3].activityStartedEventDetails).toEqual({ workerName: 'BASE_ID_ACTIVITY_CONSUMER' });
    expect(events[4].activitySucceededEventDetails).toEqual({ output: '{"Value1":"HelloWorld"}', outputDetails: { truncated: false } });
  });

  it('queues the task until a worker polls; a worker without a name starts it with empty details; heartbeats are accepted', async () => {
    const { activityArn } = await h.client.send(new CreateActivityCommand({ name: 'queued' }));
    const executionArn = await startOn(h.client, 'activity-queued', activityMachine(activityArn as string, { HeartbeatSeconds: 10, TimeoutSeconds: 60 }));
    await workOnce(activityArn as string, async (_input, taskToken) => {
      await h.client.send(new SendTaskHeartbeatCommand({ taskToken }));
      await h.client.send(new SendTaskSuccessCommand({ taskToken, output: '"ok"' }));
    });
    expect(await waitForExecution(h.client, executionArn)).toMatchObject({ status: 'SUCCEEDED', output: '"ok"' });
    const events = await historyOf(h.client, executionArn);
    expect(events[2].activityScheduledEventDetails).toMatchObject({ timeoutInSeconds: 60, heartbeatInSeconds: 10 });
    expect(events[3].activityStartedEventDetails).toEqual({});
  });

  it('fails with the worker error (ActivityFailed, then ExecutionFailed)', async () => {
    const { activityArn } = await h.client.send(new CreateActivityCommand({ name: 'failing' }));
    const executionArn = await startOn(h.client, 'activity-failure', activityMachine(activityArn as string));
    await workOnce(activityArn as string, (input, taskToken) =>
      h.client.send(new SendTaskFailureCommand({ taskToken, error: 'Programmatic Error', cause: JSON.stringify(input) })),
    );
    expect(await waitForExecution(h.client, executionArn)).toMatchObject({ status: 'FAILED', error: 'Programmatic Error' });
    const events = await historyOf(h.client, executionArn);
    expect(events.slice(-2).map((e) => e.type)).toEqual(['ActivityFailed', 'ExecutionFailed']);
    expect(events.at(-2)?.activityFailedEventDetails).toEqual({ error: 'Programmatic Error', cause: '{"Value1":"HelloWorld"}' });
  });

  it('fails with States.Runtime and no activity events when the activity does not exist (recorded)', async () => {
    const { activityArn } = await h.client.send(new CreateActivityCommand({ name: 'deleted' }));
    await h.client.send(new DeleteActivityCommand({ activityArn }));
    const executionArn = await startOn(h.client, 'activity-deleted', activityMachine(activityArn as string));
    expect(await waitForExecution(h.client, executionArn)).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: `An error occurred while executing the state 'ActivityTask' (entered at the event id #2). The activity ${activityArn} does not exist.`,
    });
    expect((await historyOf(h.client, executionArn)).map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ExecutionFailed']);
  });

  it('refuses an activity Task in an EXPRESS state machine (recorded)', async () => {
    const definition = activityMachine(`${ACTIVITY_PREFIX}any`);
    await expectAwsError(
      h.client.send(new CreateStateMachineCommand({ name: 'express-activity', definition, roleArn: ROLE_ARN, type: 'EXPRESS' })),
      'InvalidDefinition',
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support Activity ARN at /States/ActivityTask/Resource'",
    );
  });
});

describe('activity timeouts', () => {
  it('times out a task no worker takes: ActivityTimedOut, then ExecutionFailed with States.Timeout', async () => {
    // 1 workflow second = 5 real ms.
    const h = await startHarness({ env: { SFN_TIME_SCALE: '0.005' } });
    try {
      const { activityArn } = await h.client.send(new CreateActivityCommand({ name: 'nobody' }));
      const executionArn = await startOn(h.client, 'activity-timeout', activityMachine(activityArn as string, { TimeoutSeconds: 1 }));
      expect(await waitForExecution(h.client, executionArn)).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
      const events = await historyOf(h.client, executionArn);
      expect(events.map((e) => e.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityTimedOut', 'ExecutionFailed']);
      expect(events[3].activityTimedOutEventDetails).toEqual({ error: 'States.Timeout' });
    } finally {
      await h.close();
    }
  });
});
