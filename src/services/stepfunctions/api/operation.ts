// One API action = one file under operations/: its input constraints as data and a handler that may
// assume valid input, and one validator writes AWS-format messages. Handlers throw ServiceErrors; they never write HTTP.
import type { Clock, TaskRunner } from '../../../engine';
import type { ArnFactory } from './arns';
import type { DefinitionCache } from '../runs/definitions';
import type { ExecutionEngine, ParsedStateMachine } from '../runs/engine-port';
import type { ExecutionRunner } from '../runs/execution-runner';
import type { ExpressHistories } from '../runs/express-histories';
import type { MapRunRegistry } from '../map-runs/map-run-registry';
import type { StructureShape } from './shapes';
import type { StepFunctionsStore } from '../store/store';
import type { TaskTokens } from '../runs/task-tokens';
import type { ActivityTasks } from '../runs/activity-tasks';
import type { TestCaseRegistry } from '../runs/test-cases';

export interface OperationContext {
  readonly region: string;
  readonly accountId: string;
  readonly arns: ArnFactory;
  readonly store: StepFunctionsStore;
  readonly engine: ExecutionEngine<ParsedStateMachine>;
  readonly tasks: TaskRunner;
  readonly definitions: DefinitionCache<ParsedStateMachine>;
  readonly runner: ExecutionRunner<ParsedStateMachine>;
  readonly mapRuns: MapRunRegistry<ParsedStateMachine>;
  readonly clock: Clock;
  readonly uuid: () => string;
  /** The latest EXPRESS histories, for the sandbox's private API. */
  readonly expressHistories: ExpressHistories;
  /** In [0, 1): alias routing picks a version with it. */
  readonly random: () => number;
  readonly taskTokens: TaskTokens;
  readonly activityTasks: ActivityTasks;
  /** Present when a MockConfigFile is loaded. */
  readonly testCases?: TestCaseRegistry;
}

export interface Operation<I, O> {
  readonly input: StructureShape;
  handle(ctx: OperationContext, input: I): O | Promise<O>;
}

export function defineOperation<I, O>(operation: Operation<I, O>): Operation<I, O> {
  return operation;
}
