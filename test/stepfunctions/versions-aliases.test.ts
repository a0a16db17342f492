// Versions and aliases through a real SFNClient: publishing (PublishStateMachineVersion, `publish` on
// Create/Update), listing and deleting versions, alias lifecycle with weighted routing, executions started
// by version or alias ARN. Shapes, orders and error texts as recorded against AWS.
import {
  CreateStateMachineAliasCommand,
  CreateStateMachineCommand,
  DeleteStateMachineAliasCommand,
  DeleteStateMachineCommand,
  DeleteStateMachineVersionCommand,
  DescribeExecutionCommand,
  DescribeStateMachineAliasCommand,
  DescribeStateMachineCommand,
  DescribeStateMachineForExecutionCommand,
  ListExecutionsCommand,
  ListStateMachineAliasesCommand,
  ListStateMachineVersionsCommand,
  PublishStateMachineVersionCommand,
  StartExecutionCommand,
  TagResourceCommand,
  UpdateStateMachineAliasCommand,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { chooseVersion } from '../../src/services/stepfunctions/api/versions';
import { historyOf, waitForExecution } from './redrive-support';
import { expectAwsError } from './support/expect-error';
import { passDefinition, ROLE_ARN, startHarness, type Harness } from './support/harness';

const SM_PREFIX = 'arn:aws:states:us-east-1:000000000000:stateMachine:';

describe('state machine versions', () => {
  let h: Harness<never>;
  beforeEach(async () => (h = await startHarness()));
  afterEach(() => h.close());
  const create = (name: string, extra: object = {}) =>
    h.client.send(new CreateStateMachineCommand({ name, definition: passDefinition(), roleArn: ROLE_ARN, ...extra }));
  const update = (stateMachineArn: string, result: string, extra: object = {}) =>
    h.client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: passDefinition({ result }), ...extra }));
  const versions = async (stateMachineArn: string) =>
    (await h.client.send(new ListStateMachineVersionsCommand({ stateMachineArn }))).stateMachineVersions?.map((v) => v.stateMachineVersionArn);

  it('publishes on create with publish: true, and describes the version with its description', async () => {
    const created = await create('pub', { publish: true, versionDescription: 'HelloWorld!' });
    expect(created.stateMachineVersionArn).toBe(`${SM_PREFIX}pub:1`);
    const { $metadata, ...version } = await h.client.send(new DescribeStateMachineCommand({ stateMachineArn: `${SM_PREFIX}pub:1` }));
    expect(version).toMatchObject({
      stateMachineArn: `${SM_PREFIX}pub:1`,
      name: 'pub',
      status: 'ACTIVE',
      description: 'HelloWorld!',
      definition: passDefinition(),
      type: 'STANDARD',
    });
    const plain = await h.client.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    expect(plain.description).toBeUndefined();
    expect((await create('nopub')).stateMachineVersionArn).toBeUndefined();
  });

  it('publishes the current revision, idempotently, newest first in the list; numbers never come back', async () => {
    const arn = (await create('seq')).stateMachineArn as string;
    const r1 = await update(arn, 'r1');
    const v1 = await h.client.send(new PublishStateMachineVersionCommand({ stateMachineArn: arn, revisionId: r1.revisionId }));
    expect(v1.stateMachineVersionArn).toBe(`${arn}:1`);
    expect((await h.client.send(new PublishStateMachineVersionCommand({ stateMachineArn: arn }))).stateMachineVersionArn).toBe(`${arn}:1`);
    const r2 = await update(arn, 'r2', { publish: true, versionDescription: 'second' });
    expect(r2).toMatchObject({ stateMachineVersionArn: `${arn}:2`, revisionId: expect.any(String) });
    expect(await versions(arn)).toEqual([`${arn}:2`, `${arn}:1`]);
    const v1Described = await h.client.send(new DescribeStateMachineCommand({ stateMachineArn: `${arn}:1` }));
    expect(v1Described).toMatchObject({ revisionId: r1.revisionId, definition: passDefinition({ result: 'r1' }) });
    await h.client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${arn}:2` }));
    await h.client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: `${arn}:2` }));
    await expectAwsError(
      h.client.send(new DescribeStateMachineCommand({ stateMachineArn: `${arn}:2` })),
      'StateMachineDoesNotExist',
      `State Machine Does Not Exist: '${arn}:2'`,
    );
    await update(arn, 'r3');
    expect((await h.client.send(new PublishStateMachineVersionCommand({ stateMachineArn: arn }))).stateMachineVersionArn).toBe(`${arn}:3`);
  });

  it('refuses to publish a revision that is no longer current, and unknown or malformed state machines (recorded)', async () => {
    const arn = (await create('conflict')).stateMachineArn as string;
    const r1 = await update(arn, 'r1');
    const r2 = await update(arn, 'r2');
    await expectAwsError(
      h.client.send(new PublishStateMachineVersionCommand({ stateMachineArn: arn, revisionId: r1.revisionId })),
      'ConflictException',
      `Failed to publish the State Machine version for revision ${r1.revisionId}. The current State Machine revision is ${r2.revisionId}.`,
    );
    await expectAwsError(
      h.client.send(new PublishStateMachineVersionCommand({ stateMachineArn: 'invalid_arn' })),
      'InvalidArn',
      "Invalid Arn: 'Invalid ARN prefix: invalid_arn'",
    );
    await expectAwsError(h.client.send(new PublishStateMachineVersionCommand({ stateMachineArn: `${SM_PREFIX}none` })), 'StateMachineDoesNotExist');
    await expectAwsError(update(`${arn}:1`, 'x'), 'StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}:1'`);
    await expectAwsError(h.client.send(new TagResourceCommand({ resourceArn: `${arn}:1`, tags: [] })), 'ResourceNotFound', `Resource not found: '${arn}:1'`);
  });

  it('runs an execution of a version: its revision, stateMachineVersionArn in Describe/ListExecutions, listable by version', async () => {
    const arn = (await create('run-version', { publish: true })).stateMachineArn as string;
    await update(arn, 'later');
    const byVersion = await h.client.send(new StartExecutionCommand({ stateMachineArn: `${arn}:1`, name: 'v' }));
    expect(byVersion.executionArn).toBe('arn:aws:states:us-east-1:000000000000:execution:run-version:v');
    const done = await waitForExecution(h.client, byVersion.executionArn as string);
    expect(done).toMatchObject({ status: 'SUCCEEDED', stateMachineArn: arn, stateMachineVersionArn: `${arn}:1`, output: '{"Arg1":"argument1"}' });
    expect(done.stateMachineAliasArn).toBeUndefined();
    // Recorded: the state machine ARN (not the version's) with the version's definition.
    const forExecution = await h.client.send(new DescribeStateMachineForExecutionCommand({ executionArn: byVersion.executionArn }));
    expect(forExecution).toMatchObject({ stateMachineArn: arn, name: 'run-version', definition: passDefinition() });
    await waitForExecution(h.client, (await h.client.send(new StartExecutionCommand({ stateMachineArn: arn, name: 'latest' }))).executionArn as string);
    const all = await h.client.send(new ListExecutionsCommand({ stateMachineArn: arn }));
    expect(all.executions?.map((e) => [e.name, e.stateMachineVersionArn])).toEqual([
      ['latest', undefined],
      ['v', `${arn}:1`],
    ]);
    const onlyVersion = await h.client.send(new ListExecutionsCommand({ stateMachineArn: `${arn}:1` }));
    expect(onlyVersion.executions?.map((e) => e.name)).toEqual(['v']);
    await expectAwsError(
      h.client.send(new StartExecutionCommand({ stateMachineArn: `${arn}:9` })),
      'StateMachineDoesNotExist',
      `State Machine Does Not Exist: '${arn}:9'`,
    );
  });
});

