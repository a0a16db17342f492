// Parallel (docs/aws-behaviour.md#parallel-state): a non-empty array of branches, each its own `{StartAt, States}` program.
// Recorded: `"Branches": []` → "Value cannot be empty at /States/<name>/Branches".
import { at } from '../parse-context';
import { parseCatch, parseRetry } from '../error-handling';
import type { ParallelState } from '../types';
import type { StateParser } from './state-parser';

export const parseParallel: StateParser<'Parallel'> = (raw, base, reader, programs): ParallelState => {
  const { ctx } = reader;
  const branches = ctx.array(raw, 'Branches', base.location);
  if (branches === undefined) ctx.required(raw, ['Branches'], base.location);
  else if (branches.length === 0) ctx.error('Value cannot be empty', at(base.location, 'Branches'));
  return {
    ...base,
    Type: 'Parallel',
    Branches: (branches ?? []).map((branch, i) => programs(branch, at(at(base.location, 'Branches'), i), reader.express)),
    Retry: parseRetry(reader, raw),
    Catch: parseCatch(reader, raw),
  };
};
