// Reproduces one state of a workflow on the sandbox with the TestState API: from the state's own entry in
// a history, or from an earlier input (a FAILED_n.json entry's Input) by walking the definition from the
// start of its block to the state, one TestState call per state, and into every iteration of the Map that
// holds it. The definition is the local one, so a fixed definition can be checked against production input.
import { TestStateCommand, type InspectionLevel, type MockInput, type SFNClient, type TestStateOutput } from '@aws-sdk/client-sfn';
import { isDistributedProcessor, locateState, type Enclosing, type RawProgram, type RawState } from './locate-state';
import type { StateEntry } from './state-entry';

export type StartPoint =
  { readonly kind: 'entry'; readonly entry: StateEntry } | { readonly kind: 'input'; readonly input: unknown; readonly variables: Record<string, unknown> };

export interface ReproduceRequest {
  readonly definition: RawProgram;
  readonly stateName: string;
  readonly start: StartPoint;
  readonly level: InspectionLevel;
  readonly roleArn: string;
  readonly mock?: MockInput;
}

/** One TestState run of the state: `label` says which iteration when the walk went through a Map. */
export interface Reproduction {
  readonly label?: string;
  /** The states run on the way, in order (empty when the input came from the state's own history entry). */
  readonly walked: readonly string[];
  readonly input: unknown;
  readonly response: TestStateOutput;
}

const MAX_STEPS = 1000;

export async function reproduceState(sfn: SFNClient, request: ReproduceRequest): Promise<Reproduction[]> {
  const located = locateState(request.definition, request.stateName);
  if (!located) throw new Error(`the definition has no state named '${request.stateName}'`);
  const programs = [...located.path.map((p) => p.program), located.program];
  const caller = new TestStateCaller(sfn, request);
  if (request.start.kind === 'entry') {
    const { entry } = request.start;
    const response = await caller.call(located.program, request.stateName, entry.input, entry.variables, { target: true, context: entry.context });
    return [{ walked: [], input: entry.input, response }];
  }
  const startLevel = located.path.reduce((level, enclosing, index) => (isDistributedProcessor(enclosing) ? index + 1 : level), 0);
  return new Walk(caller, request.stateName, programs, located.path).from(startLevel, request.start.input, request.start.variables, [], undefined);
}

interface CallOptions {
  readonly target?: boolean;
  readonly context?: object;
  readonly mock?: MockInput;
}

class TestStateCaller {
  constructor(
    private readonly sfn: SFNClient,
    private readonly request: ReproduceRequest,
  ) {}

  /** The target runs with the request's level and mock; states on the way run at DEBUG for their variables. */
  async call(program: RawProgram, stateName: string, input: unknown, variables: Record<string, unknown>, options: CallOptions = {}): Promise<TestStateOutput> {
    const { target = false, context, mock } = options;
    return this.sfn.send(
      new TestStateCommand({
        definition: JSON.stringify(program),
        stateName,
        input: JSON.stringify(input),
        variables: JSON.stringify(variables),
        roleArn: this.request.roleArn,
        inspectionLevel: target ? this.request.level : 'DEBUG',
        ...(target && this.request.mock ? { mock: this.request.mock } : mock ? { mock } : {}),
        ...(context ? { context: JSON.stringify(context) } : {}),
      }),
    );
  }

  async evaluate(expression: unknown, queryLanguage: string, input: unknown, variables: Record<string, unknown>): Promise<unknown> {
    const pass =
      queryLanguage === 'JSONata'
        ? { QueryLanguage: 'JSONata', Type: 'Pass', Output: expression ?? '{% $states.input %}', End: true }
        : { Type: 'Pass', InputPath: expression ?? '$', End: true };
    const response = await this.call({ StartAt: 'Evaluate', States: { Evaluate: pass } }, 'Evaluate', input, variables);
    if (response.status !== 'SUCCEEDED') throw new Error(`evaluating the Map's items failed: ${response.error}: ${response.cause}`);
    return JSON.parse(response.output ?? 'null');
  }
}

class Walk {
  constructor(
    private readonly caller: TestStateCaller,
    private readonly target: string,
    private readonly programs: readonly RawProgram[],
    private readonly path: readonly Enclosing[],
  ) {}

