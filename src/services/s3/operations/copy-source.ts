// x-amz-copy-source: "<bucket>/<url-encoded key>[?versionId=<id>]", with or without a leading slash
// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html#API_CopyObject_RequestSyntax).
import { InvalidArgument } from '../errors';

export interface CopySource {
  readonly bucket: string;
  readonly key: string;
}

export function parseCopySource(header: string): CopySource {
  const invalid = () => new InvalidArgument('Copy Source must mention the source bucket and key: sourcebucket/sourcekey', 'x-amz-copy-source', header);
  const [path, query] = splitOnce(header.trim().replace(/^\//, ''), '?');
  if (query !== undefined) {
    const versionId = new URLSearchParams(query).get('versionId');
    if (versionId !== null && versionId !== 'null') {
      throw new InvalidArgument('Invalid version id specified', 'x-amz-copy-source', header);
    }
  }
  const [bucket, key] = splitOnce(path, '/');
  if (!bucket || !key) throw invalid();
  try {
    return { bucket: decodeURIComponent(bucket), key: decodeURIComponent(key) };
  } catch {
    throw invalid();
  }
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at === -1 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}
