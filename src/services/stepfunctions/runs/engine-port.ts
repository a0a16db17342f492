// The port this service needs from the ASL engine (src/engine). `real-engine.ts` adapts the engine to it;
// tests may script a fake. `D` is the engine's parsed definition, opaque here except for what
// DescribeStateMachine shows.
import type { Diagnostic, EngineDeps, ExecutionOutcome, ExecutionRequest, StateMachineType, TaskRunner } from '../../../engine';

export interface ParsedStateMachine {
  /** State name → variables it references (DescribeStateMachine `variableReferences`). */
  readonly variableReferences?: Readonly<Record<string, readonly string[]>>;
}

export interface ExecutionEngine<D extends ParsedStateMachine = ParsedStateMachine> {
  /** Throws DefinitionError (src/engine/errors/definition-error.ts) when the definition has errors. */
  parse(definition: string, options: { readonly type: StateMachineType; readonly tasks: TaskRunner }): D;
  validate(definition: string, options: { readonly type?: StateMachineType; readonly tasks: TaskRunner }): readonly Diagnostic[];
  /** The engine's own request, over this service's opaque definition type. Resolves with the outcome; workflow failures are outcomes, not rejections. */
  run(deps: EngineDeps, request: ExecutionRequest<D>): Promise<ExecutionOutcome>;
}
