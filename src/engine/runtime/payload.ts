// Evaluating compiled templates and dynamic (literal / `*Path` / JSONata) fields in either query language.
import type { DynamicValue, Payload } from '../definition/types';
import { evaluateTyped, type JsonataValueKind } from '../query/jsonata';
import type { EvalScope } from '../query/types';

/** Parameters / ItemSelector / BatchInput / Credentials: `doc` is what `$` denotes (JSONPath only). */
export async function evaluatePayload(payload: Payload, doc: unknown, scope: EvalScope): Promise<unknown> {
  return payload.QueryLanguage === 'JSONPath' ? payload.template.evaluate(doc, scope) : payload.template.evaluate(scope);
}

/**
 * The value of a dynamic field. JSONata results are type-checked as `kind` (with AWS's "unexpected result
 * type" message); a `*Path` value is returned as found, because each field words its own range errors.
 */
export async function resolveDynamic(
  value: DynamicValue<unknown>,
  doc: unknown,
  scope: EvalScope,
  kind: JsonataValueKind,
): Promise<{ readonly value: unknown; readonly path?: string }> {
  switch (value.kind) {
    case 'literal':
      return { value: value.value };
    case 'jsonata':
      return { value: await evaluateTyped(value.template, scope, value.field, kind) };
    case 'path':
      return { value: value.selector.select(doc, scope), path: value.path };
  }
}

/** How AWS quotes a path value in "refers to value \"<v>\"" messages: strings bare, anything else as JSON. */
export function quoteValue(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
}
