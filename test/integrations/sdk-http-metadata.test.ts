// SdkHttpMetadata as the SDK for Java v1 writes it: AllHttpHeaders in wire order with one-element lists,
// HttpHeaders sorted case-insensitively. The sorted order is remembered per header set; these check that it is
// right for every set, also after more sets than are remembered.
import { sdkMetadata } from '../../src/integrations/sdk-http-metadata';

const headerSet = (n: number): [string, string][] => [
  ['x-amzn-RequestId', `id-${n}`],
  ['Content-Type', 'application/x-amz-json-1.0'],
  [`X-Extra-${String.fromCharCode(97 + n)}`, String(n)],
  ['Date', 'Sat, 05 Dec 2026 14:00:00 GMT'],
];

describe('sdkMetadata', () => {
  it('keeps wire order in AllHttpHeaders and sorts HttpHeaders case-insensitively, for many header sets in turn', () => {
    for (const n of [...Array(20).keys(), 0, 19, 3]) {
      const headers = headerSet(n);
      const metadata = sdkMetadata({ statusCode: 200, headers }, `id-${n}`);
      expect(Object.entries(metadata.SdkHttpMetadata.AllHttpHeaders)).toEqual(headers.map(([name, value]) => [name, [value]]));
      const sortedNames = headers.map(([name]) => name).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
      expect(Object.keys(metadata.SdkHttpMetadata.HttpHeaders)).toEqual(sortedNames);
      expect(metadata.SdkHttpMetadata.HttpHeaders[`X-Extra-${String.fromCharCode(97 + n)}`]).toBe(String(n));
      expect(metadata.SdkResponseMetadata).toEqual({ RequestId: `id-${n}` });
    }
  });

  it('tells apart header sets with the same names in another order', () => {
    const wire: [string, string][] = [
      ['b', '1'],
      ['A', '2'],
    ];
    const reversed: [string, string][] = [
      ['A', '2'],
      ['b', '1'],
    ];
    expect(Object.keys(sdkMetadata({ statusCode: 200, headers: wire }, undefined).SdkHttpMetadata.HttpHeaders)).toEqual(['A', 'b']);
    expect(Object.keys(sdkMetadata({ statusCode: 200, headers: reversed }, undefined).SdkHttpMetadata.HttpHeaders)).toEqual(['A', 'b']);
    expect(Object.keys(sdkMetadata({ statusCode: 200, headers: reversed }, undefined).SdkHttpMetadata.AllHttpHeaders)).toEqual(['A', 'b']);
  });
});
