import { Readable } from 'node:stream';
import { resolveRoute } from '../../../src/services/s3/routes';
import { bucketFromHost, parseS3Request } from '../../../src/services/s3/s3-request';

const parse = (method: string, url: string, headers: Record<string, string> = {}) =>
  parseS3Request({ method, url, headers, body: Readable.from([]) }, 'eu-central-1');
const route = (method: string, url: string, headers: Record<string, string> = {}) => resolveRoute(parse(method, url, headers));

describe('parseS3Request', () => {
  it('splits path-style bucket and key, decoding the key once', () => {
    expect(parse('GET', '/b/dir/a%20b%2Bc%252F.csv?x-id=GetObject')).toMatchObject({ bucket: 'b', key: 'dir/a b+c%2F.csv' });
    expect(parse('GET', '/b/')).toMatchObject({ bucket: 'b', key: undefined });
    expect(parse('GET', '/b//')).toMatchObject({ bucket: 'b', key: '/' });
    expect(parse('GET', '/')).toMatchObject({ bucket: undefined, key: undefined });
  });

  it('takes the bucket from virtual-host style Host headers', () => {
    expect(parse('GET', '/k/1.csv', { host: 'my.bucket.s3.localhost.localstack.cloud:4566' })).toMatchObject({ bucket: 'my.bucket', key: 'k/1.csv' });
    expect(parse('GET', '/', { host: 'orders.localhost:4566' })).toMatchObject({ bucket: 'orders', key: undefined });
    expect(bucketFromHost('orders.s3.amazonaws.com')).toBe('orders');
    expect(bucketFromHost('orders.s3-eu-west-1.amazonaws.com')).toBe('orders');
    for (const pathStyle of ['127.0.0.1:4566', 'localhost:4566', 's3.localhost.localstack.cloud:4566', 's3.amazonaws.com', 's3.localhost', undefined]) {
      expect([pathStyle, bucketFromHost(pathStyle)]).toEqual([pathStyle, undefined]);
    }
  });

  it('reads the region from the SigV4 credential scope (header or presigned query), else the default', () => {
    const authorization = 'AWS4-HMAC-SHA256 Credential=AKID/20250101/ap-south-1/s3/aws4_request, SignedHeaders=host, Signature=x';
    expect(parse('GET', '/', { authorization }).region).toBe('ap-south-1');
    expect(parse('GET', '/b/k?X-Amz-Credential=AKID%2F20250101%2Fus-west-2%2Fs3%2Faws4_request').region).toBe('us-west-2');
    expect(parse('GET', '/').region).toBe('eu-central-1');
  });

  it('rejects undecodable paths and over-long keys', () => {
    expect(() => parse('GET', '/b/%E0%A4%A')).toThrow(expect.objectContaining({ code: 'InvalidURI', statusCode: 400 }));
    expect(() => parse('PUT', `/b/${'é'.repeat(513)}`)).toThrow(expect.objectContaining({ code: 'KeyTooLongError' }));
    expect(parse('PUT', `/b/${'k'.repeat(1024)}`).key).toHaveLength(1024);
  });
});

describe('resolveRoute', () => {
  it.each([
    ['GET', '/', {}, 'ListBuckets'],
    ['PUT', '/b', {}, 'CreateBucket'],
    ['HEAD', '/b', {}, 'HeadBucket'],
    ['DELETE', '/b', {}, 'DeleteBucket'],
    ['GET', '/b?location', {}, 'GetBucketLocation'],
    ['GET', '/b?list-type=2&prefix=x', {}, 'ListObjectsV2'],
    ['GET', '/b?prefix=x', {}, 'ListObjects'],
    ['POST', '/b?delete', {}, 'DeleteObjects'],
    ['PUT', '/b/k', {}, 'PutObject'],
    ['PUT', '/b/k?x-id=PutObject', { 'x-amz-copy-source': 'b/src' }, 'CopyObject'],
    ['GET', '/b/k', {}, 'GetObject'],
    ['HEAD', '/b/k', {}, 'HeadObject'],
    ['DELETE', '/b/k', {}, 'DeleteObject'],
    ['POST', '/b/k?uploads', {}, 'CreateMultipartUpload'],
    ['PUT', '/b/k?partNumber=1&uploadId=u', {}, 'UploadPart'],
    ['POST', '/b/k?uploadId=u', {}, 'CompleteMultipartUpload'],
    ['DELETE', '/b/k?uploadId=u', {}, 'AbortMultipartUpload'],
    ['GET', '/b/k?uploadId=u', {}, 'ListParts'],
  ])('%s %s → %s', (method, url, headers, operation) => {
    expect(route(method, url, headers as Record<string, string>)).toBe(operation);
  });

  it.each([
    ['GET', '/b?versioning', 'GetBucketVersioning'],
    ['PUT', '/b?tagging', 'PutBucketTagging'],
    ['GET', '/b/k?acl', 'GetObjectAcl'],
    ['GET', '/b?versions', 'ListObjectVersions'],
    ['GET', '/b?uploads', 'ListMultipartUploads'],
    ['PUT', '/b/k?partNumber=1&uploadId=u', 'UploadPartCopy'],
  ])('%s %s is NotImplemented naming %s', (method, url, name) => {
    const headers: Record<string, string> = name === 'UploadPartCopy' ? { 'x-amz-copy-source': 'b/k' } : {};
    expect(() => route(method, url, headers)).toThrow(
      expect.objectContaining({ code: 'NotImplemented', statusCode: 501, message: expect.stringContaining(name) }),
    );
  });

  it('answers unknown method/resource combinations with MethodNotAllowed', () => {
    expect(() => route('POST', '/b/k')).toThrow(expect.objectContaining({ code: 'MethodNotAllowed', statusCode: 405 }));
    expect(() => route('PUT', '/')).toThrow(expect.objectContaining({ code: 'MethodNotAllowed', details: { Method: 'PUT', ResourceType: 'SERVICE' } }));
  });
});
