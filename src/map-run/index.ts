// The Distributed Map runtime (docs/aws-behaviour.md#distributed-map): it implements the engine's DistributedMapPort
// and does the Map Run's I/O and orchestration: ItemReader (S3) → ItemSelector/ItemBatcher → child executions
// through the Step Functions service's MapRunHost, bounded by MaxConcurrency and the failure threshold →
// ResultWriter (S3). It reaches the engine only through src/engine/index.ts.
export { DistributedMapRunner, DEFAULT_DISTRIBUTED_CONCURRENCY } from './distributed-map-runner';
export type { ChildRun, MapRunHandle, MapRunHost, MapRunInit, MapRunRedrive, StartChildRequest, SucceededChild } from './map-run-host';
export { countItems, openItemReader, DEFAULT_LIMITS } from './item-reader';
export type { ItemReaderIterable, ItemReaderLimits, ItemReaderStats } from './item-reader';
export { CsvSyntaxError, CsvTokenizer, type CsvRecord } from './item-reader/csv-tokenizer';
export { DELIMITER_BYTES } from './item-reader/item-reader-spec';
