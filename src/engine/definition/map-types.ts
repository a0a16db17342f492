// Typed nodes of the Distributed Map data fields (docs/aws-behaviour.md#item-readers, #item-batching, #resultwriter), wire names verbatim.
import type { DynamicValue, Payload } from './types';

export type InputType = 'CSV' | 'JSON' | 'JSONL' | 'PARQUET' | 'MANIFEST';
export type CsvDelimiter = 'COMMA' | 'PIPE' | 'SEMICOLON' | 'SPACE' | 'TAB';

export interface ReaderConfig {
  readonly InputType?: InputType;
  readonly CSVHeaderLocation?: 'FIRST_ROW' | 'GIVEN';
  readonly CSVHeaders?: readonly string[];
  readonly CSVDelimiter?: CsvDelimiter;
  readonly MaxItems?: DynamicValue<number>;
  readonly ItemsPointer?: string;
  readonly Transformation?: 'NONE' | 'LOAD_AND_FLATTEN';
  readonly ManifestType?: 'ATHENA_DATA' | 'S3_INVENTORY';
}

export interface ItemReader {
  readonly Resource: string;
  /** "getObject" | "listObjectsV2": the action part of `arn:aws:states:::s3:<action>`. */
  readonly action: 'getObject' | 'listObjectsV2';
  readonly Parameters?: Payload;
  readonly ReaderConfig: ReaderConfig;
}

export interface ItemBatcher {
  readonly MaxItemsPerBatch?: DynamicValue<number>;
  readonly MaxInputBytesPerBatch?: DynamicValue<number>;
  readonly BatchInput?: Payload;
}

export interface ResultWriter {
  readonly Resource?: string;
  readonly Parameters?: Payload;
  readonly WriterConfig?: {
    readonly OutputType: 'JSON' | 'JSONL';
    readonly Transformation: 'NONE' | 'COMPACT' | 'FLATTEN';
  };
}
