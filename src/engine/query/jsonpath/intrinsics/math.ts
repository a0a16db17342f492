// Intrinsics for math operations [DOC intrinsic-functions]: States.MathRandom(start, end[, seed]) — an integer
// in [start, end) — and States.MathAdd(a, b).
import { JavaRandom } from '../../jsonata/java-random';
import { fail, numberArg, type IntrinsicFunction, type IntrinsicEnv } from './intrinsic-function';

function mathRandom(args: readonly unknown[], env: IntrinsicEnv): number {
  // Recorded runs accepted fractional bounds (12.5, 44.51); we truncate them to integers [UNCONFIRMED how AWS
  // converts them].
  const start = Math.trunc(numberArg(args, 0));
  const end = Math.trunc(numberArg(args, 1));
  if (end <= start) fail(`The end (${end}) must be greater than the start (${start})`);
  const draw = args.length > 2 ? new JavaRandom(numberArg(args, 2)).nextDouble() : env.random();
  return start + Math.floor(draw * (end - start));
}

// Recorded (test_math_add, 2023-09): each operand is rounded half-up first, as Java's Math.round does
// (1.49 + 1.5 → 3, -1.5 + -1.51 → -3). JS Math.round rounds the same way; `|| 0` turns -0 into 0.
function mathAdd(args: readonly unknown[]): number {
  return Math.round(numberArg(args, 0)) + Math.round(numberArg(args, 1)) || 0;
}

export const mathFunctions: Record<string, IntrinsicFunction> = {
  'States.MathRandom': { minArgs: 2, maxArgs: 3, call: mathRandom },
  'States.MathAdd': { minArgs: 2, maxArgs: 2, call: mathAdd },
};
