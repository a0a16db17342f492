// The fast lane, one level up from plain paths (simple-path.ts): string concatenation (`&`), addition,
// comparisons (`=`, `!=`, `<`, `<=`, `>`, `>=`) and `$string()`, `$count()`, `$parse()` over plain paths and
// literals, as in a Distributed Map ItemSelector's
// `{% $states.context.Map.Item.Value.orderNumber & '-' & $states.context.Map.Item.Value.orderDate %}`, evaluated
// once per item, or a Choice's `{% $count($states.input.failed) > 0 %}` and `{% $states.input.Status = 'SUCCEEDED' %}`,
// once per child execution. Each operator and function answers only for operand types whose JSONata result is
// certain (jsonata.js 2.0.6: evaluateEqualityExpression, evaluateComparisonExpression, `string`, `count`); anything
// else is MISS and the caller evaluates with JSONata, so results and errors never differ.
import type jsonata from 'jsonata';
import { isJsonObject } from '../common/json-object';
import { MISS, isSequence, simplePathOf, walkSimplePath } from './simple-path';

/** A variable's bound value, or MISS when it is not bound (JSONata then decides). */
type VariableLookup = (variable: string) => unknown;
export type FastLane = (lookup: VariableLookup) => unknown;

type AstNode = jsonata.ExprNode & Record<string, unknown>;

function hasOnlyKeys(node: AstNode, keys: readonly string[]): boolean {
  return Object.keys(node).every((key) => key === 'position' || keys.includes(key));
}

// jsonata's typings omit the 'path' and 'filter' node types its parser produces.
const typeOf = (node: AstNode): string => node.type;

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

type Operator = (a: unknown, b: unknown) => unknown;

/** JSONata's `=` is deep equality, which for two primitives is `===` (jsonata.js isDeepEqual); objects and arrays go to JSONata. */
const isPrimitive = (value: unknown): boolean => value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** `<`, `<=`, `>`, `>=` compare two numbers or two strings; mixed or other types are errors JSONata reports (T2009, T2010). */
const ordering =
  (compare: (a: number | string, b: number | string) => boolean): Operator =>
  (a, b) =>
    (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string') ? compare(a, b) : MISS;

const OPERATORS: Readonly<Record<string, Operator>> = {
  '&': (a, b) => (typeof a === 'string' && typeof b === 'string' ? a + b : MISS),
  '+': (a, b) => {
    if (typeof a !== 'number' || typeof b !== 'number') return MISS;
    const sum = a + b;
    return Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(sum) ? sum : MISS;
  },
  '=': (a, b) => (isPrimitive(a) && isPrimitive(b) ? a === b : MISS),
  '!=': (a, b) => (isPrimitive(a) && isPrimitive(b) ? a !== b : MISS),
  '<': ordering((a, b) => a < b),
  '<=': ordering((a, b) => a <= b),
  '>': ordering((a, b) => a > b),
  '>=': ordering((a, b) => a >= b),
};

function binary(node: AstNode, shadowed: ReadonlySet<string>): FastLane | undefined {
  const operate = typeof node.value === 'string' && Object.hasOwn(OPERATORS, node.value) ? OPERATORS[node.value] : undefined;
  if (!hasOnlyKeys(node, BINARY_KEYS) || !operate) return undefined;
  const lhs = compileFastLane(node.lhs as AstNode, shadowed);
  const rhs = compileFastLane(node.rhs as AstNode, shadowed);
  if (!lhs || !rhs) return undefined;
  return (lookup) => {
    const a = lhs(lookup);
    const b = a === MISS ? MISS : rhs(lookup);
    return b === MISS ? MISS : operate(a, b);
  };
}

/**
 * True when JSONata's `$string` would print every number of `value` as JSON.stringify does: it rounds each to
 * 15 significant digits first (jsonata.js `string`), which leaves a number unchanged exactly when this holds.
 */
function printsAsJson(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && Number(value.toPrecision(15)) === value;
  if (value === null || typeof value !== 'object') return typeof value === 'string' || typeof value === 'boolean' || value === null;
  if (Array.isArray(value)) return !isSequence(value) && value.every(printsAsJson);
  return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(printsAsJson);
}

/** The functions answered here, by name; each returns MISS where JSONata's own answer (or error) could differ. */
const FUNCTIONS: Readonly<Record<string, (value: unknown) => unknown>> = {
  string: (value) => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 1e15 && !Object.is(value, -0) ? String(value) : MISS;
    return printsAsJson(value) ? JSON.stringify(value) : MISS;
  },
  // `<a:n>`: a value that is not an array counts as an array of one (undefined is MISS before this).
  count: (value) => (Array.isArray(value) ? (isSequence(value) ? MISS : value.length) : 1),
  // AWS's $parse (aws-functions.ts) is JSON.parse of a string; its errors, and non-strings, are JSONata's to report.
  parse: (value) => {
    if (typeof value !== 'string') return MISS;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return MISS;
    }
  },
};

