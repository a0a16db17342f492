// One attempt at running one state: its inputs at each data-flow stage and the evaluation scopes the
// query languages need. Handlers receive it; they never touch the variable store or lifecycle events.
import type { EvalScope } from '../query/types';
import { contextObject, type MapItemContext, type StateContext } from './context-object';
import type { Scope } from './scope';

export interface StatesBindings {
  readonly result?: unknown;
  readonly errorOutput?: unknown;
}

export class StateRun {
  constructor(
    readonly scope: Scope,
    readonly stateName: string,
    readonly enteredEventId: number,
    readonly state: StateContext,
    /** The state's input as entered (`$states.input`). */
    readonly input: unknown,
    /** JSONPath: after InputPath; JSONata: the input. */
    readonly effective: unknown,
    /** After Parameters / Arguments; the effective input when the state has neither. */
    readonly args: unknown,
    /** The callback token of a `.waitForTaskToken` Task attempt (`$$.Task.Token`). */
    readonly taskToken?: string,
  ) {}

  /** The context object without `Map.Item`: the same for every stage of the attempt, so built once. */
  private context?: Record<string, unknown>;

  /** Replaces the context object (the TestState API's `context`): later stages of the attempt keep it. */
  withContext(context: Record<string, unknown>): this {
    this.context = context;
    return this;
  }

  /** The same attempt at a later data-flow stage. */
  withInputs(effective: unknown, args: unknown): StateRun {
    const next = new StateRun(this.scope, this.stateName, this.enteredEventId, this.state, this.input, effective, args, this.taskToken);
    next.context = this.context;
    return next;
  }

  get signal(): AbortSignal {
    return this.scope.signal;
  }

  get deps() {
    return this.scope.exec.deps;
  }

  /** The scope expressions of this state evaluate in; `mapItem` adds `Map.Item` to the context object. */
  evalScope(states: StatesBindings = {}, mapItem?: MapItemContext): EvalScope {
    const { exec, variables } = this.scope;
    return {
      stateName: this.stateName,
      enteredEventId: this.enteredEventId,
      context: mapItem
        ? contextObject(exec.context, this.state, { mapItem, taskToken: this.taskToken })
        : (this.context ??= contextObject(exec.context, this.state, { taskToken: this.taskToken })),
      variables,
      states: { input: this.input, result: states.result, errorOutput: states.errorOutput },
      random: exec.deps.random,
      uuid: exec.deps.uuid,
    };
  }
}
