// What the TestState API tests (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html):
// `definition` is either one state, or a whole state machine together with `stateName`. A lone state is
// parsed as the only state of a machine named `StateName` (the name AWS reports for it in errors and in
// `$$.State.Name`); the states its transitions name need not exist, so they are stood in for by Succeed
// states that are never run.
import type { TaskRunner } from '../integrations/types';
import { parseDefinition } from '../definition/parse-definition';
import type { StateMachineDefinition, StateNode } from '../definition/types';
import { DefinitionError, schemaError } from '../errors/definition-error';
import { invalidJson, parseJsonRoot } from '../definition/json-diagnostic';
import { isJsonObject } from '../query/common/json-object';

/** The name a lone state is tested under. */
export const LONE_STATE_NAME = 'StateName';

export interface TestTarget {
  readonly definition: StateMachineDefinition;
  /** Undefined when `stateName` names no top-level state. */
  readonly node?: StateNode;
}

/**
 * Parses the TestState `definition`; throws DefinitionError for a definition AWS would reject. Parsed as
 * STANDARD, whose checks are the looser ones (`.sync` and `.waitForTaskToken` resources are allowed).
 */
export function parseTestDefinition(text: string, stateName: string | undefined, tasks: TaskRunner): TestTarget {
  if (stateName !== undefined) {
    const definition = parseDefinition(text, { type: 'STANDARD', tasks });
    return { definition, node: Object.hasOwn(definition.program.States, stateName) ? definition.program.States[stateName] : undefined };
  }
  const definition = parseDefinition(JSON.stringify(loneStateMachine(text)), { type: 'STANDARD', tasks });
  return { definition, node: definition.program.States[LONE_STATE_NAME] };
}

function loneStateMachine(text: string): Record<string, unknown> {
  const parsed = parseJsonRoot(text);
  if (!parsed.ok) throw new DefinitionError([invalidJson(text)]);
  const state = parsed.value;
  if (!isJsonObject(state)) throw new DefinitionError([schemaError('Definition must be a valid JSON object')]);
  const States: Record<string, unknown> = { [LONE_STATE_NAME]: state };
  for (const target of transitionTargets(state)) States[target] ??= { Type: 'Succeed' };
  // No machine-level QueryLanguage: the state's own decides for it, and its inner states default to JSONPath.
  return { StartAt: LONE_STATE_NAME, States };
}

/** Next, Default, Choices[].Next and Catch[].Next of one raw state. */
function transitionTargets(state: Record<string, unknown>): string[] {
  const targets: unknown[] = [state.Next, state.Default];
  for (const list of [state.Choices, state.Catch]) {
    if (Array.isArray(list)) for (const entry of list) if (isJsonObject(entry)) targets.push(entry.Next);
  }
  return targets.filter((t): t is string => typeof t === 'string' && t !== LONE_STATE_NAME);
}
