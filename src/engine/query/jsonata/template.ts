// A JSONata-state field (Arguments, Output, Assign, Items, ItemSelector, …): `{% %}` strings at any depth are
// compiled once; everything else is literal (docs/aws-behaviour.md#jsonata-expressions-in-fields). Nested field paths extend the field name with '/'
// (`Output/result`, recorded); array elements use their index (`Items/1`) [UNCONFIRMED: AWS's form for array
// elements is not recorded].
import { setMember } from '../common/json-object';
import type { EvalScope, JsonataTemplate } from '../types';
import { CompiledExpression } from './compiled-expression';
import { isJsonataExpression } from './jsonata-expression';
import { MISS } from './simple-path';

type Node =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'expression'; readonly expression: CompiledExpression }
  | { readonly kind: 'array'; readonly items: readonly Node[] }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, Node])[] };

function childLocation(location: string | undefined, key: string | number): string | undefined {
  if (location === undefined) return undefined;
  return `${location}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function compileNode(value: unknown, field: string, location: string | undefined): Node {
  if (isJsonataExpression(value)) return { kind: 'expression', expression: new CompiledExpression(value, field, location) };
  if (Array.isArray(value)) {
    return { kind: 'array', items: value.map((item, i) => compileNode(item, `${field}/${i}`, childLocation(location, i))) };
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [key, compileNode(item, `${field}/${key}`, childLocation(location, key))] as const);
    return { kind: 'object', entries };
  }
  return { kind: 'literal', value };
}

function isLiteralNode(node: Node): boolean {
  switch (node.kind) {
    case 'literal':
      return true;
    case 'expression':
      return false;
    case 'array':
      return node.items.every(isLiteralNode);
    case 'object':
      return node.entries.every(([, child]) => isLiteralNode(child));
  }
}

function collectExpressions(node: Node, into: CompiledExpression[]): CompiledExpression[] {
  if (node.kind === 'expression') into.push(node.expression);
  if (node.kind === 'array') node.items.forEach((item) => collectExpressions(item, into));
  if (node.kind === 'object') node.entries.forEach(([, child]) => collectExpressions(child, into));
  return into;
}

/** A fresh copy of a literal (parsed from the definition, so plain JSON): states may change what they are given. */
function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setMember(copy, key, copyJson((value as Record<string, unknown>)[key]));
  return copy;
}

// Sequential on purpose: the first failing expression (in document order) is the one AWS reports.
async function evaluateNode(node: Node, scope: EvalScope): Promise<unknown> {
  switch (node.kind) {
    case 'literal':
      return copyJson(node.value);
    case 'expression':
      return node.expression.evaluate(scope);
    case 'array': {
      const items: unknown[] = [];
      for (const item of node.items) items.push(await evaluateNode(item, scope));
      return items;
    }
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const [key, child] of node.entries) setMember(result, key, await evaluateNode(child, scope));
      return result;
    }
  }
}

/**
 * The value without a promise per node, when every expression's fast lane answers; MISS as soon as one needs
 * JSONata (expressions are pure, so evaluateNode may then start over). Throws in document order like evaluateNode.
 */
function evaluateFast(node: Node, scope: EvalScope): unknown {
  switch (node.kind) {
    case 'literal':
      return copyJson(node.value);
    case 'expression':
      return node.expression.evaluateFast(scope);
    case 'array': {
      const items: unknown[] = [];
      for (const item of node.items) {
        const value = evaluateFast(item, scope);
        if (value === MISS) return MISS;
        items.push(value);
      }
      return items;
    }
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const [key, child] of node.entries) {
        const value = evaluateFast(child, scope);
        if (value === MISS) return MISS;
        setMember(result, key, value);
      }
      return result;
    }
  }
}

export class CompiledJsonataTemplate implements JsonataTemplate {
  readonly isLiteral: boolean;
  readonly variableReferences: readonly string[];
  private readonly root: Node;
  /** Every expression has a fast lane: try evaluateFast first. */
  private readonly fast: boolean;

  constructor(
    template: unknown,
    readonly field: string,
    location?: string,
  ) {
    this.root = compileNode(template, field, location);
    this.isLiteral = isLiteralNode(this.root);
    const expressions = collectExpressions(this.root, []);
    this.variableReferences = [...new Set(expressions.flatMap((e) => e.variableReferences))].sort();
    this.fast = expressions.every((e) => e.hasFastLane);
  }

  /** The whole field when it is one `{% %}` string: typed checks quote it (e.g. the Items message). */
  get wholeExpression(): CompiledExpression | undefined {
    return this.root.kind === 'expression' ? this.root.expression : undefined;
  }

  evaluate(scope: EvalScope): Promise<unknown> {
    if (this.fast) {
      try {
        const value = evaluateFast(this.root, scope);
        if (value !== MISS) return Promise.resolve(value);
      } catch (thrown) {
        return Promise.reject(thrown);
      }
    }
    return evaluateNode(this.root, scope);
  }
}

/**
 * Compiles a JSONata-state field once. Syntax errors throw DefinitionError (SCHEMA_VALIDATION_FAILED) at
 * `location` (a JSON pointer into the definition, extended for nested values).
 */
export function compileJsonataTemplate(template: unknown, field: string, location?: string): CompiledJsonataTemplate {
  return new CompiledJsonataTemplate(template, field, location);
}
