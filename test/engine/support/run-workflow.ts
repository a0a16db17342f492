// Parses a definition and runs it with fakes; returns the outcome, the recorded history and the fakes.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { Engine, parseDefinition, type StateMachineDefinition } from '../../../src/engine';
import type { CallbackPort } from '../../../src/engine/integrations/callbacks';
import type { DistributedMapPort } from '../../../src/engine';
import type { ExecutionIdentity, ExecutionOutcome, StateMachineType } from '../../../src/engine/runtime/types';
import { FakeClock, START } from './fake-clock';
import { FakeTaskRunner } from './fake-task-runner';

export const ARN = {
  stateMachine: 'arn:aws:states:us-east-1:123456789012:stateMachine:TestMachine',
  execution: 'arn:aws:states:us-east-1:123456789012:execution:TestMachine:exec-1',
  role: 'arn:aws:iam::123456789012:role/TestRole',
};

export function identity(type: StateMachineType = 'STANDARD', extra: Partial<ExecutionIdentity> = {}): ExecutionIdentity {
  return {
    executionArn: ARN.execution,
    executionName: 'exec-1',
    stateMachineArn: ARN.stateMachine,
    stateMachineName: 'TestMachine',
    roleArn: ARN.role,
    startTime: START,
    type,
    redriveCount: 0,
    ...extra,
  };
}

export interface RunOptions {
  readonly tasks?: FakeTaskRunner;
  readonly clock?: FakeClock;
  readonly type?: StateMachineType;
  readonly signal?: AbortSignal;
  readonly random?: () => number;
  readonly distributedMap?: DistributedMapPort;
  readonly identity?: Partial<ExecutionIdentity>;
  readonly callbacks?: CallbackPort;
}

export interface RunResult {
  readonly outcome: ExecutionOutcome;
  readonly events: HistoryEvent[];
  readonly clock: FakeClock;
  readonly tasks: FakeTaskRunner;
  readonly definition: StateMachineDefinition;
}

export async function runWorkflow(definition: unknown, input: unknown = {}, options: RunOptions = {}): Promise<RunResult> {
  const tasks = options.tasks ?? new FakeTaskRunner();
  const clock = options.clock ?? new FakeClock();
  const type = options.type ?? 'STANDARD';
  const parsed = parseDefinition(typeof definition === 'string' ? definition : JSON.stringify(definition), { type, tasks });
  const events: HistoryEvent[] = [];
  let uuids = 0;
  const engine = new Engine({
    clock,
    region: 'us-east-1',
    accountId: '123456789012',
    uuid: () => `00000000-0000-4000-8000-${String(++uuids).padStart(12, '0')}`,
    random: options.random ?? (() => 0.5),
    tasks,
    distributedMap: options.distributedMap,
    callbacks: options.callbacks,
  });
  const outcome = await engine.run({
    definition: parsed,
    input,
    identity: identity(type, options.identity),
    history: { record: (e) => events.push(e) },
    signal: options.signal,
  });
  return { outcome, events, clock, tasks, definition: parsed };
}

/** `[id, previousEventId, type]` triples: the shape history assertions compare. */
export function shape(events: readonly HistoryEvent[]): [number, number, string][] {
  return events.map((e) => [e.id as number, e.previousEventId as number, e.type as string]);
}

export function types(events: readonly HistoryEvent[]): string[] {
  return events.map((e) => e.type as string);
}
