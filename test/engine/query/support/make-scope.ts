// Builds EvalScopes for the query-language tests: a fixed state name/event id and a Map-backed VariableReader.
import type { EvalScope } from '../../../../src/engine/query/types';

export const STATE_PREFIX = "An error occurred while executing the state 'S' (entered at the event id #2). ";

export function makeScope(
  overrides: {
    input?: unknown;
    result?: unknown;
    errorOutput?: unknown;
    context?: unknown;
    variables?: Record<string, unknown>;
    random?: () => number;
    uuid?: () => string;
  } = {},
): EvalScope {
  const variables = new Map(Object.entries(overrides.variables ?? {}));
  return {
    stateName: 'S',
    enteredEventId: 2,
    context: overrides.context ?? { Execution: { Id: 'arn:exec', Input: overrides.input ?? {} }, State: { Name: 'S' } },
    variables: { has: (name) => variables.has(name), get: (name) => variables.get(name) },
    states: { input: overrides.input ?? {}, result: overrides.result, errorOutput: overrides.errorOutput },
    random: overrides.random,
    uuid: overrides.uuid,
  };
}
