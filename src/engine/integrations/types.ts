// Contract between the Task state and the service integrations. Each integration is one file that
// calls AWS through an SDK v3 client built from the config; the Task state knows only this interface.
import type { ExecutionIdentity } from '../runtime/types';
import type { CallbackOutcome } from './callbacks';

/** ACTIVITY: an activity ARN, served by workers polling GetActivityTask rather than by an integration. */
type IntegrationPattern = 'REQUEST_RESPONSE' | 'RUN_JOB' | 'WAIT_FOR_TASK_TOKEN' | 'ACTIVITY';

/** A Task `Resource` resolved at parse time. */
export interface ResolvedResource {
  readonly arn: string;
  /** History `resourceType`, e.g. "dynamodb", "states", "aws-sdk:dynamodb", "lambda". */
  readonly resourceType: string;
  /** History `resource`, e.g. "putItem", "startExecution.sync:2", "batchWriteItem". */
  readonly resource: string;
  readonly pattern: IntegrationPattern;
  /** ".sync:2" vs ".sync" matters to states:startExecution's output shape. */
  readonly syncVersion?: 1 | 2;
  /** Legacy Lambda ARN resources emit LambdaFunction* events instead of Task* events. */
  readonly legacyLambda?: boolean;
  /** The API action when `resource` carries a suffix (aws-sdk `sendMessage.waitForTaskToken` → `sendMessage`). */
  readonly action?: string;
}

export interface TaskInvocation {
  readonly resource: ResolvedResource;
  /** Parameters (JSONPath) or Arguments (JSONata), already evaluated. */
  readonly args: unknown;
  readonly execution: ExecutionIdentity;
  readonly stateName: string;
  readonly signal: AbortSignal;
  /** For WAIT_FOR_TASK_TOKEN tasks: the token the state passed on as `$$.Task.Token` (SendTaskSuccess/Failure). */
  readonly taskToken?: string;
  /** For RUN_JOB tasks: call once the job is submitted, with the submission output (TaskSubmitted event). */
  onSubmitted?(output: unknown): void;
  /** For WAIT_FOR_TASK_TOKEN tasks: settles the task's own callback from the runner (a mocked callback task answers at once). */
  answerCallback?(outcome: CallbackOutcome): void;
}

export interface TaskRunner {
  /**
   * Resolves a Resource ARN, or returns a message when it is not recognized (parse time:
   * "The resource provided <arn> is not recognized..."). The resolved `pattern` lets the parser refuse
   * `.sync` and `.waitForTaskToken` inside EXPRESS workflows.
   */
  resolve(arn: string): ResolvedResource | { readonly unrecognized: string };
  /** Runs the task; failures throw StatesError with the integration's error name and cause. */
  invoke(invocation: TaskInvocation): Promise<unknown>;
}
