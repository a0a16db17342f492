// TagResource / UntagResource / ListTagsForResource and `tags` on CreateStateMachine through a real SFNClient
// (shapes and errors as recorded against AWS: empty responses, "Resource not found: '<arn>'").
import { CreateStateMachineCommand, ListTagsForResourceCommand, TagResourceCommand, UntagResourceCommand, type Tag } from '@aws-sdk/client-sfn';
import { expectAwsError } from './support/expect-error';
import { passDefinition, ROLE_ARN, startHarness, type Harness } from './support/harness';

describe('tags', () => {
  let h: Harness<never>;
  beforeEach(async () => (h = await startHarness()));
  afterEach(() => h.close());
  const create = async (name: string, tags?: Tag[]) =>
    (await h.client.send(new CreateStateMachineCommand({ name, definition: passDefinition(), roleArn: ROLE_ARN, tags }))).stateMachineArn as string;
  const tagsOf = async (resourceArn: string) => (await h.client.send(new ListTagsForResourceCommand({ resourceArn }))).tags;

  it('keeps the tags given at creation and lists none for an untagged state machine', async () => {
    expect(
      await tagsOf(
        await create('with-tags', [
          { key: 'team', value: 'data' },
          { key: 'empty', value: '' },
        ]),
      ),
    ).toEqual([
      { key: 'team', value: 'data' },
      { key: 'empty', value: '' },
    ]);
    expect(await tagsOf(await create('without-tags'))).toEqual([]);
  });

  it('adds, replaces and removes tags; unknown keys are ignored', async () => {
    const arn = await create('sm');
    const tagged = await h.client.send(
      new TagResourceCommand({
        resourceArn: arn,
        tags: [
          { key: 'key1', value: 'value1' },
          { key: 'key2', value: 'value2' },
        ],
      }),
    );
    expect(tagged.$metadata.httpStatusCode).toBe(200);
    await h.client.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'key2', value: 'changed' }] }));
    expect(await tagsOf(arn)).toEqual([
      { key: 'key1', value: 'value1' },
      { key: 'key2', value: 'changed' },
    ]);
    await h.client.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['key2', 'not-there'] }));
    expect(await tagsOf(arn)).toEqual([{ key: 'key1', value: 'value1' }]);
  });

  it('limits a resource to 50 tags, counting the ones it already has', async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    const arn = await create('full', fifty);
    await expectAwsError(
      h.client.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'one-more', value: 'v' }] })),
      'TooManyTags',
      'Too many tags: a resource can have at most 50 tags',
    );
    // Re-tagging an existing key does not add one.
    await h.client.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'k0', value: 'w' }] }));
    expect(await tagsOf(arn)).toHaveLength(50);
    await expectAwsError(create('too-many', [...fifty, { key: 'k50', value: 'v' }]), 'TooManyTags');
  });

  it('answers ResourceNotFound for a missing resource and InvalidArn for a malformed ARN', async () => {
    const arn = await create('exists');
    const missing = `${arn}-missing`;
    await expectAwsError(h.client.send(new ListTagsForResourceCommand({ resourceArn: missing })), 'ResourceNotFound', `Resource not found: '${missing}'`);
    await expectAwsError(h.client.send(new TagResourceCommand({ resourceArn: `${arn}:1`, tags: [] })), 'ResourceNotFound', `Resource not found: '${arn}:1'`);
    await expectAwsError(
      h.client.send(new UntagResourceCommand({ resourceArn: 'not-an-arn', tagKeys: [] })),
      'InvalidArn',
      "Invalid Arn: 'Invalid ARN prefix: not-an-arn'",
    );
  });

  it('validates tag keys and values like the service model', async () => {
    const arn = await create('validated');
    await expectAwsError(
      h.client.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: '', value: 'v' }] })),
      'ValidationException',
      "1 validation error detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    await expectAwsError(
      h.client.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['x'.repeat(129)] })),
      'ValidationException',
      `1 validation error detected: Value '${'x'.repeat(129)}' at 'tagKeys.1.member' failed to satisfy constraint: Member must have length less than or equal to 128`,
    );
  });
});
