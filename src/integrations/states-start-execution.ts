// Step Functions as an integrated service: `arn:aws:states:::states:startExecution[.sync|.sync:2]`.
// Request-response returns the StartExecution result with SDK metadata; `.sync` and `.sync:2` then wait
// for the child and return its DescribeExecution-like object (docs/aws-behaviour.md#starting-child-executions).
// https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
import { StartExecutionCommand, type StartExecutionCommandOutput, type StartExecutionInput } from '@aws-sdk/client-sfn';
import type { TaskInvocation } from '../engine';
import type { Integration, IntegrationContext } from './integration';
import { sdkMetadata, sendCapturingHttp, withSdkMetadata, type HeaderCasing } from './sdk-http-metadata';
import { sdkV1Failure } from './service-failure';
import { SFN_V1 } from './sdk-v1-services';
import { waitForExecution } from './states-execution-waiter';
import { objectArgs } from './task-json';

/** Header spellings the Step Functions API sends (recorded: lower-case `connection`). */
const SFN_HEADER_CASING: HeaderCasing = {
  'x-amzn-requestid': 'x-amzn-RequestId',
  connection: 'connection',
  'content-length': 'Content-Length',
  'content-type': 'Content-Type',
  date: 'Date',
};

export function createStartExecutionIntegration(context: IntegrationContext): Integration {
  return {
    resolve(arn, raw) {
      if (arn.kind !== 'service' || arn.service !== 'states' || arn.action !== 'startExecution') return undefined;
      const resource = arn.suffix ? `startExecution.${arn.suffix}` : 'startExecution';
      if (!arn.suffix) return { arn: raw, resourceType: 'states', resource, pattern: 'REQUEST_RESPONSE' };
      // The child gets the token in its input; the parent waits for the callback, not the child's end.
      if (arn.suffix === 'waitForTaskToken') return { arn: raw, resourceType: 'states', resource, pattern: 'WAIT_FOR_TASK_TOKEN' };
      return { arn: raw, resourceType: 'states', resource, pattern: 'RUN_JOB', syncVersion: arn.suffix === 'sync:2' ? 2 : 1 };
    },
    async invoke(invocation) {
      const started = await startExecution(context, invocation);
      if (invocation.resource.pattern !== 'RUN_JOB') return started;
      invocation.onSubmitted?.(started);
      return waitForExecution(context, invocation, String(started.ExecutionArn));
    },
  };
}

async function startExecution(context: IntegrationContext, invocation: TaskInvocation): Promise<Record<string, unknown>> {
  const command = new StartExecutionCommand(startInput(objectArgs(invocation)));
  const client = context.clients.sfn;
  try {
    const { output, http } = await sendCapturingHttp<StartExecutionCommandOutput>(client, command, invocation.signal, SFN_HEADER_CASING);
    // StartDate is epoch seconds with a millisecond fraction, as AWS's results show it (JSON text
    // `1.688128939071E9`, the same number as 1688128939.071; docs/aws-behaviour.md#starting-child-executions).
    const members = { ExecutionArn: output.executionArn, StartDate: epochSeconds(output.startDate) };
    return withSdkMetadata(members, sdkMetadata(http, output.$metadata.requestId));
  } catch (thrown) {
    throw sdkV1Failure(thrown, SFN_V1);
  }
}

function epochSeconds(date: Date | undefined): number | undefined {
  return date === undefined ? undefined : date.getTime() / 1000;
}

/** Only StateMachineArn, Input, Name (and TraceHeader) are API members; `Input` is sent as JSON text. */
function startInput(args: Record<string, unknown>): StartExecutionInput {
  const { StateMachineArn, Input, Name, TraceHeader } = args;
  return {
    stateMachineArn: StateMachineArn as string,
    // Recorded: `"Input": null` (or no Input) starts the child with "{}"; objects are serialised.
    input: Input === null || Input === undefined ? '{}' : typeof Input === 'string' ? Input : JSON.stringify(Input),
    ...(Name === undefined ? {} : { name: Name as string }),
    ...(TraceHeader === undefined ? {} : { traceHeader: TraceHeader as string }),
  };
}
