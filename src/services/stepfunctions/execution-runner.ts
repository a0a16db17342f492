// Runs executions in-process and asynchronously: start() records the execution and returns at once; the
// engine's run() promise completes the record. Stopping aborts the run's AbortSignal with a StopReason.
import { setMaxListeners } from 'node:events';
import type { Checkpoint, EngineDeps, ExecutionIdentity, ExecutionOutcome, HistoryRecorder, ResumePoint, StateMachineType, StopReason } from '../../engine';
import type { ExecutionEngine, ParsedStateMachine, RunRequest } from './engine-port';
import { jsonText, type ExecutionInput } from './execution-input';
import type { ExecutionChanges, ExecutionRecord, StateMachineRevision, StepFunctionsStore, StoredResumePoint } from './store';
import type { ExpressHistories } from './express-histories';

/** How much of an execution is kept: STANDARD everything, EXPRESS Map Run children list fields, EXPRESS nothing. */
export type Retention = 'full' | 'list-only' | 'none';

export interface StartRequest<D> {
  readonly arn: string;
  readonly name: string;
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  readonly type: StateMachineType;
  readonly roleArn: string;
  readonly definition: D;
  readonly input: ExecutionInput;
  readonly retention: Retention;
  readonly revision?: StateMachineRevision;
  /** Started through a version or alias ARN (DescribeExecution / ListExecutions show them). */
  readonly stateMachineVersionArn?: string;
  readonly stateMachineAliasArn?: string;
  readonly traceHeader?: string;
  readonly mapRunArn?: string;
  readonly itemCount?: number;
  readonly sync?: boolean;
  /** An outer signal (e.g. the parent of a Map Run child) that also stops the run. */
  readonly signal?: AbortSignal;
  /** First item index of a Map Run child. */
  readonly itemIndex?: number;
  /** Keep a succeeded child's output even with 'list-only' retention (its Map returns the outputs). */
  readonly keepOutput?: boolean;
  /** RedriveExecution: the execution exists and continues at this point (docs/aws-behaviour.md#redrive). */
  readonly resume?: ResumePoint;
  /** MockConfigFile test case (`#Case`): kept on the record so a redrive runs under it again. */
  readonly testCase?: string;
}

export interface FinishedExecution {
  readonly outcome: ExecutionOutcome;
  /** The JSON text of outcome.output, when SUCCEEDED. */
  readonly output?: string;
  readonly startDate: Date;
  readonly stopDate: Date;
}

export interface StartedExecution {
  readonly startDate: Date;
  readonly done: Promise<FinishedExecution>;
}

interface Running {
  readonly request: StartRequest<unknown>;
  readonly startDate: Date;
  readonly controller: AbortController;
  readonly done: Promise<FinishedExecution>;
  settled: boolean;
}

/** How long StopExecution waits for the engine to honour the abort before closing the record itself. */
export const STOP_GRACE_MS = 10_000;

export class ExecutionRunner<D extends ParsedStateMachine> {
  private readonly running = new Map<string, Running>();
  private readonly runningByStateMachine = new Map<string, number>();
  private readonly idleWaiters = new Map<string, (() => void)[]>();

  constructor(
    private readonly store: StepFunctionsStore,
    private readonly engine: ExecutionEngine<D>,
    private readonly engineDeps: EngineDeps,
    /** Called whenever an execution of this state machine ends (DeleteStateMachine waits on it). */
    private readonly onSettled: (stateMachineArn: string, executionArn: string) => void,
    private readonly stopGraceMs = STOP_GRACE_MS,
    /** Where the latest EXPRESS histories are kept for the console; absent keeps none. */
    private readonly express?: ExpressHistories,
  ) {}

