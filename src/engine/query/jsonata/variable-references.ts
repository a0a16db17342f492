// Which workflow variables an expression reads, found once at compile time from JSONata's AST. Only these are
// bound at evaluation (the VariableReader cannot enumerate) and they feed DescribeStateMachine's
// variableReferences (docs/aws-behaviour.md#variables). `$states` is reserved, not a variable.
import type jsonata from 'jsonata';

export interface ExpressionVariables {
  /** Every `$name` read outside call position: the names to bind when the variable exists. */
  readonly bindable: readonly string[];
  /** `bindable` minus names the expression binds itself (`$x := …`, lambda parameters), sorted. */
  readonly references: readonly string[];
}

// jsonata's .d.ts lists fewer node types than 2.0.6 produces (bind, path, apply, filter, sort, …).
type Node = Omit<jsonata.ExprNode, 'type'> & { type?: string } & Record<string, unknown>;

function children(node: Node): unknown[] {
  // Every property that can hold sub-expressions in jsonata 2.0.6's AST (parser.js processAST output).
  const keys = [
    'lhs',
    'rhs',
    'steps',
    'stages',
    'expressions',
    'arguments',
    'body',
    'condition',
    'then',
    'else',
    'pattern',
    'update',
    'delete',
    'expr',
    'group',
    'predicate',
    'terms',
    'expression',
  ];
  return keys.map((key) => node[key]).filter((value) => value !== undefined);
}

function visit(value: unknown, reads: Set<string>, binds: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach((item) => visit(item, reads, binds));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const node = value as Node;
  // `$` (context) and `$$` (root) are not variables.
  if (node.type === 'variable' && typeof node.value === 'string' && !['', '$'].includes(node.value)) {
    reads.add(node.value);
  }
  if (node.type === 'bind') binds.add(String((node.lhs as Node).value));
  // Positional (`#$i`) and focus (`@$v`) bindings name their variable as a plain string.
  for (const key of ['focus', 'index'] as const) if (typeof node[key] === 'string') binds.add(node[key]);
  if (node.type === 'lambda') (node.arguments ?? []).forEach((arg) => binds.add(String(arg.value)));
  if (node.type === 'function' || node.type === 'partial') {
    // `$sum(...)`: the procedure names a function, never a workflow variable.
    visit(node.arguments, reads, binds);
    if ((node.procedure as Node | undefined)?.type !== 'variable') visit(node.procedure, reads, binds);
    return;
  }
  children(node).forEach((child) => visit(child, reads, binds));
}

export function collectVariables(ast: jsonata.ExprNode): ExpressionVariables {
  const reads = new Set<string>();
  const binds = new Set<string>();
  visit(ast, reads, binds);
  reads.delete('states');
  return {
    bindable: [...reads],
    references: [...reads].filter((name) => !binds.has(name)).sort(),
  };
}
