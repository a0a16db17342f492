// The port this service needs from the ASL engine (src/engine). `real-engine.ts` adapts the engine to it;
// tests may script a fake. `D` is the engine's parsed definition, opaque here except for what
// DescribeStateMachine shows.
import type { Diagnostic } from '../../engine/errors/definition-error';
import type { TaskRunner } from '../../engine/integrations/types';
import type { Checkpoint, ResumePoint } from '../../engine/runtime/engine';
import type {
  EngineDeps,
  ExecutionIdentity,
  ExecutionOutcome,
  HistoryRecorder,
  StateMachineType,
} from '../../engine/runtime/types';

export interface ParsedStateMachine {
  /** State name → variables it references (DescribeStateMachine `variableReferences`). */
  readonly variableReferences?: Readonly<Record<string, readonly string[]>>;
}

export interface RunRequest<D> {
  readonly definition: D;
  readonly input: unknown;
  readonly identity: ExecutionIdentity;
  readonly history: HistoryRecorder;
  /** Aborted with a StopReason as `reason` → ExecutionAborted. */
  readonly signal?: AbortSignal;
  /** RedriveExecution: continue the history at this state (spec §4.11). */
  readonly resume?: ResumePoint;
  /** Receives each top-level state about to run (the redrive checkpoint). */
  readonly checkpoint?: (checkpoint: Checkpoint) => void;
}

export interface ExecutionEngine<D extends ParsedStateMachine = ParsedStateMachine> {
  /** Throws DefinitionError (src/engine/errors/definition-error.ts) when the definition has errors. */
  parse(definition: string, options: { readonly type: StateMachineType; readonly tasks: TaskRunner }): D;
  validate(definition: string, options: { readonly type?: StateMachineType; readonly tasks: TaskRunner }): readonly Diagnostic[];
  /** Resolves with the outcome; workflow failures are outcomes, not rejections. */
  run(deps: EngineDeps, request: RunRequest<D>): Promise<ExecutionOutcome>;
}