describe('state machine aliases', () => {
  let h: Harness<never>;
  let arn: string;
  beforeEach(async () => {
    h = await startHarness();
    arn = (await h.client.send(new CreateStateMachineCommand({ name: 'aliased', definition: passDefinition(), roleArn: ROLE_ARN, publish: true })))
      .stateMachineArn as string;
    await h.client.send(new UpdateStateMachineCommand({ stateMachineArn: arn, definition: passDefinition({ v: 2 }), publish: true }));
  });
  afterEach(() => h.close());
  const v = (n: number) => `${arn}:${n}`;
  const createAlias = (name: string, routingConfiguration: { stateMachineVersionArn: string; weight: number }[], description?: string) =>
    h.client.send(new CreateStateMachineAliasCommand({ name, routingConfiguration, description }));

  it('creates (idempotently), describes, updates, lists and deletes aliases', async () => {
    const created = await createAlias('live', [{ stateMachineVersionArn: v(1), weight: 100 }], 'first');
    expect(created.stateMachineAliasArn).toBe(`${arn}:live`);
    expect((await createAlias('live', [{ stateMachineVersionArn: v(1), weight: 100 }])).creationDate).toEqual(created.creationDate);
    // [UNCONFIRMED] before any update, updateDate is the creation date.
    expect((await h.client.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: created.stateMachineAliasArn }))).updateDate).toEqual(
      created.creationDate,
    );
    await expectAwsError(
      createAlias('live', [{ stateMachineVersionArn: v(2), weight: 100 }]),
      'ConflictException',
      'Failed to create alias because an alias with the same name and a different routing configuration already exists.',
    );
    const updated = await h.client.send(
      new UpdateStateMachineAliasCommand({
        stateMachineAliasArn: created.stateMachineAliasArn,
        description: 'new description',
        routingConfiguration: [
          { stateMachineVersionArn: v(1), weight: 50 },
          { stateMachineVersionArn: v(2), weight: 50 },
        ],
      }),
    );
    const { $metadata, ...described } = await h.client.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: created.stateMachineAliasArn }));
    expect(described).toEqual({
      stateMachineAliasArn: `${arn}:live`,
      name: 'live',
      description: 'new description',
      routingConfiguration: [
        { stateMachineVersionArn: v(1), weight: 50 },
        { stateMachineVersionArn: v(2), weight: 50 },
      ],
      creationDate: created.creationDate,
      updateDate: updated.updateDate,
    });
    await createAlias('second', [{ stateMachineVersionArn: v(2), weight: 100 }]);
    const page = await h.client.send(new ListStateMachineAliasesCommand({ stateMachineArn: arn, maxResults: 1 }));
    expect(page.stateMachineAliases?.map((a) => a.stateMachineAliasArn)).toEqual([`${arn}:live`]);
    const rest = await h.client.send(new ListStateMachineAliasesCommand({ stateMachineArn: arn, nextToken: page.nextToken }));
    expect(rest.stateMachineAliases?.map((a) => a.stateMachineAliasArn)).toEqual([`${arn}:second`]);
    await expectAwsError(
      h.client.send(new ListStateMachineAliasesCommand({ stateMachineArn: arn, nextToken: 'garbage' })),
      'InvalidToken',
      "Invalid Token: 'Invalid token'",
    );
    await h.client.send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn: `${arn}:second` }));
    await h.client.send(new DeleteStateMachineAliasCommand({ stateMachineAliasArn: `${arn}:second` }));
    expect((await h.client.send(new ListStateMachineAliasesCommand({ stateMachineArn: arn }))).stateMachineAliases).toHaveLength(1);
    await expectAwsError(
      h.client.send(new UpdateStateMachineAliasCommand({ stateMachineAliasArn: `${arn}:second`, description: 'x' })),
      'ResourceNotFound',
      'Request references a resource that does not exist.',
    );
  });

  it('validates alias names and routing with the recorded messages', async () => {
    const pattern = '^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$';
    for (const name of ['123', 'ALIAS@', 'INVALID ALIAS']) {
      await expectAwsError(
        createAlias(name, [{ stateMachineVersionArn: v(1), weight: 100 }]),
        'ValidationException',
        `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern}`,
      );
    }
    await expectAwsError(
      createAlias('w', [{ stateMachineVersionArn: v(1), weight: 101 }]),
      'ValidationException',
      "1 validation error detected: Value '101' at 'routingConfiguration.1.member.weight' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
    await expectAwsError(
      createAlias('three', [
        { stateMachineVersionArn: v(1), weight: 50 },
        { stateMachineVersionArn: v(2), weight: 30 },
        { stateMachineVersionArn: v(3), weight: 20 },
      ]),
      'ValidationException',
      `1 validation error detected: Value '[RoutingConfigurationListItem(stateMachineVersionArn=${v(1)}, weight=50), RoutingConfigurationListItem(stateMachineVersionArn=${v(2)}, weight=30), RoutingConfigurationListItem(stateMachineVersionArn=${v(3)}, weight=20)]' at 'routingConfiguration' failed to satisfy constraint: Member must have length less than or equal to 2`,
    );
    await expectAwsError(
      createAlias('unversioned', [
        { stateMachineVersionArn: arn, weight: 50 },
        { stateMachineVersionArn: v(2), weight: 50 },
      ]),
      'ValidationException',
      `Routing configuration must contain state machine version ARNs. Received: [${arn}, ${v(2)}]`,
    );
    await expectAwsError(
      createAlias('twice', [
        { stateMachineVersionArn: v(1), weight: 50 },
        { stateMachineVersionArn: v(1), weight: 50 },
      ]),
      'ValidationException',
      `Routing configuration must contain distinct state machine version ARNs. Received: [${v(1)}, ${v(1)}]`,
    );
    await expectAwsError(
      createAlias('sum', [
        { stateMachineVersionArn: v(1), weight: 70 },
        { stateMachineVersionArn: v(2), weight: 29 },
      ]),
      'ValidationException',
      'Sum of routing configuration weights must equal 100. Received: [70, 29]',
    );
    // [UNCONFIRMED] both below: no recording covers them.
    await expectAwsError(
      createAlias('missing', [{ stateMachineVersionArn: v(7), weight: 100 }]),
      'ResourceNotFound',
      'Request references a resource that does not exist.',
    );
    const other = (await h.client.send(new CreateStateMachineCommand({ name: 'other', definition: passDefinition(), roleArn: ROLE_ARN, publish: true })))
      .stateMachineVersionArn as string;
    await expectAwsError(
      createAlias('mixed', [
        { stateMachineVersionArn: v(1), weight: 50 },
        { stateMachineVersionArn: other, weight: 50 },
      ]),
      'ValidationException',
      `Routing configuration must contain versions of one state machine. Received: [${v(1)}, ${other}]`,
    );
  });

  it('keeps a version an alias routes to, and deletes the aliases and versions with their state machine', async () => {
    await createAlias('pinned', [{ stateMachineVersionArn: v(2), weight: 100 }]);
    await expectAwsError(
      h.client.send(new DeleteStateMachineVersionCommand({ stateMachineVersionArn: v(2) })),
      'ConflictException',
      'Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [pinned]',
    );
    await h.client.send(new DeleteStateMachineCommand({ stateMachineArn: arn }));
    await expectAwsError(h.client.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: `${arn}:pinned` })), 'ResourceNotFound');
    await expectAwsError(h.client.send(new DescribeStateMachineCommand({ stateMachineArn: v(1) })), 'StateMachineDoesNotExist');
  });

  it('starts executions through an alias: the chosen version and the alias are on the execution', async () => {
    await createAlias('all-on-two', [
      { stateMachineVersionArn: v(1), weight: 0 },
      { stateMachineVersionArn: v(2), weight: 100 },
    ]);
    const { executionArn } = await h.client.send(new StartExecutionCommand({ stateMachineArn: `${arn}:all-on-two`, name: 'through-alias' }));
    expect(executionArn).toBe('arn:aws:states:us-east-1:000000000000:execution:aliased:through-alias');
    const done = await waitForExecution(h.client, executionArn as string);
    expect(done).toMatchObject({
      status: 'SUCCEEDED',
      output: '{"v":2}',
      stateMachineArn: arn,
      stateMachineVersionArn: v(2),
      stateMachineAliasArn: `${arn}:all-on-two`,
    });
    const listed = await h.client.send(new ListExecutionsCommand({ stateMachineArn: `${arn}:all-on-two` }));
    expect(listed.executions?.map((e) => [e.name, e.stateMachineVersionArn, e.stateMachineAliasArn])).toEqual([['through-alias', v(2), `${arn}:all-on-two`]]);
    expect((await h.client.send(new DescribeExecutionCommand({ executionArn }))).stateMachineAliasArn).toBe(`${arn}:all-on-two`);
    const [started] = await historyOf(h.client, executionArn as string);
    expect(started.executionStartedEventDetails).toMatchObject({ stateMachineAliasArn: `${arn}:all-on-two`, stateMachineVersionArn: v(2) });
  });
});

describe('alias weighted routing', () => {
  const routing = [
    { stateMachineVersionArn: 'v1', weight: 30 },
    { stateMachineVersionArn: 'v2', weight: 70 },
  ];

  it.each([
    [0, 'v1'],
    [0.2999, 'v1'],
    [0.3, 'v2'],
    [0.9999, 'v2'],
  ])('random %d picks %s', (random, expected) => {
    expect(chooseVersion(routing, () => random)).toBe(expected);
  });

  it('never picks a version with weight 0', () => {
    expect(
      chooseVersion(
        [
          { stateMachineVersionArn: 'v1', weight: 100 },
          { stateMachineVersionArn: 'v2', weight: 0 },
        ],
        () => 0.99999999,
      ),
    ).toBe('v1');
  });
});
