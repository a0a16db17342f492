// Choice comparison operators [DOC choice-state "Choice rules"]: String*/Numeric*/Boolean*/Timestamp* with a
// literal operand or a `…Path` operand, StringMatches, and the Is* type tests. A value of the wrong type never
// matches ("StringEquals" on a number is simply false); it is not an error.
import { timestampNanos, validateTimestamp } from '../timestamp';
import { compileStringMatches } from './string-matches';

type Comparable = string | number | boolean | bigint;

interface ValueKind {
  /** The comparable form of a JSON value, or undefined when it is not of this kind. */
  readonly read: (value: unknown) => Comparable | undefined;
  /** Describes the literal operand this kind takes, for create-time errors. */
  readonly literal: string;
}

const KINDS: Record<string, ValueKind> = {
  String: { read: (v) => (typeof v === 'string' ? v : undefined), literal: 'a string' },
  Numeric: { read: (v) => (typeof v === 'number' ? v : undefined), literal: 'a number' },
  Boolean: { read: (v) => (typeof v === 'boolean' ? v : undefined), literal: 'a boolean' },
  Timestamp: { read: (v) => (typeof v === 'string' ? timestampNanos(v) : undefined), literal: 'an RFC3339 timestamp string' },
};

const COMPARISONS: Record<string, (order: number) => boolean> = {
  Equals: (o) => o === 0,
  LessThan: (o) => o < 0,
  GreaterThan: (o) => o > 0,
  LessThanEquals: (o) => o <= 0,
  GreaterThanEquals: (o) => o >= 0,
};

export interface ComparisonOperator {
  readonly name: string;
  /** True for `…Path` operators, whose operand is a reference path to the value to compare with. */
  readonly pathOperand: boolean;
  /** Null when the literal operand is acceptable, else what it must be. */
  checkLiteral(operand: unknown): string | null;
  test(value: unknown, operand: unknown): boolean;
}

function comparison(kindName: string, comparisonName: string, pathOperand: boolean): ComparisonOperator {
  const kind = KINDS[kindName];
  const accept = COMPARISONS[comparisonName];
  return {
    name: `${kindName}${comparisonName}${pathOperand ? 'Path' : ''}`,
    pathOperand,
    checkLiteral: (operand) => (kind.read(operand) === undefined ? kind.literal : null),
    test: (value, operand) => {
      const [a, b] = [kind.read(value), kind.read(operand)];
      if (a === undefined || b === undefined) return false;
      return accept(a === b ? 0 : a < b ? -1 : 1);
    },
  };
}

function typeTest(name: string, matches: (value: unknown) => boolean): ComparisonOperator {
  return {
    name,
    pathOperand: false,
    checkLiteral: (operand) => (typeof operand === 'boolean' ? null : 'a boolean'),
    test: (value, operand) => matches(value) === operand,
  };
}

const patterns = new Map<string, RegExp>();

function pattern(operand: string): RegExp {
  let compiled = patterns.get(operand);
  if (!compiled) patterns.set(operand, (compiled = compileStringMatches(operand)));
  return compiled;
}

const stringMatches: ComparisonOperator = {
  name: 'StringMatches',
  pathOperand: false,
  checkLiteral: (operand) => (typeof operand === 'string' ? null : 'a string'),
  test: (value, operand) => typeof value === 'string' && pattern(operand as string).test(value),
};

function buildOperators(): Map<string, ComparisonOperator> {
  const operators: ComparisonOperator[] = [stringMatches];
  for (const kindName of Object.keys(KINDS)) {
    const comparisons = kindName === 'Boolean' ? ['Equals'] : Object.keys(COMPARISONS);
    for (const c of comparisons) operators.push(comparison(kindName, c, false), comparison(kindName, c, true));
  }
  operators.push(
    typeTest('IsNull', (v) => v === null),
    typeTest('IsNumeric', (v) => typeof v === 'number'),
    typeTest('IsString', (v) => typeof v === 'string'),
    typeTest('IsBoolean', (v) => typeof v === 'boolean'),
    typeTest('IsTimestamp', (v) => typeof v === 'string' && validateTimestamp(v)),
  );
  return new Map(operators.map((op) => [op.name, op]));
}

export const comparisonOperators: ReadonlyMap<string, ComparisonOperator> = buildOperators();
