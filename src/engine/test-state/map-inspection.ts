// What a Map state computes before it starts iterating, evaluated for the TestState API's inspection data
// (afterItemsPath, afterItemSelector, afterItemBatcher, maxConcurrency, tolerated failures). A DISTRIBUTED
// Map resolves its fields exactly as a real Map Run does; with an ItemReader, the items are the request's
// `mapItemReaderData` instead of an S3 read.
import type { MapState } from '../definition/types';
import type { StateRun } from '../runtime/state-run';
import { resolveDistributedFields } from '../states/map/distributed-fields';
import { batchItems, type IndexedItem, type ItemBatcherConfig } from '../states/map/item-batcher';
import { iterationInputs, mapItems, maxConcurrency } from '../states/map/items';
import { FailureThreshold } from '../states/map/tolerated-failure';
import type { Inspection, TestStateConfiguration } from './types';
import { TestStateRequestError } from './types';

export interface MapPreparation {
  readonly items: readonly unknown[];
  /** Only when the Map sets ToleratedFailureCount or ToleratedFailurePercentage (recorded: without them, TestState tolerates any failure count). */
  readonly threshold?: FailureThreshold;
}

export async function inspectMap(node: MapState, run: StateRun, configuration: TestStateConfiguration, inspection: Inspection): Promise<MapPreparation> {
  if (node.ItemProcessor.Mode === 'INLINE') {
    const items = await mapItems(node, run);
    if (node.io.QueryLanguage === 'JSONPath') inspection.afterItemsPath = items;
    if (node.ItemSelector) inspection.afterItemSelector = await iterationInputs(node, run, items);
    inspection.maxConcurrency = await maxConcurrency(node, run);
    return { items };
  }
  const items = node.ItemReader ? readerData(configuration.mapItemReaderData) : await mapItems(node, run);
  // The same fields a Map Run gets across the port; resolving them starts no Map Run.
  const resolved = await resolveDistributedFields(node, run, items);
  if (!node.ItemReader && node.io.QueryLanguage === 'JSONPath') inspection.afterItemsPath = items;
  const selected = resolved.selectItem ? await Promise.all(items.map((item, index) => resolved.selectItem!(item, index))) : items;
  // Without reader data there are no items to show the ItemSelector / ItemBatcher stages of.
  const itemsKnown = !node.ItemReader || configuration.mapItemReaderData !== undefined;
  if (resolved.selectItem && itemsKnown) inspection.afterItemSelector = selected;
  if (resolved.batcher && itemsKnown) inspection.afterItemBatcher = await batches(selected, resolved.batcher);
  inspection.maxConcurrency = resolved.maxConcurrency;
  if (resolved.tolerance.count !== undefined) inspection.toleratedFailureCount = resolved.tolerance.count;
  if (resolved.tolerance.percentage !== undefined) inspection.toleratedFailurePercentage = resolved.tolerance.percentage;
  const tolerates = resolved.tolerance.count !== undefined || resolved.tolerance.percentage !== undefined;
  return { items, threshold: tolerates ? new FailureThreshold(resolved.tolerance) : undefined };
}

function readerData(data: unknown): readonly unknown[] {
  if (data === undefined) return [];
  // [UNCONFIRMED] text: AWS's message for reader data that is not an array is not recorded.
  if (!Array.isArray(data)) throw new TestStateRequestError('ValidationException', 'MapItemReaderData must be a JSON array.');
  return data;
}

async function batches(items: readonly unknown[], config: ItemBatcherConfig): Promise<unknown[]> {
  async function* indexed(): AsyncGenerator<IndexedItem> {
    for (let index = 0; index < items.length; index++) yield { index, value: items[index] };
  }
  const inputs: unknown[] = [];
  for await (const batch of batchItems(indexed(), config)) inputs.push(batch.input);
  return inputs;
}
