// Payload templates (Parameters, ResultSelector, ItemSelector, Assign, BatchInput, Credentials): a key ending in
// `.$` takes its value from a path (`$…`, `$$…`, `$var…`) or an intrinsic call, and loses the `.$` suffix;
// everything else is copied as written, at any depth [DOC input-output-inputpath-params].
import { DefinitionError, schemaError } from '../../errors/definition-error';
import { setMember } from '../common/json-object';
import type { EvalScope, PayloadTemplate } from '../types';
import { compileIntrinsic } from './intrinsics/compile-intrinsic';
import { isIntrinsicCall } from './intrinsics/intrinsic-syntax';
import { pathNotFound } from './path-not-found';
import { CompiledReferencePath, parseFieldPath } from './reference-path';

type Evaluator = (doc: unknown, scope: EvalScope) => unknown;

interface Compiled {
  readonly evaluate: Evaluator;
  readonly variables: readonly string[];
}

const DYNAMIC_SUFFIX = '.$';

function pointer(location: string | undefined, key: string | number): string | undefined {
  return location === undefined ? undefined : `${location}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function compileDynamic(key: string, value: unknown, location?: string): Compiled {
  const invalid = () =>
    new DefinitionError([schemaError(`The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call`, location)]);
  if (typeof value !== 'string') throw invalid();
  if (isIntrinsicCall(value)) {
    const intrinsic = compileIntrinsic(value, key, location);
    return { evaluate: (doc, scope) => intrinsic.evaluate(doc, scope), variables: intrinsic.variableReferences };
  }
  if (!value.startsWith('$')) throw invalid();
  const path = new CompiledReferencePath(value, parseFieldPath(value, key, location));
  const evaluate: Evaluator = (doc, scope) => {
    const result = path.resolve(doc, scope);
    if (!result.found) throw pathNotFound(scope, value, key, doc);
    return result.value;
  };
  return { evaluate, variables: path.variableReferences };
}

function compileObject(template: Record<string, unknown>, location?: string): Compiled {
  const entries = Object.entries(template).map(([key, value]) => {
    const here = pointer(location, key);
    const dynamic = key.endsWith(DYNAMIC_SUFFIX);
    // AWS locates a bad `.$` value at the object holding it (recorded: "... at /States/S/Parameters").
    const compiled = dynamic ? compileDynamic(key, value, location) : compileValue(value, here);
    return { name: dynamic ? key.slice(0, -DYNAMIC_SUFFIX.length) : key, compiled };
  });
  const evaluate: Evaluator = (doc, scope) => {
    const out: Record<string, unknown> = {};
    for (const { name, compiled } of entries) setMember(out, name, compiled.evaluate(doc, scope));
    return out;
  };
  return { evaluate, variables: entries.flatMap((e) => e.compiled.variables) };
}

function compileValue(template: unknown, location?: string): Compiled {
  if (Array.isArray(template)) {
    const items = template.map((item, i) => compileValue(item, pointer(location, i)));
    return {
      evaluate: (doc, scope) => items.map((item) => item.evaluate(doc, scope)),
      variables: items.flatMap((item) => item.variables),
    };
  }
  if (template !== null && typeof template === 'object') return compileObject(template as Record<string, unknown>, location);
  return { evaluate: () => template, variables: [] };
}

/**
 * Compiles a payload template once. `field` names the ASL field (Parameters, ResultSelector, …); problems are
 * DefinitionErrors at `location` (a JSON pointer, extended for nested keys).
 */
export function compilePayloadTemplate(template: unknown, _field: string, location?: string): PayloadTemplate {
  const compiled = compileValue(template, location);
  return {
    variableReferences: [...new Set(compiled.variables)].sort(),
    evaluate: (doc, scope) => compiled.evaluate(doc, scope),
  };
}
