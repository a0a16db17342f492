// State machine operations through a real SFNClient: success shapes and recorded errors (docs/aws-behaviour.md#api-operations, #api-protocol-and-errors).
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeStateMachineCommand,
  ListStateMachinesCommand,
  StartExecutionCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
} from '@aws-sdk/client-sfn';
import { expectAwsError } from './support/expect-error';
import { passDefinition, ROLE_ARN, startHarness, waitDefinition, type Harness } from './support/harness';
import { FakeEngine } from './support/fake-engine';
import { ManualClock } from './support/manual-clock';

const SM_PREFIX = 'arn:aws:states:us-east-1:000000000000:stateMachine:';

describe('state machine API', () => {
  let h: Harness<never>;
  beforeEach(async () => (h = await startHarness()));
  afterEach(() => h.close());
  const create = (name: string, definition = passDefinition(), extra: object = {}) =>
    h.client.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN, ...extra }));

  it('creates and describes with the recorded defaults', async () => {
    const created = await create('sm-1');
    expect(created.stateMachineArn).toBe(`${SM_PREFIX}sm-1`);
    expect(created.creationDate).toBeInstanceOf(Date);
    const described = await h.client.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    const { $metadata, ...body } = described;
    expect(body).toEqual({
      stateMachineArn: `${SM_PREFIX}sm-1`,
      name: 'sm-1',
      status: 'ACTIVE',
      definition: passDefinition(),
      roleArn: ROLE_ARN,
      type: 'STANDARD',
      creationDate: created.creationDate,
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
      encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
    });
    expect($metadata.httpStatusCode).toBe(200);
  });

  it('is idempotent for an identical create and rejects a differently formatted definition', async () => {
    const first = await create('dup');
    const again = await create('dup');
    expect(again.stateMachineArn).toBe(first.stateMachineArn);
    expect(again.creationDate).toEqual(first.creationDate);
    const reformatted = JSON.stringify(JSON.parse(passDefinition()), null, 4);
    await expectAwsError(create('dup', reformatted), 'StateMachineAlreadyExists', `State Machine Already Exists: '${SM_PREFIX}dup'`);
  });

  it.each([
    ['Python json.dumps separators', (d: unknown) => JSON.stringify(d).replaceAll(',', ', ').replaceAll('":', '": ')],
    ['a trailing newline', (d: unknown) => `${JSON.stringify(d)}\n`],
    ['indent=4', (d: unknown) => JSON.stringify(d, null, 4)],
  ])(
    'compares the definition text: the same JSON with %s is StateMachineAlreadyExists (recorded test_create_duplicate_definition_format_sm)',
    async (_, format) => {
      const definition = { Comment: 'BASE_PASS_RESULT', StartAt: 'State_1', States: { State_1: { Type: 'Pass', Result: { Arg1: 'argument1' }, End: true } } };
      await create('formats', JSON.stringify(definition));
      await expectAwsError(create('formats', format(definition)), 'StateMachineAlreadyExists', `State Machine Already Exists: '${SM_PREFIX}formats'`);
    },
  );

  it('rejects bad definitions, names, roles, tags and logging settings', async () => {
    await expectAwsError(
      create('bad', JSON.stringify({ StartAt: 'A' })),
      'InvalidDefinition',
      "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'",
    );
    await expectAwsError(create('a b'), 'InvalidName', "Invalid Name: 'a b'");
    await expectAwsError(
      create('x'.repeat(81)),
      'ValidationException',
      `1 validation error detected: Value '${'x'.repeat(81)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80`,
    );
    await expectAwsError(
      h.client.send(new CreateStateMachineCommand({ name: 'r', definition: passDefinition(), roleArn: 'not-a-role' })),
      'InvalidArn',
      "Invalid Arn: 'Invalid ARN prefix: not-a-role'",
    );
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    await expectAwsError(create('t', passDefinition(), { tags }), 'TooManyTags');
    await expectAwsError(
      create('l', passDefinition(), { loggingConfiguration: { level: 'ALL' } }),
      'InvalidLoggingConfiguration',
      'Invalid Logging Configuration: Must specify exactly one Log Destination.',
    );
    await expectAwsError(
      create('l2', passDefinition(), { loggingConfiguration: { level: 'ERROR', destinations: [{ cloudWatchLogsLogGroup: {} }] } }),
      'InvalidLoggingConfiguration',
      'Invalid Logging Configuration: Log Destination not found.',
    );
    await expectAwsError(
      create('p', passDefinition(), { versionDescription: 'v' }),
      'ValidationException',
      'Version description can only be set when publish is true',
    );
  });

  it('keeps logging, tracing and encryption settings as given', async () => {
    const loggingConfiguration = {
      level: 'ERROR' as const,
      includeExecutionData: true,
      destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: 'arn:aws:logs:us-east-1:000000000000:log-group:sfn:*' } }],
    };
    const encryptionConfiguration = { type: 'CUSTOMER_MANAGED_KMS_KEY' as const, kmsKeyId: 'alias/sfn' };
    const { stateMachineArn } = await create('settings', passDefinition(), {
      loggingConfiguration,
      tracingConfiguration: { enabled: true },
      encryptionConfiguration,
    });
    const described = await h.client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(described).toMatchObject({ loggingConfiguration, tracingConfiguration: { enabled: true }, encryptionConfiguration });
    await expectAwsError(create('enc', passDefinition(), { encryptionConfiguration: { type: 'CUSTOMER_MANAGED_KMS_KEY' } }), 'InvalidEncryptionConfiguration');
  });

  it('updates with revisionId semantics and requires something to update', async () => {
    const { stateMachineArn } = await create('upd');
    await expectAwsError(
      h.client.send(new UpdateStateMachineCommand({ stateMachineArn })),
      'MissingRequiredParameter',
      'Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified',
    );
    const t1 = await h.client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: passDefinition('AfterUpdate1') }));
    expect(t1.revisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(t1.updateDate).toBeInstanceOf(Date);
    const same = await h.client.send(new UpdateStateMachineCommand({ stateMachineArn, definition: passDefinition('AfterUpdate1') }));
    expect(same.revisionId).toBe(t1.revisionId);
    const t2 = await h.client.send(new UpdateStateMachineCommand({ stateMachineArn, roleArn: 'arn:aws:iam::000000000000:role/other' }));
    expect(t2.revisionId).not.toBe(t1.revisionId);
    const described = await h.client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(described).toMatchObject({ definition: passDefinition('AfterUpdate1'), roleArn: 'arn:aws:iam::000000000000:role/other', revisionId: t2.revisionId });
    await expectAwsError(
      h.client.send(new UpdateStateMachineCommand({ stateMachineArn: `${SM_PREFIX}missing`, definition: passDefinition() })),
      'StateMachineDoesNotExist',
    );
  });

  it('reports missing and malformed state machine ARNs as recorded', async () => {
    await expectAwsError(
      h.client.send(new DescribeStateMachineCommand({ stateMachineArn: `${SM_PREFIX}nope` })),
      'StateMachineDoesNotExist',
      `State Machine Does Not Exist: '${SM_PREFIX}nope'`,
    );
    await expectAwsError(
      h.client.send(new DescribeStateMachineCommand({ stateMachineArn: 'not_a_valid_arn' })),
      'InvalidArn',
      "Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'",
    );
    await expectAwsError(
      h.client.send(new DescribeStateMachineCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:execution:sm:e' })),
      'InvalidArn',
      "Invalid Arn: 'Resource type not valid in this context: execution'",
    );
  });

  it('lists in name order with paging and the recorded limits', async () => {
    for (let i = 0; i < 13; i++) await create(`sm-${i}`);
    const page1 = await h.client.send(new ListStateMachinesCommand({ maxResults: 10 }));
    expect(page1.stateMachines?.map((s) => s.name)).toEqual(['sm-0', 'sm-1', 'sm-10', 'sm-11', 'sm-12', 'sm-2', 'sm-3', 'sm-4', 'sm-5', 'sm-6']);
    expect(page1.stateMachines?.[0]).toEqual({ stateMachineArn: `${SM_PREFIX}sm-0`, name: 'sm-0', type: 'STANDARD', creationDate: expect.any(Date) });
    const page2 = await h.client.send(new ListStateMachinesCommand({ maxResults: 10, nextToken: page1.nextToken }));
    expect(page2.stateMachines?.map((s) => s.name)).toEqual(['sm-7', 'sm-8', 'sm-9']);
    expect(page2.nextToken).toBeUndefined();
    await expectAwsError(
      h.client.send(new ListStateMachinesCommand({ maxResults: 1001 })),
      'ValidationException',
      "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
    const long = 'a'.repeat(1025);
    await expectAwsError(
      h.client.send(new ListStateMachinesCommand({ nextToken: long })),
      'ValidationException',
      `1 validation error detected: Value '${long}' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 1024`,
    );
    await expectAwsError(h.client.send(new ListStateMachinesCommand({ nextToken: 'bogus' })), 'InvalidToken');
  });

  it('deletes, and succeeds for state machines that do not exist', async () => {
    await h.client.send(new DeleteStateMachineCommand({ stateMachineArn: `${SM_PREFIX}never-existed` }));
    const { stateMachineArn } = await create('gone');
    await h.client.send(new DeleteStateMachineCommand({ stateMachineArn }));
    await expectAwsError(h.client.send(new DescribeStateMachineCommand({ stateMachineArn })), 'StateMachineDoesNotExist');
    expect((await h.client.send(new ListStateMachinesCommand({}))).stateMachines).toEqual([]);
  });

  it('validates definitions with the recorded diagnostics', async () => {
    const validate = (definition: string) => h.client.send(new ValidateStateMachineDefinitionCommand({ definition }));
    const empty = await validate('');
    expect(empty).toMatchObject({
      result: 'FAIL',
      truncated: false,
      diagnostics: [{ code: 'SCHEMA_VALIDATION_FAILED', message: 'Definition must be a valid JSON object', severity: 'ERROR' }],
    });
    expect(empty.diagnostics?.[0].location).toBeUndefined();
    expect((await validate('not a definition')).diagnostics).toEqual([
      {
        code: 'INVALID_JSON_DESCRIPTION',
        location: '[Source: (String)"not a definition"; line: 1, column: 4]',
        message:
          "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"not a definition\"; line: 1, column: 4]",
        severity: 'ERROR',
      },
    ]);
    expect((await validate('{}')).diagnostics).toEqual([
      { code: 'SCHEMA_VALIDATION_FAILED', location: '/', message: 'These fields are required: [States, StartAt]', severity: 'ERROR' },
    ]);
    const { $metadata, ...ok } = await validate(passDefinition());
    expect(ok).toEqual({ result: 'OK', diagnostics: [], truncated: false });
  });

  it('shows variableReferences when the definition references variables', async () => {
    const definition = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: { A: { Type: 'Pass', Assign: { x: 1 }, Next: 'B' }, B: { Type: 'Pass', Output: '{% $x %}', End: true } },
    });
    const { stateMachineArn } = await create('vars', definition);
    const described = await h.client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(described.variableReferences).toEqual({ B: ['x'] });
    const plain = await h.client.send(new DescribeStateMachineCommand({ stateMachineArn: (await create('novars')).stateMachineArn }));
    expect(plain.variableReferences).toBeUndefined();
  });
});

