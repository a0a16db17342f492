// DeleteObjects (https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html): POST ?delete with
// <Delete><Quiet/><Object><Key/></Object>…</Delete>, at most 1,000 keys. S3 requires Content-MD5 or a flexible
// checksum on this request. Quiet mode lists only failures.
import type { EdgeResponse } from '../../../server/edge';
import { receiveDocument } from '../body/receive-upload';
import { InvalidRequest, MalformedXML } from '../errors';
import { childElements, childText, parseXmlBody } from '../protocol/xml-reader';
import { xmlResponse } from '../protocol/responses';
import type { XmlElement } from '../protocol/xml-writer';
import { requireBucket } from './resources';
import type { OperationContext } from './types';

const MAX_KEYS = 1000;

export async function deleteObjects(context: OperationContext): Promise<EdgeResponse> {
  const bucket = requireBucket(context);
  const { headers } = context.request;
  const hasIntegrity =
    headers['content-md5'] !== undefined ||
    headers['x-amz-trailer'] !== undefined ||
    Object.keys(headers).some((h) => h.startsWith('x-amz-checksum-') && h !== 'x-amz-checksum-type');
  if (!hasIntegrity) throw new InvalidRequest('Missing required header for this request: Content-MD5');
  const request = parseXmlBody(await receiveDocument(context), 'Delete', ['Object']);
  const quiet = childText(request, 'Quiet')?.trim().toLowerCase() === 'true';
  const objects = childElements(request, 'Object');
  if (objects.length === 0 || objects.length > MAX_KEYS) throw new MalformedXML(`between 1 and ${MAX_KEYS} <Object> elements are required`);
  const keys = objects.map((object) => {
    const key = childText(object, 'Key');
    if (key === undefined) throw new MalformedXML('every <Object> needs a <Key>');
    return { key, versionId: childText(object, 'VersionId') };
  });
  const deleted: XmlElement[] = [];
  const errors: XmlElement[] = [];
  for (const { key, versionId } of keys) {
    if (versionId !== undefined && versionId !== 'null') {
      errors.push({ Key: key, VersionId: versionId, Code: 'NoSuchVersion', Message: 'The specified version does not exist.' });
      continue;
    }
    await context.store.deleteObject(bucket.name, key);
    if (!quiet) deleted.push({ Key: key, VersionId: versionId });
  }
  return xmlResponse('DeleteResult', { Deleted: deleted, Error: errors });
}
