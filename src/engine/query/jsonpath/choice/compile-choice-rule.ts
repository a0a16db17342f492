// JSONPath Choice rules [DOC choice-state]: `Variable` plus exactly one comparison operator, or a boolean
// combinator (`And`/`Or` over a non-empty array of rules, `Not` over one rule), nested to any depth.
// IsPresent is the only operator that tolerates a missing Variable; any other operator on a missing Variable,
// and any `…Path` operand that misses, fails the execution with States.Runtime (Invalid path … : …).
// Create-time messages for malformed rules are not recorded [UNCONFIRMED wording].
import { DefinitionError, schemaError } from '../../../errors/definition-error';
import { isJsonObject } from '../../common/json-object';
import type { ChoicePredicate, EvalScope } from '../../types';
import { compileReferencePath, type CompiledReferencePath } from '../reference-path';
import { comparisonOperators, type ComparisonOperator } from './comparison-operators';

const COMBINATORS = ['And', 'Or', 'Not'] as const;

type Rule = Record<string, unknown>;

function definitionError(message: string, location: string): DefinitionError {
  return new DefinitionError([schemaError(message, location)]);
}

function isRule(value: unknown): value is Rule {
  return isJsonObject(value);
}

function predicate(test: ChoicePredicate['test'], variables: Iterable<string>): ChoicePredicate {
  return { test, variableReferences: [...new Set(variables)].sort() };
}

function compileCombinator(rule: Rule, name: (typeof COMBINATORS)[number], location: string): ChoicePredicate {
  const operand = rule[name];
  const here = `${location}/${name}`;
  if (name === 'Not') {
    if (!isRule(operand)) throw definitionError("The value of 'Not' must be a Choice Rule object", here);
    const inner = compileChoiceRule(operand, here);
    return predicate((doc, scope) => !inner.test(doc, scope), inner.variableReferences);
  }
  if (!Array.isArray(operand) || operand.length === 0) {
    throw definitionError(`The value of '${name}' must be a non-empty array of Choice Rules`, here);
  }
  const inner = operand.map((child, i) => {
    if (!isRule(child)) throw definitionError('A Choice Rule must be an object', `${here}/${i}`);
    return compileChoiceRule(child, `${here}/${i}`);
  });
  const variables = inner.flatMap((p) => p.variableReferences);
  return name === 'And'
    ? predicate((doc, scope) => inner.every((p) => p.test(doc, scope)), variables)
    : predicate((doc, scope) => inner.some((p) => p.test(doc, scope)), variables);
}

interface Operand {
  readonly value: (doc: unknown, scope: EvalScope) => unknown;
  readonly variables: readonly string[];
}

function compileOperand(rule: Rule, op: ComparisonOperator, location: string): Operand {
  const operand = rule[op.name];
  const here = `${location}/${op.name}`;
  if (op.pathOperand) {
    if (typeof operand !== 'string') throw definitionError(`The value of '${op.name}' must be a JSONPath string`, here);
    const path = compileReferencePath(operand, op.name, here);
    return { value: (doc, scope) => path.select(doc, scope), variables: path.variableReferences };
  }
  const problem = op.checkLiteral(operand);
  if (problem) throw definitionError(`The value of '${op.name}' must be ${problem}`, here);
  return { value: () => operand, variables: [] };
}

function compileComparison(rule: Rule, location: string): ChoicePredicate {
  if (typeof rule.Variable !== 'string') {
    throw definitionError("A Choice Rule must have a 'Variable' string field or be an 'And', 'Or' or 'Not' rule", location);
  }
  const names = Object.keys(rule).filter((key) => key === 'IsPresent' || comparisonOperators.has(key));
  if (names.length !== 1) {
    const found = names.length === 0 ? 'none' : names.join(', ');
    throw definitionError(`A Choice Rule must have exactly one comparison operator, found ${found}`, location);
  }
  const variable = compileReferencePath(rule.Variable, 'Variable', `${location}/Variable`);
  if (names[0] === 'IsPresent') return compileIsPresent(rule, variable, location);
  const op = comparisonOperators.get(names[0]) as ComparisonOperator;
  const operand = compileOperand(rule, op, location);
  return predicate((doc, scope) => op.test(variable.select(doc, scope), operand.value(doc, scope)), [...variable.variableReferences, ...operand.variables]);
}

function compileIsPresent(rule: Rule, variable: CompiledReferencePath, location: string): ChoicePredicate {
  const expected = rule.IsPresent;
  if (typeof expected !== 'boolean') throw definitionError("The value of 'IsPresent' must be a boolean", `${location}/IsPresent`);
  return predicate((doc, scope) => variable.resolve(doc, scope).found === expected, variable.variableReferences);
}

/** Compiles one Choice rule; `location` is its JSON pointer (e.g. "/States/Check/Choices/0"). */
export function compileChoiceRule(rule: Record<string, unknown>, location: string): ChoicePredicate {
  const combinators = COMBINATORS.filter((name) => name in rule);
  if (combinators.length > 1 || (combinators.length === 1 && 'Variable' in rule)) {
    throw definitionError("A Choice Rule must have exactly one of 'Variable', 'And', 'Or' or 'Not'", location);
  }
  return combinators.length === 1 ? compileCombinator(rule, combinators[0], location) : compileComparison(rule, location);
}
