// The fast lane, one level up from plain paths (simple-path.ts): string concatenation (`&`), addition and
// `$string()` over plain paths and literals, as in a Distributed Map ItemSelector's
// `{% $states.context.Map.Item.Value.orderNumber & '-' & $states.context.Map.Item.Value.orderDate %}` or
// `{% $string($states.context.Map.Item.Index + 1) %}`, evaluated once per item. Each operator answers only for
// operand types whose JSONata result is certain (`&` of strings, `+` of finite numbers, `$string` of a string
// or of an integer below 1e15, which JSONata's 15-significant-digit formatting leaves as is); anything else
// is MISS and the caller evaluates with JSONata, so results never differ.
import type jsonata from 'jsonata';
import { MISS, simplePathOf, walkSimplePath } from './simple-path';

/** A variable's bound value, or MISS when it is not bound (JSONata then decides). */
type VariableLookup = (variable: string) => unknown;
export type FastLane = (lookup: VariableLookup) => unknown;

type AstNode = jsonata.ExprNode & Record<string, unknown>;

function hasOnlyKeys(node: AstNode, keys: readonly string[]): boolean {
  return Object.keys(node).every((key) => key === 'position' || keys.includes(key));
}

const LITERAL_KEYS = ['type', 'value'];
const BINARY_KEYS = ['type', 'value', 'lhs', 'rhs'];
// jsonata 2.0.6 gives function calls a `name` key, undefined for plain calls.
const CALL_KEYS = ['type', 'name', 'value', 'arguments', 'procedure'];

function path(node: AstNode): FastLane | undefined {
  const simple = simplePathOf(node);
  if (!simple) return undefined;
  return (lookup) => {
    const root = lookup(simple.variable);
    return root === MISS ? MISS : walkSimplePath(root, simple.names);
  };
}

function binary(node: AstNode, shadowed: ReadonlySet<string>): FastLane | undefined {
  if (!hasOnlyKeys(node, BINARY_KEYS) || (node.value !== '&' && node.value !== '+')) return undefined;
  const lhs = compileFastLane(node.lhs as AstNode, shadowed);
  const rhs = compileFastLane(node.rhs as AstNode, shadowed);
  if (!lhs || !rhs) return undefined;
  if (node.value === '&') {
    return (lookup) => {
      const a = lhs(lookup);
      const b = typeof a === 'string' ? rhs(lookup) : MISS;
      return typeof a === 'string' && typeof b === 'string' ? a + b : MISS;
    };
  }
  return (lookup) => {
    const a = lhs(lookup);
    const b = typeof a === 'number' ? rhs(lookup) : MISS;
    if (typeof a !== 'number' || typeof b !== 'number') return MISS;
    const sum = a + b;
    return Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(sum) ? sum : MISS;
  };
}

function stringCall(node: AstNode, shadowed: ReadonlySet<string>): FastLane | undefined {
  const procedure = node.procedure as AstNode | undefined;
  const args = node.arguments as AstNode[] | undefined;
  if (!hasOnlyKeys(node, CALL_KEYS) || node.name !== undefined || node.value !== '(' || !procedure || !args || args.length !== 1) return undefined;
  // A workflow variable named `string`, when the expression binds it, would shadow the function.
  if (procedure.type !== 'variable' || procedure.value !== 'string' || shadowed.has('string') || !hasOnlyKeys(procedure, LITERAL_KEYS)) return undefined;
  const arg = compileFastLane(args[0], shadowed);
  if (!arg) return undefined;
  return (lookup) => {
    const value = arg(lookup);
    if (typeof value === 'string') return value;
    return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e15 && !Object.is(value, -0) ? String(value) : MISS;
  };
}

/** The fast evaluation of `ast`, or undefined when some part of it is not covered. `shadowed`: bound variable names. */
export function compileFastLane(ast: jsonata.ExprNode, shadowed: ReadonlySet<string>): FastLane | undefined {
  const node = ast as AstNode;
  switch (node.type as string) {
    case 'string':
    case 'number':
      return hasOnlyKeys(node, LITERAL_KEYS) ? () => node.value as unknown : undefined;
    case 'binary':
      return binary(node, shadowed);
    case 'function':
      return stringCall(node, shadowed);
    default:
      return path(node);
  }
}
