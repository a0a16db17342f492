// Finds a state anywhere in a definition: at the top level, in a Map's ItemProcessor (inline or the
// Distributed Map's child workflow) or in a Parallel branch. TestState's `stateName` only names top-level
// states, so a nested state is tested in its enclosing `{StartAt, States}` block, which keeps the machine's
// QueryLanguage.

export type RawState = Record<string, unknown> & { readonly Type?: string };

export interface RawProgram {
  readonly StartAt: string;
  readonly States: Record<string, RawState>;
  readonly QueryLanguage?: string;
}

/** One step into a nested block: the Map or Parallel state holding it (and the branch index). */
export interface Enclosing {
  readonly stateName: string;
  readonly state: RawState;
  readonly program: RawProgram;
  readonly branch?: number;
}

export interface LocatedState {
  /** The block defining the state, as a definition TestState accepts. */
  readonly program: RawProgram;
  /** From the outermost block inwards; empty for a top-level state. */
  readonly path: readonly Enclosing[];
}

export function locateState(definition: RawProgram, stateName: string): LocatedState | undefined {
  const queryLanguage = definition.QueryLanguage;
  const search = (program: RawProgram, path: Enclosing[]): LocatedState | undefined => {
    const withLanguage: RawProgram = queryLanguage ? { ...program, QueryLanguage: queryLanguage } : program;
    if (Object.hasOwn(program.States, stateName)) return { program: withLanguage, path };
    for (const [name, state] of Object.entries(program.States)) {
      for (const [branch, inner] of innerPrograms(state)) {
        const found = search(inner, [...path, { stateName: name, state, program: withLanguage, ...(branch === undefined ? {} : { branch }) }]);
        if (found) return found;
      }
    }
    return undefined;
  };
  return search(definition, []);
}

function innerPrograms(state: RawState): Array<[number | undefined, RawProgram]> {
  if (state.Type === 'Map') {
    const processor = (state.ItemProcessor ?? state.Iterator) as RawProgram | undefined;
    return processor ? [[undefined, stripProcessorConfig(processor)]] : [];
  }
  if (state.Type === 'Parallel' && Array.isArray(state.Branches)) return (state.Branches as RawProgram[]).map((b, i) => [i, b]);
  return [];
}

/** ProcessorConfig is a field of the ItemProcessor, not of a state machine. */
function stripProcessorConfig(processor: RawProgram): RawProgram {
  const { ProcessorConfig: _config, ...program } = processor as RawProgram & { ProcessorConfig?: unknown };
  return program;
}

export function allStateNames(definition: RawProgram): string[] {
  const names: string[] = [];
  const visit = (program: RawProgram) => {
    for (const [name, state] of Object.entries(program.States)) {
      names.push(name);
      for (const [, inner] of innerPrograms(state)) visit(inner);
    }
  };
  visit(definition);
  return names;
}

/** True when the block is a Distributed Map's child workflow (each iteration a child execution of its own). */
export function isDistributedProcessor(enclosing: Enclosing): boolean {
  const processor = enclosing.state.ItemProcessor as { ProcessorConfig?: { Mode?: string } } | undefined;
  return processor?.ProcessorConfig?.Mode === 'DISTRIBUTED';
}
