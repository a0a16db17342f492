// Entry points: definition text → StateMachineDefinition, or the diagnostics ValidateStateMachineDefinition
// returns. One pass collects every problem; parseDefinition throws them as a DefinitionError.
import { DefinitionError, schemaError, type Diagnostic } from '../errors/definition-error';
import type { TaskRunner } from '../integrations/types';
import { isJsonObject } from '../query/common/json-object';
import type { StateMachineType } from '../runtime/types';
import { invalidJson, parseJsonRoot } from './json-diagnostic';
import { ParseContext } from './parse-context';
import { parseProgram } from './program';
import type { QueryLanguage, StateMachineDefinition } from './types';

const TOP_LEVEL_FIELDS = ['Comment', 'TimeoutSeconds', 'Version', 'QueryLanguage'];
const NOT_AN_OBJECT = 'Definition must be a valid JSON object';

interface Analysis {
  readonly definition?: StateMachineDefinition;
  readonly diagnostics: readonly Diagnostic[];
}

function analyse(source: string, type: StateMachineType, tasks: TaskRunner): Analysis {
  if (source.trim() === '') return { diagnostics: [schemaError(NOT_AN_OBJECT)] };
  const parsed = parseJsonRoot(source);
  if (!parsed.ok) return { diagnostics: [invalidJson(source)] };
  const raw = parsed.value;
  if (!isJsonObject(raw)) return { diagnostics: [schemaError(NOT_AN_OBJECT)] };
  const probe = new ParseContext({ type, tasks }, 'JSONPath');
  const queryLanguage: QueryLanguage = probe.oneOf(raw, 'QueryLanguage', '/', ['JSONPath', 'JSONata'] as const) ?? 'JSONPath';
  const ctx = new ParseContext({ type, tasks }, queryLanguage, probe.diagnostics);
  const timeoutSeconds = ctx.integer(raw, 'TimeoutSeconds', '/', 1, 99999999);
  ctx.string(raw, 'Version', '/');
  const program = parseProgram(ctx, raw, '/', type === 'EXPRESS', TOP_LEVEL_FIELDS);
  const definition: StateMachineDefinition = {
    source,
    queryLanguage,
    type,
    timeoutSeconds,
    Comment: typeof raw.Comment === 'string' ? raw.Comment : undefined,
    variableReferences: ctx.referencesByState(),
    program,
  };
  return { definition, diagnostics: ctx.diagnostics };
}

/** Parses and compiles a definition; throws DefinitionError carrying every ERROR diagnostic. */
export function parseDefinition(definition: string, options: { readonly type: StateMachineType; readonly tasks: TaskRunner }): StateMachineDefinition {
  const result = analyse(definition, options.type, options.tasks);
  const errors = result.diagnostics.filter((d) => d.severity === 'ERROR');
  if (errors.length > 0 || !result.definition) throw new DefinitionError(errors);
  return result.definition;
}

/** All diagnostics for a definition (ValidateStateMachineDefinition); `type` defaults to STANDARD. */
export function validateDefinition(definition: string, options: { readonly type?: StateMachineType; readonly tasks: TaskRunner }): Diagnostic[] {
  return [...analyse(definition, options.type ?? 'STANDARD', options.tasks).diagnostics];
}
