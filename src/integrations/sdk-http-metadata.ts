// Optimized integrations append the SDK-for-Java-v1 response metadata to their result (spec §5.1, §5.2):
// `SdkHttpMetadata {AllHttpHeaders, HttpHeaders, HttpStatusCode}` and `SdkResponseMetadata {RequestId}`.
// The headers are those of the real HTTP response, read through a per-call deserialize middleware.
import { HttpResponse } from '@smithy/protocol-http';
import type { MetadataBearer, MiddlewareStack } from '@smithy/types';

export interface CapturedHttp {
  readonly statusCode: number;
  /** In wire order; names as the service spells them (see `HeaderCasing`). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
}

export interface SdkMetadata {
  readonly SdkHttpMetadata: {
    readonly AllHttpHeaders: Record<string, string[]>;
    readonly HttpHeaders: Record<string, string>;
    readonly HttpStatusCode: number;
  };
  readonly SdkResponseMetadata: { readonly RequestId: string | undefined };
}

/** Lower-case name → the spelling AWS's service sends; Node lower-cases every header it receives. */
export type HeaderCasing = Readonly<Record<string, string>>;

/** Sends a command through `send`, returning its output with the raw HTTP status and headers. */
export async function sendCapturingHttp<Input extends object, Output extends MetadataBearer>(
  command: { readonly middlewareStack: MiddlewareStack<Input, Output> },
  send: () => Promise<Output>,
  casing: HeaderCasing,
): Promise<{ output: Output; http: CapturedHttp }> {
  let http: CapturedHttp | undefined;
  command.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      if (HttpResponse.isInstance(result.response)) http = captureHttp(result.response, casing);
      return result;
    },
    { step: 'deserialize', name: 'sfnSdkHttpMetadataCapture' },
  );
  const output = await send();
  return { output, http: http ?? { statusCode: output.$metadata.httpStatusCode ?? 200, headers: [] } };
}

export function captureHttp(response: Pick<HttpResponse, 'statusCode' | 'headers'>, casing: HeaderCasing): CapturedHttp {
  const headers = Object.entries(response.headers).map(([name, value]) => [casing[name.toLowerCase()] ?? name, value] as const);
  return { statusCode: response.statusCode, headers };
}

export function sdkMetadata(http: CapturedHttp, requestId: string | undefined): SdkMetadata {
  const all: Record<string, string[]> = {};
  for (const [name, value] of http.headers) all[name] = [value];
  // SDK v1 keeps HttpHeaders in a case-insensitive TreeMap, hence the recorded sorted order.
  const sorted = [...http.headers].sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase()));
  return {
    SdkHttpMetadata: { AllHttpHeaders: all, HttpHeaders: Object.fromEntries(sorted), HttpStatusCode: http.statusCode },
    SdkResponseMetadata: { RequestId: requestId },
  };
}

/** Result members first, metadata after, keys sorted as the recorded SDK-v1 outputs show them. */
export function withSdkMetadata(members: Record<string, unknown>, metadata: SdkMetadata): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...members, ...metadata };
  return Object.fromEntries(Object.keys(merged).sort().map((key) => [key, merged[key]]));
}
