// ResultWriter building blocks for the Distributed Map runtime (docs/aws-behaviour.md#resultwriter).
export { ResultWriter } from './result-writer';
export type { ResultFile, ResultManifest, ResultWriterConfig, ResultWriterDetails, ResultWriterOptions } from './result-writer';
export { compactResults } from './compact-results';
export { executionRecord, resultEntries, resultFileStatus } from './result-entry';
export type { ChildResult, ChildStatus, OutputType, ResultFileStatus, Transformation } from './result-entry';
