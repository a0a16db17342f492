// The `.sync` half of states:startExecution: poll DescribeExecution until the child closes, then return
// its DescribeExecution-like object (PascalCase; Input/Output as JSON text for `.sync`, parsed for
// `.sync:2`). A child that did not succeed fails the task with States.TaskFailed and that object as
// JSON cause (docs/aws-behaviour.md#starting-child-executions). Aborting the task stops the child.
import { DescribeExecutionCommand, StopExecutionCommand, type DescribeExecutionCommandOutput, type DescribeExecutionOutput } from '@aws-sdk/client-sfn';
import { StatesError, StatesErrorName, type TaskInvocation } from '../engine';
import type { IntegrationContext } from './integration';
import { sendAbortable } from './sdk-send';
import { sdkV1Failure } from './service-failure';
import { SFN_V1 } from './sdk-v1-services';
import { parseJsonOrText } from './task-json';

// Workflow-time back-off between polls; the clock scales it (SFN_TIME_SCALE), tests run it at zero.
const FIRST_POLL_DELAY_MS = 100;
const MAX_POLL_DELAY_MS = 5_000;

export async function waitForExecution(context: IntegrationContext, invocation: TaskInvocation, executionArn: string): Promise<unknown> {
  const { signal } = invocation;
  try {
    const closed = await pollUntilClosed(context, executionArn, signal);
    const result = describeLike(closed, invocation.resource.syncVersion === 2);
    if (closed.status === 'SUCCEEDED') return result;
    throw new StatesError(StatesErrorName.TaskFailed, JSON.stringify(result));
  } catch (thrown) {
    if (signal.aborted) await stopChild(context, executionArn);
    throw thrown;
  }
}

async function pollUntilClosed(context: IntegrationContext, executionArn: string, signal: AbortSignal): Promise<DescribeExecutionOutput> {
  let delay = FIRST_POLL_DELAY_MS;
  for (;;) {
    const described = await describe(context, executionArn, signal);
    if (described.status !== 'RUNNING' && described.status !== 'PENDING_REDRIVE') return described;
    await context.clock.sleep(delay, signal);
    delay = Math.min(delay * 2, MAX_POLL_DELAY_MS);
  }
}

async function describe(context: IntegrationContext, executionArn: string, signal: AbortSignal): Promise<DescribeExecutionOutput> {
  try {
    return await sendAbortable<DescribeExecutionCommandOutput>(context.clients.sfn, new DescribeExecutionCommand({ executionArn }), signal);
  } catch (thrown) {
    throw sdkV1Failure(thrown, SFN_V1);
  }
}

/** Best effort: the parent is going away either way, so a failed stop must not mask the abort reason. */
async function stopChild(context: IntegrationContext, executionArn: string): Promise<void> {
  try {
    await context.clients.sfn.send(new StopExecutionCommand({ executionArn }));
  } catch {
    // The child may already have closed, or the endpoint be shutting down.
  }
}

/**
 * Keys as recorded for `.sync` outputs (2023): no redrive fields. [UNCONFIRMED] StartDate/StopDate are
 * epoch milliseconds, like the StartExecution result's StartDate.
 */
function describeLike(d: DescribeExecutionOutput, parsed: boolean): Record<string, unknown> {
  const json = (text: string | undefined) => (parsed && text !== undefined ? parseJsonOrText(text) : text);
  const out: Record<string, unknown> = {};
  if (d.cause !== undefined) out.Cause = d.cause;
  if (d.error !== undefined) out.Error = d.error;
  out.ExecutionArn = d.executionArn;
  if (d.input !== undefined) out.Input = json(d.input);
  if (d.inputDetails) out.InputDetails = { Included: d.inputDetails.included };
  if (d.name !== undefined) out.Name = d.name;
  if (d.output !== undefined) out.Output = json(d.output);
  if (d.outputDetails) out.OutputDetails = { Included: d.outputDetails.included };
  out.StartDate = d.startDate?.getTime();
  out.StateMachineArn = d.stateMachineArn;
  out.Status = d.status;
  if (d.stopDate) out.StopDate = d.stopDate.getTime();
  return out;
}
