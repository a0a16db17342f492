// One `{% %}` string compiled once with jsonata 2.0.6 and evaluated per state entry: `$states` and the workflow
// variables it references are bound, AWS's extra functions registered, results normalized to plain JSON.
import jsonata from 'jsonata';
import { DefinitionError, schemaError } from '../../errors/definition-error';
import type { EvalScope } from '../types';
import { RANDOMNESS_BINDING, defaultRandomness, registerAwsFunctions } from './aws-functions';
import { expressionText } from './jsonata-expression';
import { UnsupportedResultType, normalizeResult } from './normalize-result';
import { returnedNothing, threwDuringEvaluation, unsupportedResultType, type ExpressionSite } from './query-evaluation-error';
import { compileFastLane, type FastLane } from './fast-lane';
import { MISS } from './simple-path';
import { collectVariables, type ExpressionVariables } from './variable-references';

function parse(text: string, field: string, location?: string): jsonata.Expression {
  try {
    return jsonata(text);
  } catch (thrown) {
    const { code, message } = thrown as { code?: string; message?: string };
    // AWS's create-time wording for a JSONata syntax error is not recorded [UNCONFIRMED]; name the field, the
    // expression and JSONata's own diagnosis.
    const reason = code ? `${code}: ${message}` : String(message ?? thrown);
    throw new DefinitionError([schemaError(`The JSONata expression '${text}' specified for the field '${field}' is invalid. ${reason}`, location)]);
  }
}

function statesBinding(scope: EvalScope): Record<string, unknown> {
  const states: Record<string, unknown> = { input: scope.states.input, context: scope.context };
  if (scope.states.result !== undefined) states.result = scope.states.result;
  if (scope.states.errorOutput !== undefined) states.errorOutput = scope.states.errorOutput;
  return states;
}

export class CompiledExpression implements ExpressionSite {
  readonly text: string;
  private readonly expression: jsonata.Expression;
  private readonly variables: ExpressionVariables;
  private readonly fastLane: FastLane | undefined;

  constructor(
    source: string,
    readonly field: string,
    location?: string,
  ) {
    this.text = expressionText(source);
    this.expression = parse(this.text, field, location);
    registerAwsFunctions(this.expression);
    this.variables = collectVariables(this.expression.ast());
    this.fastLane = compileFastLane(this.expression.ast(), new Set(this.variables.bindable));
  }

  get variableReferences(): readonly string[] {
    return this.variables.references;
  }

  private bindings(scope: EvalScope): Record<string, unknown> {
    const randomness = {
      random: scope.random ?? defaultRandomness.random,
      uuid: scope.uuid ?? defaultRandomness.uuid,
    };
    // `eval: undefined` removes JSONata's $eval: AWS rejects calls to it like any non-function (T1006).
    const bindings: Record<string, unknown> = { eval: undefined, [RANDOMNESS_BINDING]: randomness };
    for (const name of this.variables.bindable) {
      if (scope.variables.has(name)) bindings[name] = scope.variables.get(name);
    }
    bindings.states = statesBinding(scope);
    return bindings;
  }

  /** True when the fast lane may answer without JSONata (it still returns MISS for values it cannot decide). */
  get hasFastLane(): boolean {
    return this.fastLane !== undefined;
  }

  /** The raw JSONata result, normalized to plain JSON; undefined is returned, not thrown. */
  async evaluateRaw(scope: EvalScope): Promise<unknown> {
    const fast = this.fastLane ? this.fastLane(this.lookup(scope)) : MISS;
    return this.normalize(fast === MISS ? await this.evaluateJsonata(scope) : fast, scope);
  }

  private normalize(result: unknown, scope: EvalScope): unknown {
    try {
      return normalizeResult(result);
    } catch (e) {
      if (e instanceof UnsupportedResultType) throw unsupportedResultType(scope, this);
      throw e;
    }
  }

  private async evaluateJsonata(scope: EvalScope): Promise<unknown> {
    try {
      return await this.expression.evaluate(undefined, this.bindings(scope));
    } catch (thrown) {
      throw threwDuringEvaluation(scope, this, thrown);
    }
  }

  /** Each variable exactly as the bindings would give it to JSONata; MISS when it would not be bound. */
  private lookup(scope: EvalScope): (variable: string) => unknown {
    let states: Record<string, unknown> | undefined;
    return (variable) => {
      if (variable === 'states') return (states ??= statesBinding(scope));
      if (!this.variables.bindable.includes(variable) || !scope.variables.has(variable)) return MISS;
      return scope.variables.get(variable);
    };
  }

  /**
   * The result when the fast lane answers, synchronously (no promise per expression: an ItemSelector runs
   * several per item); MISS when JSONata has to decide, then `evaluate` gives the same answer. Throws what
   * `evaluate` would reject with.
   */
  evaluateFast(scope: EvalScope): unknown {
    if (!this.fastLane) return MISS;
    const fast = this.fastLane(this.lookup(scope));
    if (fast === MISS) return MISS;
    const result = this.normalize(fast, scope);
    if (result === undefined) throw returnedNothing(scope, this);
    return result;
  }

  /** The result; "returned nothing (undefined)" when JSONata produced no value (docs/aws-behaviour.md#jsonata-evaluation-errors). */
  evaluate(scope: EvalScope): Promise<unknown> {
    try {
      const fast = this.evaluateFast(scope);
      if (fast !== MISS) return Promise.resolve(fast);
    } catch (thrown) {
      return Promise.reject(thrown);
    }
    return this.evaluateSlow(scope);
  }

  private async evaluateSlow(scope: EvalScope): Promise<unknown> {
    const result = this.normalize(await this.evaluateJsonata(scope), scope);
    if (result === undefined) throw returnedNothing(scope, this);
    return result;
  }
}