describe('DeleteStateMachine with running executions', () => {
  it('keeps the state machine DELETING until its last execution ends', async () => {
    const clock = new ManualClock();
    const h = await startHarness({ clock });
    try {
      const { stateMachineArn } = await h.client.send(new CreateStateMachineCommand({ name: 'busy', definition: waitDefinition(), roleArn: ROLE_ARN }));
      const { executionArn } = await h.client.send(new StartExecutionCommand({ stateMachineArn }));
      await clock.sleeping();
      await h.client.send(new DeleteStateMachineCommand({ stateMachineArn }));
      expect((await h.client.send(new DescribeStateMachineCommand({ stateMachineArn }))).status).toBe('DELETING');
      await expectAwsError(h.client.send(new StartExecutionCommand({ stateMachineArn })), 'StateMachineDeleting');
      clock.release();
      await h.runs.done(executionArn as string);
      await expectAwsError(h.client.send(new DescribeStateMachineCommand({ stateMachineArn })), 'StateMachineDoesNotExist');
    } finally {
      await h.close();
    }
  });
});

describe('ValidateStateMachineDefinition filtering', () => {
  it('returns warnings only for severity WARNING, truncates to maxResults, and fails on any error', async () => {
    // The scripted engine reports one error and one warning for this document.
    const h = await startHarness({ engine: new FakeEngine() });
    try {
      const validate = (extra: object) =>
        h.client.send(new ValidateStateMachineDefinitionCommand({ definition: JSON.stringify({ Comment: 'WARN' }), ...extra }));
      expect((await validate({})).diagnostics?.map((d) => d.severity)).toEqual(['ERROR']);
      expect((await validate({ severity: 'WARNING' })).diagnostics?.map((d) => d.severity)).toEqual(['ERROR', 'WARNING']);
      expect(await validate({ severity: 'WARNING', maxResults: 1 })).toMatchObject({ result: 'FAIL', truncated: true, diagnostics: [{ severity: 'ERROR' }] });
    } finally {
      await h.close();
    }
  });
});
