// A fast lane for the most common JSONata expressions in real definitions, a bare variable or a plain field path
// (`$states.input.pk.S`, `$states.context.Map.Item.Value.orderNumber`, `$ddbTable`). A Distributed Map's
// ItemSelector evaluates several of them per item, and walking the objects directly costs a fraction of
// JSONata's generic evaluator. Only the case whose JSONata result is certain is answered here: every step an
// own property of a plain object, so that each step has exactly one input; JSONata's sequence rules then leave
// the value found as it is, an array included (jsonata.js evaluateStep: a last step with one result that is an
// array, not a sequence, returns that array). Anything else returns MISS and the caller evaluates with JSONata,
// so results never differ.
import type jsonata from 'jsonata';
import { isJsonObject } from '../common/json-object';

export interface SimplePath {
  /** The variable the path starts at, without `$`. */
  readonly variable: string;
  readonly names: readonly string[];
}

export const MISS: unique symbol = Symbol('simple-path-miss');

const PLAIN_STEP_KEYS = new Set(['type', 'value', 'position']);

function isPlainStep(node: jsonata.ExprNode, type: 'variable' | 'name'): boolean {
  return node.type === type && typeof node.value === 'string' && Object.keys(node).every((key) => PLAIN_STEP_KEYS.has(key));
}

/** The path when the expression is `$var` or `$var.name.name…` with no filters, predicates or array flags. */
export function simplePathOf(ast: jsonata.ExprNode): SimplePath | undefined {
  if (isPlainStep(ast, 'variable')) return ast.value === '' ? undefined : { variable: ast.value as string, names: [] };
  // jsonata's typings omit the 'path' node type its parser produces.
  if ((ast.type as string) !== 'path' || !Object.keys(ast).every((key) => key === 'type' || key === 'steps')) return undefined;
  const [first, ...rest] = ast.steps ?? [];
  // `$` alone is the context value, not a variable.
  if (first === undefined || !isPlainStep(first, 'variable') || first.value === '') return undefined;
  if (!rest.every((step) => isPlainStep(step, 'name'))) return undefined;
  return { variable: first.value as string, names: rest.map((step) => step.value as string) };
}

/** An array JSONata built as a sequence (flagged `sequence`): its own rules apply to it, so it is left to JSONata. */
export function isSequence(value: unknown): boolean {
  return Array.isArray(value) && (value as { sequence?: unknown }).sequence === true;
}

/** Walks `names` from `root`; MISS whenever JSONata's own answer could differ from a property lookup. */
export function walkSimplePath(root: unknown, names: readonly string[]): unknown {
  let value = root;
  for (const name of names) {
    if (!isJsonObject(value) || !Object.hasOwn(value, name)) return MISS;
    value = value[name];
  }
  return value === undefined || isSequence(value) ? MISS : value;
}
