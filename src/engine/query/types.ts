// Contract between the states and the two query languages. States never import jsonata or
// jsonpath-plus: they compile fields at parse time into these objects and evaluate them at run time.

/** Read-only view of the workflow variables visible from the current scope (outer scopes included). */
export interface VariableReader {
  has(name: string): boolean;
  /** Returns undefined when the variable does not exist (callers check has() to tell "unset" apart). */
  get(name: string): unknown;
}

/** Everything an expression may reference, besides the document it is applied to. */
export interface EvalScope {
  /** For error causes: "An error occurred while executing the state '<stateName>' (entered at the event id #<n>)." */
  readonly stateName: string;
  readonly enteredEventId: number;
  /** The context object: `$$` in JSONPath, `$states.context` in JSONata (docs/aws-behaviour.md#context-object). */
  readonly context: unknown;
  readonly variables: VariableReader;
  /** JSONata's `$states` members other than context; each is undefined where AWS does not bind it. */
  readonly states: {
    readonly input: unknown;
    readonly result?: unknown;
    readonly errorOutput?: unknown;
  };
  /** Injected randomness for $random()/$uuid()/States.MathRandom/States.UUID; Math.random / crypto when absent. */
  readonly random?: () => number;
  readonly uuid?: () => string;
}

/** A compiled JSONata field: a literal, a `{% %}` expression, or an object/array containing them. */
export interface JsonataTemplate {
  /** True when the field contains no `{% %}` at all, so evaluate() returns a constant. */
  readonly isLiteral: boolean;
  /** Workflow variables the field reads (`$name`), sorted; feeds DescribeStateMachine's variableReferences. */
  readonly variableReferences: readonly string[];
  /** Evaluates every expression; failures raise StatesError States.QueryEvaluationError with `location`. */
  evaluate(scope: EvalScope): Promise<unknown>;
}

/** A compiled JSONPath reference (InputPath, OutputPath, ItemsPath, SecondsPath, `*Path` fields). */
export interface ReferencePath {
  readonly path: string;
  /** Workflow variables the path reads (`$name...`): empty or one name. */
  readonly variableReferences: readonly string[];
  /** `doc` is what `$` denotes at this stage; `$$...` reads scope.context and `$name...` reads a variable. */
  select(doc: unknown, scope: EvalScope): unknown;
}

/** A compiled JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign, BatchInput). */
export interface PayloadTemplate {
  /** Workflow variables read by any `.$` value (paths and intrinsic arguments), sorted. */
  readonly variableReferences: readonly string[];
  evaluate(doc: unknown, scope: EvalScope): unknown;
}

/** A compiled JSONPath Choice rule (Variable + operator, or And/Or/Not). */
export interface ChoicePredicate {
  /** Workflow variables read by Variable and `*Path` operands at any nesting depth, sorted. */
  readonly variableReferences: readonly string[];
  test(doc: unknown, scope: EvalScope): boolean;
}
