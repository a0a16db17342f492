// A `{StartAt, States}` block and its graph checks, with the codes and wording AWS returns (measured by
// the floci project, PR #2786): `MISSING_TRANSITION_TARGET: Missing 'Next' target: <name>` for every
// dangling Next/Default/Catch target, `MISSING_END_STATE: Workflow has no terminal state` (no location,
// suppresses the reachability walk), `MISSING_TRANSITION_TARGET: State "<name>" is not reachable.`
import { isJsonObject } from '../query/common/json-object';
import { checkObjectFields } from './allowed-fields';
import { at, type ParseContext } from './parse-context';
import { parseState } from './parse-state';
import type { ProgramParser } from './states/state-parser';
import type { Program, StateNode } from './types';

interface Edge {
  readonly target: string;
  readonly location: string;
}

function edges(state: StateNode): Edge[] {
  const list: Edge[] = [];
  if ('Next' in state && state.Next !== undefined) list.push({ target: state.Next, location: at(state.location, 'Next') });
  if (state.Type === 'Choice') {
    state.Choices.forEach((rule, i) => list.push({ target: rule.Next, location: at(at(at(state.location, 'Choices'), i), 'Next') }));
    if (state.Default !== undefined) list.push({ target: state.Default, location: at(state.location, 'Default') });
  }
  if ('Catch' in state) {
    state.Catch.forEach((c, i) => list.push({ target: c.Next, location: at(at(at(state.location, 'Catch'), i), 'Next') }));
  }
  return list;
}

function isTerminal(state: StateNode): boolean {
  if (state.Type === 'Succeed' || state.Type === 'Fail') return true;
  return state.Type !== 'Choice' && state.Next === undefined;
}

function checkGraph(ctx: ParseContext, program: Program): void {
  const states = Object.values(program.States);
  for (const state of states) {
    for (const edge of edges(state)) {
      if (!Object.hasOwn(program.States, edge.target)) {
        ctx.error(`Missing 'Next' target: ${edge.target}`, edge.location, 'MISSING_TRANSITION_TARGET');
      }
    }
  }
  if (!states.some(isTerminal)) {
    ctx.error('Workflow has no terminal state', undefined, 'MISSING_END_STATE');
    return;
  }
  const reached = new Set<string>();
  const pending = [program.StartAt];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const state = program.States[name];
    if (reached.has(name) || !state) continue;
    reached.add(name);
    for (const edge of edges(state)) pending.push(edge.target);
  }
  for (const state of states) {
    if (!reached.has(state.name)) {
      ctx.error(`State "${state.name}" is not reachable.`, state.location, 'MISSING_TRANSITION_TARGET');
    }
  }
}

/**
 * Parses a program. `extraFields` are the other fields its container allows (top level: TimeoutSeconds…;
 * ItemProcessor: ProcessorConfig). Unknown fields are `Field '<name>' is not supported`.
 */
export function parseProgram(ctx: ParseContext, raw: unknown, location: string, express: boolean, extraFields: readonly string[] = []): Program {
  const States = Object.create(null) as Record<string, StateNode>;
  const program: Program = { StartAt: '', States, location };
  if (!isJsonObject(raw)) {
    ctx.error('Expected value of type Object', location);
    return program;
  }
  checkObjectFields(ctx, raw, ['StartAt', 'States', 'Comment', ...extraFields], location);
  if (!ctx.required(raw, ['States', 'StartAt'], location)) return program;
  const startAt = ctx.string(raw, 'StartAt', location) ?? '';
  const rawStates = ctx.object(raw, 'States', location);
  if (!rawStates) return program;
  const nested: ProgramParser = (child, childLocation, childExpress, extra, childCtx) =>
    parseProgram(childCtx ?? ctx, child, childLocation, childExpress, extra);
  for (const [name, rawState] of Object.entries(rawStates)) {
    const state = parseState(ctx, name, rawState, at(at(location, 'States'), name), express, nested);
    if (state) States[name] = state;
  }
  const complete = { ...program, StartAt: startAt };
  if (!Object.hasOwn(rawStates, startAt)) {
    // The dangling-StartAt wording is not recorded; it follows the Next wording [UNCONFIRMED].
    ctx.error(`Missing 'StartAt' target: ${startAt}`, at(location, 'StartAt'), 'MISSING_TRANSITION_TARGET');
  } else if (Object.keys(States).length === Object.keys(rawStates).length) {
    checkGraph(ctx, complete);
  }
  return complete;
}
