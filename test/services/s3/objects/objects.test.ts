import type { ObjectRecord } from '../../../../src/services/s3/storage/types';
import { readObjectAttributes } from '../../../../src/services/s3/objects/object-headers';
import { evaluatePreconditions, checkWritePreconditions } from '../../../../src/services/s3/objects/preconditions';
import { parseRange } from '../../../../src/services/s3/objects/range';

describe('parseRange', () => {
  it.each([
    ['bytes=0-0', { start: 0, end: 0 }],
    ['bytes=2-5', { start: 2, end: 5 }],
    ['bytes=7-', { start: 7, end: 9 }],
    ['bytes=5-999', { start: 5, end: 9 }],
    ['bytes=-3', { start: 7, end: 9 }],
    ['bytes=-50', { start: 0, end: 9 }],
    ['bytes=5-2', undefined],
    ['bytes=0-1,4-5', undefined],
    ['items=0-1', undefined],
    ['bytes=-', undefined],
  ])('%s on 10 bytes', (header, expected) => {
    expect(parseRange(header, 10)).toEqual(expected);
  });

  it.each([
    ['bytes=10-', 10],
    ['bytes=10-20', 10],
    ['bytes=-0', 10],
    ['bytes=0-', 0],
    ['bytes=-1', 0],
  ])('%s on %i bytes is InvalidRange', (header, size) => {
    expect(() => parseRange(header, size)).toThrow(expect.objectContaining({ code: 'InvalidRange', statusCode: 416 }));
  });
});

describe('preconditions', () => {
  const object = { etag: '"abc"', lastModified: '2024-05-01T12:00:00.000Z' } as ObjectRecord;
  const before = 'Tue, 30 Apr 2024 12:00:00 GMT';
  const after = 'Thu, 02 May 2024 12:00:00 GMT';

  it('GET/HEAD: If-Match/If-Unmodified-Since fail with 412; If-None-Match/If-Modified-Since give 304', () => {
    expect(evaluatePreconditions({ 'if-match': '"abc"' }, object)).toBe('proceed');
    expect(evaluatePreconditions({ 'if-match': '*' }, object)).toBe('proceed');
    expect(() => evaluatePreconditions({ 'if-match': '"xyz"' }, object)).toThrow(expect.objectContaining({ code: 'PreconditionFailed', statusCode: 412 }));
    expect(() => evaluatePreconditions({ 'if-unmodified-since': before }, object)).toThrow(expect.objectContaining({ code: 'PreconditionFailed' }));
    expect(evaluatePreconditions({ 'if-match': 'abc', 'if-unmodified-since': before }, object)).toBe('proceed');
    expect(evaluatePreconditions({ 'if-none-match': 'W/"abc"' }, object)).toBe('not-modified');
    expect(evaluatePreconditions({ 'if-modified-since': after }, object)).toBe('not-modified');
    expect(evaluatePreconditions({ 'if-modified-since': before }, object)).toBe('proceed');
    expect(evaluatePreconditions({ 'if-none-match': '"other"', 'if-modified-since': after }, object)).toBe('proceed');
    expect(evaluatePreconditions({ 'if-modified-since': 'not a date' }, object)).toBe('proceed');
  });

  it('copy-source conditions fail with 412 where GET would say 304', () => {
    expect(() => evaluatePreconditions({ 'x-amz-copy-source-if-none-match': '"abc"' }, object, 'x-amz-copy-source-')).toThrow(
      expect.objectContaining({ code: 'PreconditionFailed' }),
    );
  });

  it('conditional writes: If-None-Match * and If-Match', () => {
    expect(() => checkWritePreconditions({ 'if-none-match': '*' }, 'k', object)).toThrow(expect.objectContaining({ code: 'PreconditionFailed' }));
    expect(() => checkWritePreconditions({ 'if-none-match': '*' }, 'k', undefined)).not.toThrow();
    expect(() => checkWritePreconditions({ 'if-match': '"abc"' }, 'k', undefined)).toThrow(expect.objectContaining({ code: 'NoSuchKey' }));
    expect(() => checkWritePreconditions({ 'if-match': '"zzz"' }, 'k', object)).toThrow(expect.objectContaining({ code: 'PreconditionFailed' }));
  });
});

describe('readObjectAttributes', () => {
  it('keeps representation headers and x-amz-meta-*, dropping aws-chunked from Content-Encoding', () => {
    expect(readObjectAttributes({ 'content-encoding': 'gzip,aws-chunked', 'x-amz-meta-a': '1', 'cache-control': 'no-cache', 'x-amz-acl': 'private' })).toEqual({
      headers: { 'content-type': 'binary/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-cache' },
      userMetadata: { a: '1' },
    });
  });

  it('limits user metadata to 2 KB', () => {
    expect(() => readObjectAttributes({ 'x-amz-meta-big': 'x'.repeat(2048) })).toThrow(expect.objectContaining({ code: 'MetadataTooLarge' }));
  });
});
