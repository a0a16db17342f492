// Runs executions in-process and asynchronously: start() records the execution and returns at once; the
// engine's run() promise completes the record. Stopping aborts the run's AbortSignal with a StopReason.
import type {
  Checkpoint,
  EngineDeps,
  ExecutionIdentity,
  ExecutionOutcome,
  ExecutionRequest,
  HistoryRecorder,
  ResumePoint,
  StateMachineType,
  StopReason,
} from '../../../engine';
import type { ExecutionEngine, ParsedStateMachine } from './engine-port';
import { jsonText, type ExecutionInput } from '../api/execution-input';
import type { ExecutionChanges, ExecutionRecord, StateMachineRevision, StepFunctionsStore, StoredResumePoint } from '../store/store';
import { ExpressHistories } from './express-histories';
import { retentionPolicy, type Retention, type RetentionPolicy } from './retention';

/** The state machine an execution runs, as the runner records it and the engine identifies it. */
export interface RunStateMachine {
  readonly arn: string;
  readonly name: string;
  readonly type: StateMachineType;
  readonly roleArn: string;
  /** The stored revision the execution runs (a redrive runs it again); Map Run children have none. */
  readonly revision?: StateMachineRevision;
  /** Started through a version or alias ARN (DescribeExecution / ListExecutions show them). */
  readonly versionArn?: string;
  readonly aliasArn?: string;
}

/** What makes an execution a Map Run child. */
export interface MapRunChild {
  readonly mapRunArn: string;
  /** Items the child carries (a batch) and the index of its first one. */
  readonly itemCount: number;
  readonly itemIndex: number;
  /** Keep a succeeded child's output although an EXPRESS child's record keeps list fields only (its Map returns the outputs). */
  readonly keepOutput?: boolean;
  /** The parent's signal, which also stops the child. */
  readonly signal?: AbortSignal;
}

/** The runner's one request: start an execution, or with `resume` continue a recorded one. */
export interface ExecutionStart<D> {
  readonly arn: string;
  readonly name: string;
  readonly stateMachine: RunStateMachine;
  readonly definition: D;
  readonly input: ExecutionInput;
  readonly traceHeader?: string;
  /** StartSyncExecution. */
  readonly sync?: boolean;
  /** MockConfigFile test case (`#Case`): kept on the record so a redrive runs under it again. */
  readonly testCase?: string;
  readonly mapRun?: MapRunChild;
  /** RedriveExecution: the execution exists and continues at this point (docs/aws-behaviour.md#redrive). */
  readonly resume?: ResumePoint;
}

export interface RunnerOptions {
  /** What is kept of executions and how many EXPRESS histories; defaults to retentionPolicy(0). */
  readonly retention?: RetentionPolicy;
  /** How long StopExecution waits for the engine to honour the abort; defaults to STOP_GRACE_MS. */
  readonly stopGraceMs?: number;
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

/** One execution in progress; `finish` closes it once, whoever comes first (the engine or a stop's grace timeout). */
interface RunState {
  readonly request: ExecutionStart<unknown>;
  readonly retention: Retention;
  readonly startDate: Date;
  readonly controller: AbortController;
  settled: boolean;
}

interface Running {
  readonly state: RunState;
  /** Settles when the engine's run has been finished (its record closed). */
  readonly done: Promise<FinishedExecution>;
}

/** How long StopExecution waits for the engine to honour the abort before closing the record itself. */
export const STOP_GRACE_MS = 10_000;

export class ExecutionRunner<D extends ParsedStateMachine> {
  private readonly running = new Map<string, Running>();
  private readonly runningByStateMachine = new Map<string, number>();
  private readonly idleWaiters = new Map<string, (() => void)[]>();
  private readonly retention: RetentionPolicy;
  private readonly stopGraceMs: number;
  /** The latest EXPRESS histories, kept for the console (the sandbox's private API reads them). */
  readonly expressHistories: ExpressHistories;

