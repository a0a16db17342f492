// Parallel (docs/aws-behaviour.md#parallel-state): every branch runs concurrently on the state's Parameters/Arguments output, in its
// own variable scope; the result is the branch outputs in branch order. ParallelStateStarted is where each
// branch's first event points; ParallelStateSucceeded is recorded aside, so ParallelStateExited points at
// the last branch event (recorded, test_parallel_state). A failing branch aborts the others and its error
// propagates unchanged (docs/aws-behaviour.md#parallel-state).
import { AbortedError } from '../runtime/abort';
import { nestedScope } from '../runtime/scope';
import { IterationFailure, iterate } from './iterate';
import type { StateHandler } from './types';

export const parallelHandler: StateHandler<'Parallel'> = {
  async execute(node, run) {
    const { chain, exec } = run.scope;
    const startedId = chain.emit('ParallelStateStarted');
    let lastInner = startedId;
    let failurePoint: number | undefined;
    try {
      const results = await iterate({
        count: node.Branches.length,
        maxConcurrency: 0,
        signal: run.signal,
        ...run.scope.redrive?.attempt(),
        run: async (index, signal) => {
          const scope = nestedScope(run.scope, startedId, signal);
          try {
            const output = await exec.runProgram(node.Branches[index], run.args, scope);
            lastInner = scope.chain.last;
            return output;
          } catch (thrown) {
            if (thrown instanceof AbortedError) throw thrown;
            failurePoint ??= scope.chain.last;
            throw new IterationFailure(thrown, scope.chain.last);
          }
        },
      });
      chain.emitAside('ParallelStateSucceeded', undefined, lastInner);
      chain.last = lastInner;
      return { hasResult: true, result: results };
    } catch (thrown) {
      if (failurePoint !== undefined) chain.last = failurePoint;
      throw thrown;
    }
  },
};
