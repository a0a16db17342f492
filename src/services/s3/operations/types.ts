import type { EdgeResponse } from '../../../server/edge';
import type { S3Request } from '../s3-request';
import type { S3Store } from '../storage/types';

export interface S3Limits {
  /** Largest single PutObject / UploadPart / CopyObject body (S3: 5 GiB). */
  readonly maxObjectBytes: number;
  /** Smallest part other than the last one in CompleteMultipartUpload (S3: 5 MiB). */
  readonly minPartBytes: number;
  /** Largest XML request body (DeleteObjects of 1,000 keys of 1,024 bytes fits). */
  readonly maxXmlBytes: number;
}

export interface OperationContext {
  readonly request: S3Request;
  readonly store: S3Store;
  readonly limits: S3Limits;
}

export type Operation = (context: OperationContext) => Promise<EdgeResponse>;