  async from(level: number, input: unknown, variables: Record<string, unknown>, walked: string[], label: string | undefined): Promise<Reproduction[]> {
    const program = this.programs[level];
    let name = program.StartAt;
    let value = input;
    let vars = variables;
    for (let step = 0; step < MAX_STEPS; step++) {
      if (level === this.path.length && name === this.target) {
        const response = await this.caller.call(program, name, value, vars, { target: true });
        return [{ label, walked, input: value, response }];
      }
      if (level < this.path.length && name === this.path[level].stateName) return this.into(level, value, vars, [...walked, name], label);
      const response = await this.caller.call(program, name, value, vars);
      walked = [...walked, name];
      if (response.status !== 'SUCCEEDED' && response.status !== 'CAUGHT_ERROR') {
        throw new Error(`on the way to '${this.target}', state '${name}' ended ${response.status}: ${response.error ?? ''} ${response.cause ?? ''}`.trim());
      }
      value = JSON.parse(response.output ?? 'null');
      if (response.inspectionData?.variables) vars = { ...vars, ...(JSON.parse(response.inspectionData.variables) as Record<string, unknown>) };
      if (!response.nextState) throw new Error(`the workflow ends at '${name}' without reaching '${this.target}' (walked: ${walked.join(' → ')})`);
      name = response.nextState;
    }
    throw new Error(`no path to '${this.target}' within ${MAX_STEPS} states (the walk loops?)`);
  }

  /** Runs the inner block once per iteration (Map) or for its branch (Parallel). */
  private async into(level: number, input: unknown, variables: Record<string, unknown>, walked: string[], label: string | undefined): Promise<Reproduction[]> {
    const enclosing = this.path[level];
    const inputs = enclosing.state.Type === 'Map' ? await this.iterationInputs(enclosing, input, variables) : [branchInput(enclosing.state, input)];
    const runs: Reproduction[] = [];
    for (let i = 0; i < inputs.length; i++) {
      const where = enclosing.state.Type === 'Map' ? `item ${i + 1} of ${inputs.length}` : `branch ${(enclosing.branch ?? 0) + 1}`;
      runs.push(...(await this.from(level + 1, inputs[i], variables, walked, label ? `${label}, ${where}` : where)));
    }
    return runs;
  }

  /** What each iteration receives: the Map's batches, selected items or items, as TestState inspects them. */
  private async iterationInputs(enclosing: Enclosing, input: unknown, variables: Record<string, unknown>): Promise<unknown[]> {
    const { state, program, stateName } = enclosing;
    if (state.ItemReader) {
      throw new Error(`'${stateName}' reads its items with an ItemReader: give the iteration's input instead (--failed FAILED_n.json or --input)`);
    }
    // TestState runs a Map only with a mock; its inspection data still shows the iterations' inputs.
    const mock = { result: state.ResultWriter ? '{}' : '[]' };
    const response = await this.caller.call(program, stateName, input, variables, { mock });
    if (response.status !== 'SUCCEEDED') throw new Error(`'${stateName}' failed before iterating: ${response.error ?? ''} ${response.cause ?? ''}`.trim());
    const inspection = response.inspectionData ?? {};
    const staged = inspection.afterItemBatcher ?? inspection.afterItemSelector ?? inspection.afterItemsPath;
    if (staged !== undefined) return JSON.parse(staged) as unknown[];
    const queryLanguage = (state.QueryLanguage as string | undefined) ?? program.QueryLanguage ?? 'JSONPath';
    const items = await this.caller.evaluate(queryLanguage === 'JSONata' ? state.Items : state.ItemsPath, queryLanguage, input, variables);
    if (!Array.isArray(items)) throw new Error(`'${stateName}' has no array of items for this input (got ${JSON.stringify(items)})`);
    return items as unknown[];
  }
}

function branchInput(state: RawState, input: unknown): unknown {
  if (state.Parameters !== undefined || state.Arguments !== undefined) {
    throw new Error('walking into a Parallel branch whose state sets Parameters or Arguments is not supported: give the branch input with --input');
  }
  return input;
}
