// The Step Functions service: the awsJson1_0 API over the in-process engine (docs/aws-behaviour.md#api-operations), plus the
// Map Run host the Distributed Map runtime uses to create Map Runs and start their child executions. Its parts:
// - api/: the wire (aws-json-handler.ts), one file per operation (operations/, sandbox-operations/), the API's
//   errors and the rules requests are checked against (ARNs, names, versions and aliases, tags, settings);
// - runs/: executions in progress: the run starter (start-run.ts), the runner and its retention policy, the
//   engine port, task tokens and activity tasks;
// - store/: the records (state machines, executions, histories, Map Runs), in memory or on disk;
// - map-runs: the Map Run resources the Distributed Map runtime drives.
import { randomUUID } from 'node:crypto';
import type { SandboxConfig } from '../../config/config';
import { ScaledClock, type CallbackPort, type Clock, type DistributedMapPort, type EngineDeps, type TaskRunner } from '../../engine';
import type { EdgeRequest, EdgeResponse, ServiceHandler } from '../../server/edge';
import { ArnFactory } from './api/arns';
import { AWS_API, handleAwsJson, isSandboxApi, SANDBOX_API } from './api/aws-json-handler';
import { DefinitionCache } from './runs/definitions';
import type { ExecutionEngine, ParsedStateMachine } from './runs/engine-port';
import { ExecutionRunner, STOP_GRACE_MS } from './runs/execution-runner';
import { retentionPolicy } from './runs/retention';
import { InMemoryStore } from './store/in-memory-store';
import type { MapRunHost } from '../../map-run';
import { MapRunRegistry } from './map-runs/map-run-registry';
import type { OperationContext } from './api/operation';
import type { StepFunctionsStore } from './store/store';
import type { TestCaseRegistry } from './runs/test-cases';
import { TaskTokens } from './runs/task-tokens';
import { ActivityTasks } from './runs/activity-tasks';

export type { ExecutionEngine, ParsedStateMachine } from './runs/engine-port';
export type { StepFunctionsStore } from './store/store';
export { InMemoryStore } from './store/in-memory-store';
export { DiskStore, openDiskStore } from './store/disk-store';
export type { TestCaseRegistry } from './runs/test-cases';

export interface StepFunctionsServiceDeps<D extends ParsedStateMachine> {
  readonly config: SandboxConfig;
  readonly engine: ExecutionEngine<D>;
  readonly tasks: TaskRunner;
  /** Defaults to ScaledClock(config.timeScale). */
  readonly clock?: Clock;
  /** Defaults to a new in-memory store. */
  readonly store?: StepFunctionsStore;
  /** Builds the Distributed Map runtime (EngineDeps.distributedMap) over this service's Map Run host. */
  readonly distributedMap?: (host: MapRunHost) => DistributedMapPort;
  /** MockConfigFile test cases (`#Case` ARNs); without it such ARNs are InvalidArn. */
  readonly testCases?: TestCaseRegistry;
  /** Alias routing's random source; defaults to Math.random. */
  readonly random?: () => number;
  /** How long GetActivityTask waits for a task; defaults to AWS's 60 seconds. */
  readonly activityPollMs?: number;
}

export interface StepFunctionsService extends ServiceHandler {
  readonly name: 'stepfunctions';
  readonly store: StepFunctionsStore;
  /** The Distributed Map runtime's MapRunHost port: it creates Map Runs and their children here (docs/aws-behaviour.md#distributed-map). */
  readonly mapRuns: MapRunHost;
  readonly engineDeps: EngineDeps;
  /** Resolves once no execution of this state machine is running (EXPRESS ones included). */
  whenIdle(stateMachineArn: string): Promise<void>;
  /** Stops every running execution. */
  close(): Promise<void>;
}

export function createStepFunctionsService<D extends ParsedStateMachine>(deps: StepFunctionsServiceDeps<D>): StepFunctionsService {
  const { config, engine, tasks } = deps;
  const clock = deps.clock ?? new ScaledClock(config.timeScale);
  const store: StepFunctionsStore = deps.store ?? new InMemoryStore();
  const taskTokens = new TaskTokens(randomUUID, (arn) => store.getExecution(arn) !== undefined);
  const activityTasks = new ActivityTasks(taskTokens, deps.activityPollMs);
  const callbacks: CallbackPort = {
    newToken: (executionArn) => taskTokens.newToken(executionArn),
    listen: (token) => taskTokens.listen(token),
    scheduleActivity: (arn, input, executionArn) => (store.getResource('activity', arn) ? activityTasks.schedule(arn, input, executionArn) : undefined),
  };
  // One cycle, broken in one place: the runner needs the engine's deps, which hold the Distributed Map runtime,
  // which needs the Map Run host, which starts child executions on the runner. The host gets a function that
  // reaches the runner; it is first called by a Map Run, long after the runner below exists.
  const arns = new ArnFactory(config.region, config.accountId);
  const mapRuns = new MapRunRegistry<D>(
    store,
    (request) => runner.start(request),
    arns,
    () => clock.now(),
    randomUUID,
    deps.testCases,
  );
  const distributedMap = deps.distributedMap?.(mapRuns);
  const engineDeps: EngineDeps = {
    clock,
    region: config.region,
    accountId: config.accountId,
    uuid: randomUUID,
    random: Math.random,
    tasks,
    callbacks,
    ...(distributedMap ? { distributedMap } : {}),
  };
  const onSettled = (smArn: string, executionArn: string) => {
    deps.testCases?.forget(executionArn);
    finishDeletion(store, runner, smArn);
  };
  const retention = retentionPolicy(config.expressHistories);
  const runner: ExecutionRunner<D> = new ExecutionRunner(store, engine, engineDeps, onSettled, { retention });
  const ctx: OperationContext = {
    region: config.region,
    accountId: config.accountId,
    arns,
    store,
    engine,
    tasks,
    definitions: new DefinitionCache(engine, tasks),
    runner,
    mapRuns,
    clock,
    uuid: randomUUID,
    random: deps.random ?? Math.random,
    taskTokens,
    activityTasks,
    testCases: deps.testCases,
    expressHistories: runner.expressHistories,
  };
  return {
    name: 'stepfunctions',
    store,
    mapRuns,
    engineDeps,
    handle: (request: EdgeRequest): Promise<EdgeResponse> => handleAwsJson(ctx, request, isSandboxApi(request) ? SANDBOX_API : AWS_API),
    whenIdle: (stateMachineArn) => runner.whenIdle(stateMachineArn),
    close: async () => {
      activityTasks.close();
      await runner.close();
      await mapRuns.close(STOP_GRACE_MS);
      await store.close?.();
    },
  };
}

/** A DELETING state machine goes away with its last running execution (docs/aws-behaviour.md#api-operations). */
function finishDeletion(store: StepFunctionsStore, runner: ExecutionRunner<ParsedStateMachine>, stateMachineArn: string): void {
  const sm = store.getStateMachine(stateMachineArn);
  if (sm?.status === 'DELETING' && runner.runningCount(stateMachineArn) === 0) store.deleteStateMachine(stateMachineArn);
}
