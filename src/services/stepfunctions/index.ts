// The Step Functions service: the awsJson1_0 API over the in-process engine (docs/aws-behaviour.md#api-operations), plus the
// Map Run host the Distributed Map runtime uses to create Map Runs and start their child executions.
import { randomUUID } from 'node:crypto';
import type { SandboxConfig } from '../../config/config';
import { ScaledClock, type CallbackPort, type Clock, type DistributedMapPort, type EngineDeps, type TaskRunner } from '../../engine';
import type { EdgeRequest, EdgeResponse, ServiceHandler } from '../../server/edge';
import { ArnFactory } from './arns';
import { AWS_API, handleAwsJson, isSandboxApi, SANDBOX_API } from './aws-json-handler';
import { DefinitionCache } from './definitions';
import type { ExecutionEngine, ParsedStateMachine } from './engine-port';
import { ExecutionRunner, STOP_GRACE_MS } from './execution-runner';
import { ExpressHistories } from './express-histories';
import { InMemoryStore } from './in-memory-store';
import type { MapRunHost } from '../../engine/map-run/map-run-host';
import { MapRunRegistry } from './map-runs';
import type { OperationContext } from './operation';
import type { StepFunctionsStore } from './store';
import type { TestCaseRegistry } from './test-cases';
import { TaskTokens } from './task-tokens';
import { ActivityTasks } from './activity-tasks';

export type { ExecutionEngine, ParsedStateMachine, RunRequest } from './engine-port';
export type { StepFunctionsStore } from './store';
export { InMemoryStore } from './in-memory-store';
export { DiskStore, openDiskStore } from './disk-store';
export type { TestCaseRegistry } from './test-cases';

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
  /** The engine's MapRunHost port: the Distributed Map runtime creates Map Runs and their children here (docs/aws-behaviour.md#distributed-map). */
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
  // The Distributed Map runtime needs the Map Run host, which needs the runner, which needs these deps.
  let distributedMap: DistributedMapPort | undefined;
  const engineDeps: EngineDeps = {
    clock,
    region: config.region,
    accountId: config.accountId,
    uuid: randomUUID,
    random: Math.random,
    tasks,
    callbacks,
    ...(deps.distributedMap ? { distributedMap: { run: (request) => (distributedMap as DistributedMapPort).run(request) } } : {}),
  };
  const arns = new ArnFactory(config.region, config.accountId);
  const expressHistories = new ExpressHistories(config.expressHistories);
  const onSettled = (smArn: string, executionArn: string) => {
    deps.testCases?.forget(executionArn);
    finishDeletion(store, runner, smArn);
  };
  const runner: ExecutionRunner<D> = new ExecutionRunner(store, engine, engineDeps, onSettled, STOP_GRACE_MS, expressHistories);
  const mapRuns = new MapRunRegistry<D>(store, runner, arns, () => clock.now(), randomUUID, deps.testCases);
  distributedMap = deps.distributedMap?.(mapRuns);
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
    expressHistories,
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
