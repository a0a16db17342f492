// The query-language data flow every state goes through (docs/aws-behaviour.md#query-languages-and-data-flow), applied only by the run loop:
//   JSONPath: InputPath → Parameters → (state) → ResultSelector → Assign → ResultPath → OutputPath
//   JSONata:  Arguments → (state) → Assign, Output (default: the result for Task/Parallel/Map, else the input)
// Assign and Output read the variables as they were when the state was entered (docs/aws-behaviour.md#variables): nothing here
// writes variables; the loop commits `assigned` afterwards.
import type { Catcher, JsonataIO, JsonPathIO, Payload, StateIO } from '../definition/types';
import { errorOutput } from '../errors/states-error-kinds';
import type { StatesError } from '../errors/states-error';
import { applyResultPath } from '../query/jsonpath';
import type { EvalScope, JsonataTemplate, ReferencePath } from '../query/types';
import { evaluatePayload } from './payload';
import type { StateRun } from './state-run';

export interface Finished {
  readonly output: unknown;
  readonly assigned?: Record<string, unknown>;
  /** JSONPath stages the TestState API reports (inspectionData): the result after ResultSelector and after ResultPath. */
  readonly afterResultSelector?: unknown;
  readonly afterResultPath?: unknown;
}

/** What a handler produced: a result (Task, Parallel, Map, Pass) or nothing (Wait, Succeed, Choice). */
export interface StateResult {
  readonly hasResult: boolean;
  readonly result?: unknown;
}

/** A Choice rule's Assign/Output replace the state's own when the rule matched (docs/aws-behaviour.md#variables). */
export interface Overrides {
  readonly Assign?: Payload;
  readonly Output?: JsonataTemplate;
}

function applyPath(path: ReferencePath | null | undefined, doc: unknown, scope: EvalScope): unknown {
  if (path === null) return {};
  return path ? path.select(doc, scope) : doc;
}

export function selectInput(io: StateIO, input: unknown, scope: EvalScope): unknown {
  return io.QueryLanguage === 'JSONPath' ? applyPath(io.InputPath, input, scope) : input;
}

export async function buildArguments(io: StateIO, effective: unknown, scope: EvalScope): Promise<unknown> {
  if (io.QueryLanguage === 'JSONPath') return io.Parameters ? io.Parameters.evaluate(effective, scope) : effective;
  return io.Arguments ? io.Arguments.evaluate(scope) : effective;
}

async function assignments(assign: Payload | undefined, doc: unknown, scope: EvalScope): Promise<Record<string, unknown> | undefined> {
  return assign ? ((await evaluatePayload(assign, doc, scope)) as Record<string, unknown>) : undefined;
}

async function finishJsonPath(io: JsonPathIO, run: StateRun, outcome: StateResult, overrides?: Overrides): Promise<Finished> {
  const scope = run.evalScope();
  const selected = !outcome.hasResult ? run.effective : io.ResultSelector ? io.ResultSelector.evaluate(outcome.result, scope) : outcome.result;
  const assign = overrides ? overrides.Assign : io.Assign && { QueryLanguage: 'JSONPath' as const, template: io.Assign };
  const assigned = await assignments(assign, selected, scope);
  const merged = outcome.hasResult ? applyResultPath(run.input, selected, io.ResultPath, scope) : run.effective;
  const stages = outcome.hasResult ? { afterResultSelector: selected, afterResultPath: merged } : {};
  return { output: applyPath(io.OutputPath, merged, scope), assigned, ...stages };
}

async function finishJsonata(io: JsonataIO, run: StateRun, outcome: StateResult, overrides?: Overrides): Promise<Finished> {
  const scope = run.evalScope(outcome.hasResult ? { result: outcome.result } : {});
  const assign = overrides ? overrides.Assign : io.Assign && { QueryLanguage: 'JSONata' as const, template: io.Assign };
  const assigned = await assignments(assign, undefined, scope);
  const output = overrides ? overrides.Output : io.Output;
  return { output: output ? await output.evaluate(scope) : outcome.hasResult ? outcome.result : run.input, assigned };
}

export function finishState(io: StateIO, run: StateRun, outcome: StateResult, overrides?: Overrides): Promise<Finished> {
  return io.QueryLanguage === 'JSONPath' ? finishJsonPath(io, run, outcome, overrides) : finishJsonata(io, run, outcome, overrides);
}

/** A Catcher's output (docs/aws-behaviour.md#retry-and-catch): ResultPath merge (default: the error object) or JSONata Output/Assign. */
export async function catchOutput(catcher: Catcher, run: StateRun, error: StatesError): Promise<Finished> {
  const errorObject = errorOutput(error);
  const { io } = catcher;
  if (io.QueryLanguage === 'JSONPath') {
    const scope = run.evalScope();
    // In a JSONPath catcher's Assign, `$` is the error object (recorded, docs/aws-behaviour.md#variables).
    const assigned = io.Assign ? (io.Assign.evaluate(errorObject, scope) as Record<string, unknown>) : undefined;
    return { output: applyResultPath(run.input, errorObject, io.ResultPath, scope), assigned };
  }
  const scope = run.evalScope({ errorOutput: errorObject });
  const assigned = io.Assign ? ((await io.Assign.evaluate(scope)) as Record<string, unknown>) : undefined;
  return { output: io.Output ? await io.Output.evaluate(scope) : errorObject, assigned };
}