  constructor(
    private readonly store: StepFunctionsStore,
    private readonly engine: ExecutionEngine<D>,
    private readonly engineDeps: EngineDeps,
    /** Called whenever an execution of this state machine ends (DeleteStateMachine waits on it). */
    private readonly onSettled: (stateMachineArn: string, executionArn: string) => void,
    options: RunnerOptions = {},
  ) {
    this.retention = options.retention ?? retentionPolicy(0);
    this.stopGraceMs = options.stopGraceMs ?? STOP_GRACE_MS;
    this.expressHistories = new ExpressHistories(this.retention.expressHistories);
  }

  start(request: ExecutionStart<D>): StartedExecution {
    const startDate = request.resume ? (this.store.getExecution(request.arn)?.startDate ?? this.engineDeps.clock.now()) : this.engineDeps.clock.now();
    const retention = this.retention.of(request.stateMachine.type, request.mapRun !== undefined);
    if (request.resume) this.store.updateExecution(request.arn, REOPENED);
    else if (retention !== 'none') this.store.putExecution(newRecord(request, retention, startDate));
    const controller = new AbortController();
    const unlink = linkSignal(request.mapRun?.signal, controller);
    const state: RunState = { request, retention, startDate, controller, settled: false };
    const done = settle(() =>
      this.engine.run(this.engineDeps, {
        definition: request.definition,
        input: request.input.value,
        identity: identityOf(request, startDate),
        history: this.recorder(request, retention, startDate),
        signal: controller.signal,
        resume: request.resume,
        ...(retention === 'full' ? this.checkpoints(request.arn) : {}),
      }),
    )
      // The engine resolves workflow failures; a rejection is an engine bug, reported as States.Runtime.
      .catch((err: unknown): ExecutionOutcome => ({ status: 'FAILED', error: 'States.Runtime', cause: errorText(err) }))
      .then((outcome) => this.finish(state, outcome))
      .finally(unlink);
    this.running.set(request.arn, { state, done });
    this.count(request.stateMachine.arn, +1);
    return { startDate, done };
  }