  start(request: StartRequest<D>): StartedExecution {
    const startDate = request.resume ? (this.store.getExecution(request.arn)?.startDate ?? this.engineDeps.clock.now()) : this.engineDeps.clock.now();
    if (request.resume) this.store.updateExecution(request.arn, REOPENED);
    else if (request.retention !== 'none') this.store.putExecution(this.newRecord(request, startDate));
    const controller = new AbortController();
    const unlink = linkSignal(request.signal, controller);
    let run!: Running;
    const done = settle(() =>
      this.engine.run(this.engineDeps, {
        definition: request.definition,
        input: request.input.value,
        identity: identityOf(request, startDate),
        history: this.recorder(request, startDate),
        signal: controller.signal,
        resume: request.resume,
        ...(request.retention === 'full' ? this.checkpoints(request.arn) : {}),
      }),
    )
      // The engine resolves workflow failures; a rejection is an engine bug, reported as States.Runtime.
      .catch((err: unknown): ExecutionOutcome => ({ status: 'FAILED', error: 'States.Runtime', cause: errorText(err) }))
      .then((outcome) => this.finish(run, outcome))
      .finally(unlink);
    run = { request, startDate, controller, done, settled: false };
    this.running.set(request.arn, run);
    this.count(request.stateMachineArn, +1);
    return { startDate, done };
  }

  /**
   * STANDARD histories go to the store; the latest EXPRESS ones to the bounded keeper. Otherwise nobody can
   * read the history, and the engine skips building event details.
   */
  private recorder(request: StartRequest<D>, startDate: Date): HistoryRecorder {
    if (request.retention === 'full') return { record: (event) => this.store.appendHistory(request.arn, event) };
    const keep =
      request.type === 'EXPRESS' && !request.resume
        ? this.express?.begin({
            arn: request.arn,
            name: request.name,
            stateMachineArn: request.stateMachineArn,
            startDate,
            input: request.input.text,
            ...(request.mapRunArn !== undefined ? { mapRunArn: request.mapRunArn } : {}),
          })
        : undefined;
    return keep ? { record: keep } : { record: () => {}, discards: true };
  }

  isRunning(arn: string): boolean {
    return this.running.has(arn);
  }

  runningCount(stateMachineArn: string): number {
    return this.runningByStateMachine.get(stateMachineArn) ?? 0;
  }

  /**
   * Resolves once no execution of the state machine is running, including the fire-and-forget EXPRESS runs
   * that nothing can describe (docs/aws-behaviour.md#express-and-standard-workflows): how a test knows the article's async writers have all ended.
   */
  whenIdle(stateMachineArn: string): Promise<void> {
    if (this.runningCount(stateMachineArn) === 0) return Promise.resolve();
    const waiters = this.idleWaiters.get(stateMachineArn) ?? [];
    this.idleWaiters.set(stateMachineArn, waiters);
    return new Promise((resolve) => waiters.push(resolve));
  }

