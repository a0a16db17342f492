// Where a send leaves the raw HTTP status and headers of a response on the SDK output it produced: a symbol,
// so toTaskJson never sees it. Written by the client-level capture middleware (sdk-http-metadata.ts) and by
// the in-process send (in-process-send.ts), read by the optimized integrations for SdkHttpMetadata.
const RAW_HTTP = Symbol('sfnSdkHttpMetadata');

export interface RawHttp {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
}

export function attachRawHttp(output: object, response: RawHttp): void {
  const raw: RawHttp = { statusCode: response.statusCode, headers: response.headers };
  Object.defineProperty(output, RAW_HTTP, { value: raw });
}

export function rawHttpOf(output: object): RawHttp | undefined {
  return (output as { [RAW_HTTP]?: RawHttp })[RAW_HTTP];
}
