import { ScaledClock } from '../../src/engine/runtime/clock';
import { createTaskRunner } from '../../src/integrations/task-runner';
import { invocation } from './support/invocation';
import { parseResourceArn } from '../../src/integrations/resource-arn';
import { unreachableClients } from './support/fake-request-handler';

const runner = createTaskRunner({
  clients: unreachableClients('no client needed'),
  region: 'us-east-1',
  accountId: '000000000000',
  clock: new ScaledClock(0),
  lambdaHandlers: { echo: async (event) => event },
});

describe('createTaskRunner().resolve', () => {
  it('rejects dynamodb:query with the exact recorded message', () => {
    expect(runner.resolve('arn:aws:states:::dynamodb:query')).toEqual({
      unrecognized:
        'The resource provided arn:aws:states:::dynamodb:query is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.',
    });
  });

  it.each([
    // ItemReader / ResultWriter resources, not Task integrations (docs/aws-behaviour.md#s3-resources-of-itemreader-and-resultwriter).
    'arn:aws:states:::s3:getObject',
    'arn:aws:states:::s3:putObject',
    'arn:aws:states:::s3:listObjectsV2',
    'arn:aws:states:::dynamodb:putItem.sync',
    'arn:aws:states:::dynamodb:putItem.waitForTaskToken',
    'arn:aws:states:::states:startExecution.sync:3',
    'arn:aws:states:::sqs:sendMessage',
    'arn:aws:states:us-east-1:000000000000:activity:work',
    'arn:aws:lambda:us-east-1:000000000000:function:bad name',
    'not-an-arn',
    '',
  ])('%j is unrecognized', (arn) => {
    expect(runner.resolve(arn)).toHaveProperty('unrecognized', expect.stringContaining(`The resource provided ${arn} is not recognized.`));
  });

  it('accepts the other AWS partitions', () => {
    expect(runner.resolve('arn:aws-cn:states:::dynamodb:getItem')).toMatchObject({ resourceType: 'dynamodb', resource: 'getItem' });
  });
});

describe('createTaskRunner().invoke', () => {
  it('does not start a task whose signal is already aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('already stopped');
    controller.abort(reason);
    const started: unknown[] = [];
    const spy = createTaskRunner({
      clients: unreachableClients('unused'),
      region: 'us-east-1',
      accountId: '000000000000',
      clock: new ScaledClock(0),
      lambdaHandlers: { spy: async (event) => started.push(event) },
    });
    await expect(spy.invoke(invocation(spy, 'arn:aws:states:::lambda:invoke', { FunctionName: 'spy' }, { signal: controller.signal }))).rejects.toBe(reason);
    expect(started).toEqual([]);
  });

  it('refuses a resource it never resolved', async () => {
    const task = invocation(runner, 'arn:aws:states:::lambda:invoke', {});
    await expect(runner.invoke({ ...task, resource: { ...task.resource, arn: 'arn:aws:states:::sqs:sendMessage' } })).rejects.toThrow(
      'The resource provided arn:aws:states:::sqs:sendMessage is not recognized.',
    );
  });
});

describe('parseResourceArn', () => {
  it('splits service, action and suffix, keeping the colon of .sync:2', () => {
    expect(parseResourceArn('arn:aws:states:::states:startExecution.sync:2')).toEqual({
      kind: 'service',
      service: 'states',
      action: 'startExecution',
      suffix: 'sync:2',
    });
    expect(parseResourceArn('arn:aws:states:::aws-sdk:s3:listObjectsV2')).toEqual({
      kind: 'aws-sdk',
      service: 's3',
      action: 'listObjectsV2',
      suffix: undefined,
    });
    expect(parseResourceArn('arn:aws:lambda:us-east-1:123456789012:function:fn:prod')).toEqual({
      kind: 'lambda-function',
      arn: 'arn:aws:lambda:us-east-1:123456789012:function:fn:prod',
      functionName: 'fn',
    });
  });

  it('returns undefined for malformed integration ARNs', () => {
    expect(parseResourceArn('arn:aws:states:::dynamodb')).toBeUndefined();
    expect(parseResourceArn('arn:aws:states:::dynamodb:putItem.later')).toBeUndefined();
    expect(parseResourceArn('arn:aws:states:us-east-1::dynamodb:putItem')).toBeUndefined();
  });
});
