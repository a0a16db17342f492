// A failed Distributed Map child is redriven through its parent, never on its own: AWS documents the
// REDRIVABLE_BY_MAP_RUN enum value but not when it is reported, nor RedriveExecution's answer for a child
// [UNCONFIRMED]. STANDARD children, because EXPRESS ones cannot be described.
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  ListExecutionsCommand,
  ListMapRunsCommand,
  RedriveExecutionCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { AwsClients } from '../../src/config/clients';
import { expectAwsError } from '../stepfunctions/support/expect-error';
import { ROLE_ARN, waitForExecution } from '../stepfunctions/redrive-support';
import { useEmbeddedSandbox } from '../stepfunctions/support/embedded-sandbox';

const definition = JSON.stringify({
  StartAt: 'Fan',
  States: {
    Fan: {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Boom',
        States: { Boom: { Type: 'Fail', Error: 'ItemFailed', Cause: 'always' } },
      },
      End: true,
    },
  },
});

describe('a failed Map Run child execution [UNCONFIRMED]', () => {
  const target = useEmbeddedSandbox();
  let clients: AwsClients;

  beforeAll(() => {
    ({ clients } = target);
  });

  it('is REDRIVABLE_BY_MAP_RUN and refuses a RedriveExecution of its own', async () => {
    const { stateMachineArn } = await clients.sfn.send(new CreateStateMachineCommand({ name: 'child-redrive', definition, roleArn: ROLE_ARN }));
    const { executionArn } = await clients.sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ items: [1] }) }));
    const parent = await waitForExecution(clients.sfn, executionArn!);
    expect({ status: parent.status, redriveStatus: parent.redriveStatus }).toEqual({ status: 'FAILED', redriveStatus: 'REDRIVABLE' });

    const mapRunArn = (await clients.sfn.send(new ListMapRunsCommand({ executionArn }))).mapRuns![0].mapRunArn!;
    const children = (await clients.sfn.send(new ListExecutionsCommand({ mapRunArn }))).executions ?? [];
    expect(children).toHaveLength(1);
    const childArn = children[0].executionArn!;
    await waitForExecution(clients.sfn, childArn);

    const child = await clients.sfn.send(new DescribeExecutionCommand({ executionArn: childArn }));
    const { status, error, cause, redriveStatus, redriveStatusReason } = child;
    // No reason: the status itself says where the redrive has to start.
    expect({ status, error, cause, mapRunArn: child.mapRunArn, redriveStatus, redriveStatusReason }).toEqual({
      status: 'FAILED',
      error: 'ItemFailed',
      cause: 'always',
      mapRunArn,
      redriveStatus: 'REDRIVABLE_BY_MAP_RUN',
      redriveStatusReason: undefined,
    });

    await expectAwsError(
      clients.sfn.send(new RedriveExecutionCommand({ executionArn: childArn })),
      'ExecutionNotRedrivable',
      'Execution is a Map Run child execution and can only be redriven by redriving its parent execution.',
    );
    // The refusal leaves the child untouched.
    expect((await clients.sfn.send(new DescribeExecutionCommand({ executionArn: childArn }))).redriveCount).toBe(0);
  });
});
