// Serves the Step Functions service on 127.0.0.1:<random port> through node:http (as the endpoint does)
// and points a real SFNClient at it. The real engine runs the executions unless a test brings its own.
import { CreateStateMachineCommand, SFNClient, type StateMachineType } from '@aws-sdk/client-sfn';
import { configFromEnv, type Env } from '../../../src/config/config';
import type { TaskRunner } from '../../../src/engine/integrations/types';
import type { Clock } from '../../../src/engine/runtime/clock';
import type { EngineDeps, ExecutionOutcome } from '../../../src/engine/runtime/types';
import { serveHandler } from '../../support/serve';
import { createStepFunctionsService, type StepFunctionsService, type StepFunctionsServiceDeps } from '../../../src/services/stepfunctions';
import type { ExecutionRequest } from '../../../src/engine';
import type { ExecutionEngine, ParsedStateMachine } from '../../../src/services/stepfunctions/runs/engine-port';
import { realEngine } from '../../../src/services/stepfunctions/runs/real-engine';

export const ROLE_ARN = 'arn:aws:iam::000000000000:role/sfn-test';

/** Wraps an engine to let tests await an execution's end without polling. */
class RunTracker<D extends ParsedStateMachine> implements ExecutionEngine<D> {
  private readonly runs = new Map<string, Promise<ExecutionOutcome>>();

  constructor(private readonly inner: ExecutionEngine<D>) {}

  parse(definition: string, options: Parameters<ExecutionEngine<D>['parse']>[1]): D {
    return this.inner.parse(definition, options);
  }

  validate(definition: string, options: Parameters<ExecutionEngine<D>['validate']>[1]) {
    return this.inner.validate(definition, options);
  }

  run(deps: EngineDeps, request: ExecutionRequest<D>): Promise<ExecutionOutcome> {
    const run = this.inner.run(deps, request);
    this.runs.set(request.identity.executionArn, run);
    return run;
  }

  /** Resolves once the execution's run has ended and the service has recorded the outcome. */
  async done(executionArn: string): Promise<ExecutionOutcome> {
    const run = this.runs.get(executionArn);
    if (!run) throw new Error(`no run started for ${executionArn}`);
    const outcome = await run;
    // The service records the outcome in promise callbacks; one macrotask turn lets them all run.
    await new Promise((resolve) => setImmediate(resolve));
    return outcome;
  }

  startedArns(): string[] {
    return [...this.runs.keys()];
  }
}

export const noTasks: TaskRunner = {
  resolve: (arn) => ({ unrecognized: arn }),
  invoke: () => Promise.reject(new Error('no task integrations in these tests')),
};

export interface Harness<D extends ParsedStateMachine> {
  readonly client: SFNClient;
  readonly service: StepFunctionsService;
  readonly runs: RunTracker<D>;
  readonly url: string;
  close(): Promise<void>;
}

export interface HarnessOptions<D extends ParsedStateMachine> {
  readonly engine?: ExecutionEngine<D>;
  readonly tasks?: TaskRunner;
  readonly clock?: Clock;
  readonly env?: Env;
  readonly distributedMap?: StepFunctionsServiceDeps<D>['distributedMap'];
  readonly activityPollMs?: number;
}

export async function startHarness<D extends ParsedStateMachine = ParsedStateMachine>(options: HarnessOptions<D> = {}): Promise<Harness<D>> {
  const runs = new RunTracker((options.engine ?? realEngine()) as ExecutionEngine<D>);
  const config = configFromEnv({ SFN_TIME_SCALE: '0', ...options.env });
  const service = createStepFunctionsService({
    config,
    engine: runs,
    tasks: options.tasks ?? noTasks,
    clock: options.clock,
    distributedMap: options.distributedMap,
    activityPollMs: options.activityPollMs,
  });
  const served = await serveHandler(service);
  const url = served.url;
  const client = new SFNClient({
    endpoint: url,
    region: config.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    // StartSyncExecution's "sync-" host prefix would turn 127.0.0.1 into an unresolvable name.
    disableHostPrefix: true,
  });
  return {
    client,
    service,
    runs,
    url,
    async close() {
      client.destroy();
      await service.close();
      await served.close();
    },
  };
}

/** CreateStateMachine with the test role; resolves with the state machine's ARN. */
export async function createStateMachine(client: SFNClient, name: string, definition: string, type: StateMachineType = 'STANDARD'): Promise<string> {
  const created = await client.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN, type }));
  return created.stateMachineArn as string;
}

export const passDefinition = (result: unknown = { Arg1: 'argument1' }) =>
  JSON.stringify({ Comment: 'BASE_PASS_RESULT', StartAt: 'State_1', States: { State_1: { Type: 'Pass', Result: result, End: true } } });

export const waitDefinition = (seconds = 10) =>
  JSON.stringify({ StartAt: 'State_1', States: { State_1: { Type: 'Wait', Seconds: seconds, Next: 'Done' }, Done: { Type: 'Succeed' } } });

export const failDefinition = (error = 'SomeFailure', cause = 'This state machines raises a failure') =>
  JSON.stringify({ StartAt: 'State_1', States: { State_1: { Type: 'Fail', Error: error, Cause: cause } } });