  /**
   * STANDARD histories go to the store; the latest EXPRESS ones to the bounded keeper. Otherwise nobody can
   * read the history, and the engine skips building event details.
   */
  private recorder(request: ExecutionStart<D>, retention: Retention, startDate: Date): HistoryRecorder {
    if (retention === 'full') return { record: (event) => this.store.appendHistory(request.arn, event) };
    const keep =
      request.stateMachine.type === 'EXPRESS' && !request.resume
        ? this.expressHistories.begin({
            arn: request.arn,
            name: request.name,
            stateMachineArn: request.stateMachine.arn,
            startDate,
            input: request.input.text,
            ...(request.mapRun ? { mapRunArn: request.mapRun.mapRunArn } : {}),
          })
        : undefined;
    return keep ?? { record: () => {}, discards: true };
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
    run.state.controller.abort(reason);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.stopGraceMs)));
    await Promise.race([run.done, grace]);
    clearTimeout(timer);
    // An engine that ignored the abort: close the record so the API stays consistent.
    if (!run.state.settled) this.finish(run.state, { status: 'ABORTED', ...reason });
  }

  /** Stops everything still running (endpoint shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.running.keys()].map((arn) => this.stop(arn, {})));
  }

  /** Where a redrive resumes: each top-level state, and each branch / iteration of it that succeeded (as a delta). */
  private checkpoints(arn: string): Pick<ExecutionRequest<D>, 'checkpoint' | 'iterationSucceeded'> {
    return {
      checkpoint: (point) => this.store.updateExecution(arn, { resumePoint: storedPoint(point) }),
      iterationSucceeded: (index, output) => this.store.updateExecution(arn, { completedIteration: { index, output: jsonText(output) } }),
    };
  }

  private finish(run: RunState, outcome: ExecutionOutcome): FinishedExecution {
    const { request, retention, startDate } = run;
    const stopDate = this.engineDeps.clock.now();
    const output = outcome.status === 'SUCCEEDED' ? jsonText(outcome.output) : undefined;
    const finished = { outcome, output, startDate, stopDate };
    if (run.settled) return finished;
    run.settled = true;
    if (retention !== 'none') {
      const keepData = retention === 'full';
      this.store.updateExecution(request.arn, {
        status: outcome.status,
        stopDate,
        ...((keepData || request.mapRun?.keepOutput) && output !== undefined ? { output } : {}),
        ...(keepData && outcome.error !== undefined ? { error: outcome.error } : {}),
        ...(keepData && outcome.cause !== undefined ? { cause: outcome.cause } : {}),
      });
    }
    if (request.stateMachine.type === 'EXPRESS')
      this.expressHistories.end(request.arn, { status: outcome.status, stopDate, output, error: outcome.error, cause: outcome.cause });
    this.running.delete(request.arn);
    this.count(request.stateMachine.arn, -1);
    this.onSettled(request.stateMachine.arn, request.arn);
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

function identityOf(request: ExecutionStart<unknown>, startTime: Date): ExecutionIdentity {
  const { stateMachine } = request;
  return {
    executionArn: request.arn,
    executionName: request.name,
    stateMachineArn: stateMachine.arn,
    stateMachineName: stateMachine.name,
    roleArn: stateMachine.roleArn,
    startTime,
    type: stateMachine.type,
    redriveCount: request.resume?.redriveCount ?? 0,
    mapRunArn: request.mapRun?.mapRunArn,
    sync: request.sync,
    stateMachineVersionArn: stateMachine.versionArn,
    stateMachineAliasArn: stateMachine.aliasArn,
  };
}

function newRecord(request: ExecutionStart<unknown>, retention: Retention, startDate: Date): ExecutionRecord {
  const { stateMachine, mapRun } = request;
  const full = retention === 'full';
  return {
    arn: request.arn,
    name: request.name,
    stateMachineArn: stateMachine.arn,
    type: stateMachine.type,
    startDate,
    status: 'RUNNING',
    ...(request.traceHeader !== undefined ? { traceHeader: request.traceHeader } : {}),
    ...(mapRun ? { mapRunArn: mapRun.mapRunArn, itemCount: mapRun.itemCount, itemIndex: mapRun.itemIndex } : {}),
    ...(full ? { input: request.input.text, revision: stateMachine.revision } : mapRun?.keepOutput ? { input: request.input.text } : {}),
    ...(full && request.testCase !== undefined ? { testCase: request.testCase } : {}),
    ...(stateMachine.versionArn !== undefined ? { stateMachineVersionArn: stateMachine.versionArn } : {}),
    ...(stateMachine.aliasArn !== undefined ? { stateMachineAliasArn: stateMachine.aliasArn } : {}),
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

/** The runs linked to each outer signal that are still running, in the order they started. */
const linkedRuns = new WeakMap<AbortSignal, Set<AbortController>>();

/**
 * Forwards an outer abort (e.g. a Map Run child's parent stopping) into the run's own controller. Not
 * AbortSignal.any: a long-lived parent signal would then keep one dependent per child ever started. Not one
 * listener per child either: an EventTarget walks its listeners on every add and remove, and a Map Run's
 * signal has up to MaxConcurrency children listening (≈ 20 µs per child at 50). One listener per outer
 * signal aborts the runs linked to it, in the order they started.
 */
function linkSignal(outer: AbortSignal | undefined, controller: AbortController): () => void {
  if (!outer) return () => {};
  if (outer.aborted) {
    controller.abort(outer.reason);
    return () => {};
  }
  const runs = linkedRuns.get(outer) ?? forwardAbort(outer);
  runs.add(controller);
  return () => {
    runs.delete(controller);
  };
}

/** Listens once on `outer`, and aborts with its reason every run linked to it at that moment. */
function forwardAbort(outer: AbortSignal): Set<AbortController> {
  const runs = new Set<AbortController>();
  linkedRuns.set(outer, runs);
  const abortAll = () => {
    for (const run of [...runs]) run.abort(outer.reason);
    runs.clear();
  };
  outer.addEventListener('abort', abortAll, { once: true });
  return runs;
}