  /** Aborts a running execution and waits until it has ended. */
  async stop(arn: string, reason: StopReason): Promise<void> {
    const run = this.running.get(arn);
    if (!run) return;
    run.controller.abort(reason);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.stopGraceMs)));
    await Promise.race([run.done, grace]);
    clearTimeout(timer);
    // An engine that ignored the abort: close the record so the API stays consistent.
    if (!run.settled) this.finish(run, { status: 'ABORTED', ...reason });
  }

  /** Stops everything still running (endpoint shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.running.keys()].map((arn) => this.stop(arn, {})));
  }

  /** Where a redrive resumes: each top-level state, and each branch / iteration of it that succeeded (as a delta). */
  private checkpoints(arn: string): Pick<RunRequest<D>, 'checkpoint' | 'iterationSucceeded'> {
    return {
      checkpoint: (point) => this.store.updateExecution(arn, { resumePoint: storedPoint(point) }),
      iterationSucceeded: (index, output) => this.store.updateExecution(arn, { completedIteration: { index, output: jsonText(output) } }),
    };
  }

  private newRecord(request: StartRequest<unknown>, startDate: Date): ExecutionRecord {
    const full = request.retention === 'full';
    return {
      arn: request.arn,
      name: request.name,
      stateMachineArn: request.stateMachineArn,
      type: request.type,
      startDate,
      status: 'RUNNING',
      ...(request.traceHeader !== undefined ? { traceHeader: request.traceHeader } : {}),
      ...(request.mapRunArn !== undefined ? { mapRunArn: request.mapRunArn, itemCount: request.itemCount, itemIndex: request.itemIndex } : {}),
      ...(full ? { input: request.input.text, revision: request.revision } : request.keepOutput ? { input: request.input.text } : {}),
      ...(full && request.testCase !== undefined ? { testCase: request.testCase } : {}),
      ...(request.stateMachineVersionArn !== undefined ? { stateMachineVersionArn: request.stateMachineVersionArn } : {}),
      ...(request.stateMachineAliasArn !== undefined ? { stateMachineAliasArn: request.stateMachineAliasArn } : {}),
    };
  }

  private finish(run: Running, outcome: ExecutionOutcome): FinishedExecution {
    const { request, startDate } = run;
    const stopDate = this.engineDeps.clock.now();
    const output = outcome.status === 'SUCCEEDED' ? jsonText(outcome.output) : undefined;
    const finished = { outcome, output, startDate, stopDate };
    if (run.settled) return finished;
    run.settled = true;
    if (request.retention !== 'none') {
      const keepData = request.retention === 'full';
      this.store.updateExecution(request.arn, {
        status: outcome.status,
        stopDate,
        ...((keepData || request.keepOutput) && output !== undefined ? { output } : {}),
        ...(keepData && outcome.error !== undefined ? { error: outcome.error } : {}),
        ...(keepData && outcome.cause !== undefined ? { cause: outcome.cause } : {}),
      });
    }
    if (request.type === 'EXPRESS') this.express?.end(request.arn, { status: outcome.status, stopDate, output, error: outcome.error, cause: outcome.cause });
    this.running.delete(request.arn);
    this.count(request.stateMachineArn, -1);
    this.onSettled(request.stateMachineArn, request.arn);
    return finished;
  }

  private count(stateMachineArn: string, delta: number): void {
    const n = (this.runningByStateMachine.get(stateMachineArn) ?? 0) + delta;
    if (n !== 0) {
      this.runningByStateMachine.set(stateMachineArn, n);
      return;
    }
    this.runningByStateMachine.delete(stateMachineArn);
    const waiters = this.idleWaiters.get(stateMachineArn) ?? [];
    this.idleWaiters.delete(stateMachineArn);
    for (const resolve of waiters) resolve();
  }
}

function identityOf(request: StartRequest<unknown>, startTime: Date): ExecutionIdentity {
  return {
    executionArn: request.arn,
    executionName: request.name,
    stateMachineArn: request.stateMachineArn,
    stateMachineName: request.stateMachineName,
    roleArn: request.roleArn,
    startTime,
    type: request.type,
    redriveCount: request.resume?.redriveCount ?? 0,
    mapRunArn: request.mapRunArn,
    sync: request.sync,
    stateMachineVersionArn: request.stateMachineVersionArn,
    stateMachineAliasArn: request.stateMachineAliasArn,
  };
}

/** A redriven execution runs again: its previous ending is cleared (redriveCount/redriveDate are set by the caller). */
const REOPENED: ExecutionChanges = { status: 'RUNNING', stopDate: undefined, output: undefined, error: undefined, cause: undefined };

function storedPoint(point: Checkpoint): StoredResumePoint {
  const stored = { stateName: point.stateName, input: jsonText(point.input), variables: JSON.stringify(point.variables) };
  if (!point.completed) return stored;
  const completed = Object.entries(point.completed).map(([index, output]) => [index, jsonText(output)]);
  return { ...stored, completed: Object.fromEntries(completed) as Record<string, string> };
}

/** The engine's run as a promise, even if it throws synchronously. */
function settle(run: () => Promise<ExecutionOutcome>): Promise<ExecutionOutcome> {
  try {
    return run();
  } catch (err) {
    return Promise.reject(err);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Forwards an outer abort (e.g. a Map Run child's parent stopping) into the run's own controller. Not
 * AbortSignal.any: a long-lived parent signal would then keep one dependent per child ever started.
 */
function linkSignal(outer: AbortSignal | undefined, controller: AbortController): () => void {
  if (!outer) return () => {};
  if (outer.aborted) {
    controller.abort(outer.reason);
    return () => {};
  }
  const forward = () => controller.abort(outer.reason);
  // One shared outer signal may see MaxConcurrency (up to 10,000) children listening at once.
  setMaxListeners(0, outer);
  outer.addEventListener('abort', forward, { once: true });
  return () => outer.removeEventListener('abort', forward);
}
