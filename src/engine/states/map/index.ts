// Map (docs/aws-behaviour.md#map-state): INLINE runs the ItemProcessor per item inside this execution; DISTRIBUTED goes through
// the injected port. Recorded order for INLINE: items → MaxConcurrency(Path) (a bad path value fails the
// state before MapStateStarted) → MapStateStarted {length} → iterations.
import type { StateHandler } from '../types';
import { runDistributedMap } from './distributed';
import { runInlineMap } from './inline';
import { iterationInputs, mapItems, maxConcurrency } from './items';

export const mapHandler: StateHandler<'Map'> = {
  async execute(node, run) {
    if (node.ItemProcessor.Mode === 'DISTRIBUTED') return { hasResult: true, result: await runDistributedMap(node, run) };
    const items = await mapItems(node, run);
    const concurrency = await maxConcurrency(node, run);
    const startedId = run.scope.chain.emit('MapStateStarted', { mapStateStartedEventDetails: { length: items.length } });
    const inputs = await iterationInputs(node, run, items);
    return { hasResult: true, result: await runInlineMap(node, run, inputs, concurrency, startedId) };
  },
};