type Matches = (lookup: VariableLookup) => unknown[] | typeof MISS;

/** `f` or `$not(f)` as a filter predicate: the field's name and the value an item must have to be kept. */
function booleanField(node: AstNode, shadowed: ReadonlySet<string>): { field: string; keep: boolean } | undefined {
  const steps = node.steps as AstNode[] | undefined;
  if (typeOf(node) === 'path' && hasOnlyKeys(node, ['type', 'steps']) && steps?.length === 1) {
    const [step] = steps;
    return step.type === 'name' && typeof step.value === 'string' && hasOnlyKeys(step, LITERAL_KEYS) ? { field: step.value, keep: true } : undefined;
  }
  const procedure = node.procedure as AstNode | undefined;
  const args = node.arguments as AstNode[] | undefined;
  if (node.type !== 'function' || !hasOnlyKeys(node, CALL_KEYS) || node.name !== undefined || args?.length !== 1) return undefined;
  if (procedure?.type !== 'variable' || procedure.value !== 'not' || shadowed.has('not') || !hasOnlyKeys(procedure, LITERAL_KEYS)) return undefined;
  const inner = booleanField(args[0], shadowed);
  return inner?.keep ? { field: inner.field, keep: false } : undefined;
}

/**
 * `$path[f]` or `$path[$not(f)]`, the path plain and leading to an array of objects that all have `f` as a
 * boolean: the items kept, in order. Any other item (no `f`, a number, which JSONata would take as an index,
 * a string, whose truth JSONata decides) makes it MISS. Only where the count of matches is all that matters
 * (`$count(...)`, `[...]`): JSONata itself returns nothing, the item or a sequence for 0, 1 or more.
 */
function booleanFilter(node: AstNode, shadowed: ReadonlySet<string>): Matches | undefined {
  const steps = node.steps as AstNode[] | undefined;
  if (typeOf(node) !== 'path' || !hasOnlyKeys(node, ['type', 'steps']) || !steps || steps.length < 2) return undefined;
  const { stages, ...last } = steps[steps.length - 1];
  const [filter] = Array.isArray(stages) ? (stages as AstNode[]) : [];
  if (!filter || (stages as AstNode[]).length !== 1 || typeOf(filter) !== 'filter' || !hasOnlyKeys(filter, ['type', 'expr'])) return undefined;
  const simple = simplePathOf({ type: 'path', steps: [...steps.slice(0, -1), last] } as unknown as jsonata.ExprNode);
  const predicate = booleanField(filter.expr as AstNode, shadowed);
  if (!simple || !predicate) return undefined;
  const { field, keep } = predicate;
  return (lookup) => {
    const root = lookup(simple.variable);
    const list = root === MISS ? MISS : walkSimplePath(root, simple.names);
    if (!Array.isArray(list)) return MISS;
    const kept: unknown[] = [];
    for (const item of list) {
      if (!isJsonObject(item) || typeof item[field] !== 'boolean' || !Object.hasOwn(item, field)) return MISS;
      if (item[field] === keep) kept.push(item);
    }
    return kept;
  };
}

/** `[$path[f]]`: an array constructor around a boolean filter is the array of the items kept, whatever their number. */
function arrayOfMatches(node: AstNode, shadowed: ReadonlySet<string>): FastLane | undefined {
  const expressions = node.expressions as AstNode[] | undefined;
  if (node.value !== '[' || !hasOnlyKeys(node, ['type', 'value', 'expressions']) || expressions?.length !== 1) return undefined;
  return booleanFilter(expressions[0], shadowed);
}

function functionCall(node: AstNode, shadowed: ReadonlySet<string>): FastLane | undefined {
  const procedure = node.procedure as AstNode | undefined;
  const args = node.arguments as AstNode[] | undefined;
  if (!hasOnlyKeys(node, CALL_KEYS) || node.name !== undefined || node.value !== '(' || !procedure || !args || args.length !== 1) return undefined;
  const name: unknown = procedure.value;
  // A workflow variable of the function's name, when the expression binds it, would shadow the function.
  if (
    procedure.type !== 'variable' ||
    typeof name !== 'string' ||
    !Object.hasOwn(FUNCTIONS, name) ||
    shadowed.has(name) ||
    !hasOnlyKeys(procedure, LITERAL_KEYS)
  ) {
    return undefined;
  }
  const apply = FUNCTIONS[name];
  const matches = name === 'count' ? booleanFilter(args[0], shadowed) : undefined;
  if (matches) {
    return (lookup) => {
      const kept = matches(lookup);
      return kept === MISS ? MISS : kept.length;
    };
  }
  const arg = compileFastLane(args[0], shadowed);
  if (!arg) return undefined;
  return (lookup) => {
    const value = arg(lookup);
    return value === MISS ? MISS : apply(value);
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
      return functionCall(node, shadowed);
    case 'unary':
      return arrayOfMatches(node, shadowed);
    default:
      return path(node);
  }
}
