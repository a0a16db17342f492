// Intrinsics for arrays [DOC intrinsic-functions "Intrinsics for arrays"]: States.Array, ArrayPartition,
// ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique.
import { jsonEqual } from '../../common/json-equal';
import { partition } from '../../common/partition';
import { arrayArg, fail, fixed, integerArg, type IntrinsicFunction } from './intrinsic-function';

/** "The array can contain up to 1000 items" (States.ArrayRange). */
const MAX_RANGE_ITEMS = 1000;

function arrayRange(args: readonly unknown[]): number[] {
  const [start, end, step] = [integerArg(args, 0), integerArg(args, 1), integerArg(args, 2)];
  if (step === 0) fail('The step (third argument) must not be 0');
  const count = Math.floor((end - start) / step) + 1;
  if (count > MAX_RANGE_ITEMS) fail(`The result would have ${count} items; at most ${MAX_RANGE_ITEMS} are allowed`);
  return Array.from({ length: Math.max(count, 0) }, (_, i) => start + i * step);
}

function arrayGetItem(args: readonly unknown[]): unknown {
  const items = arrayArg(args, 0);
  const index = integerArg(args, 1);
  if (index < 0 || index >= items.length) fail(`The index ${index} is out of bounds for an array of length ${items.length}`);
  return items[index];
}

function arrayUnique(args: readonly unknown[]): unknown[] {
  const unique: unknown[] = [];
  for (const item of arrayArg(args, 0)) if (!unique.some((seen) => jsonEqual(seen, item))) unique.push(item);
  return unique;
}

export const arrayFunctions: Record<string, IntrinsicFunction> = {
  'States.Array': { minArgs: 0, maxArgs: Infinity, call: (args) => [...args] },
  'States.ArrayPartition': {
    ...fixed(2),
    call: (args) => {
      const items = arrayArg(args, 0);
      const size = integerArg(args, 1);
      if (size < 1) fail(`The chunk size (second argument) must be a positive integer, but was ${size}`);
      return partition(items, size);
    },
  },
  'States.ArrayContains': { ...fixed(2), call: (args) => arrayArg(args, 0).some((item) => jsonEqual(item, args[1])) },
  'States.ArrayRange': { ...fixed(3), call: arrayRange },
  'States.ArrayGetItem': { ...fixed(2), call: arrayGetItem },
  'States.ArrayLength': { ...fixed(1), call: (args) => arrayArg(args, 0).length },
  'States.ArrayUnique': { ...fixed(1), call: arrayUnique },
};
