// Building blocks of the Distributed Map's data path (docs/aws-behaviour.md#distributed-map), assembled by the Map Run runtime:
// ItemReader → ItemBatcher → child executions (bounded by the FailureThreshold) → ResultWriter / compactResults.
export * from './item-reader';
export { batchItems, maxInputBytesPerBatchFromPath, maxItemsPerBatchFromPath, MAX_INPUT_BYTES_PER_BATCH, resolveBatcherConfig } from './item-batcher';
export type { Batch, IndexedItem, ItemBatcherConfig } from './item-batcher';
export {
  exceededThresholdError,
  FailureThreshold,
  resolveTolerance,
  toleratedFailureCountFromPath,
  toleratedFailurePercentageFromPath,
  TOLERATED_COUNT_NEGATIVE,
  TOLERATED_PERCENTAGE_RANGE,
} from './tolerated-failure';
export type { Tolerance, ToleranceInput } from './tolerated-failure';
export { floatFromPath, integerFromPath, maxConcurrencyFromPath, renderPathValue } from './path-values';
export * from './result-writer';
