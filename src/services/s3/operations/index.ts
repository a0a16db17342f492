// The operation registry; `satisfies` makes adding a route without a handler a compile error.
import type { OperationName } from '../routes';
import { abortMultipartUpload } from './abort-multipart-upload';
import { completeMultipartUpload } from './complete-multipart-upload';
import { copyObject } from './copy-object';
import { createBucket } from './create-bucket';
import { createMultipartUpload } from './create-multipart-upload';
import { deleteBucket } from './delete-bucket';
import { deleteObject } from './delete-object';
import { deleteObjects } from './delete-objects';
import { getBucketLocation } from './get-bucket-location';
import { getObject } from './get-object';
import { headBucket } from './head-bucket';
import { headObject } from './head-object';
import { listBuckets } from './list-buckets';
import { listObjects } from './list-objects';
import { listObjectsV2 } from './list-objects-v2';
import { listParts } from './list-parts';
import { putObject } from './put-object';
import type { Operation } from './types';
import { uploadPart } from './upload-part';

export const operations = {
  ListBuckets: listBuckets,
  CreateBucket: createBucket,
  HeadBucket: headBucket,
  DeleteBucket: deleteBucket,
  GetBucketLocation: getBucketLocation,
  ListObjects: listObjects,
  ListObjectsV2: listObjectsV2,
  DeleteObjects: deleteObjects,
  PutObject: putObject,
  GetObject: getObject,
  HeadObject: headObject,
  DeleteObject: deleteObject,
  CopyObject: copyObject,
  CreateMultipartUpload: createMultipartUpload,
  UploadPart: uploadPart,
  CompleteMultipartUpload: completeMultipartUpload,
  AbortMultipartUpload: abortMultipartUpload,
  ListParts: listParts,
} satisfies Record<OperationName, Operation>;
