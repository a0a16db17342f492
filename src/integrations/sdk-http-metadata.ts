// Optimized integrations append the SDK-for-Java-v1 response metadata to their result (docs/aws-behaviour.md#service-integrations):
// `SdkHttpMetadata {AllHttpHeaders, HttpHeaders, HttpStatusCode}` and `SdkResponseMetadata {RequestId}`.
// The headers are those of the real HTTP response, read through a client-level deserialize middleware.
import { HttpResponse } from '@smithy/protocol-http';
import type { MetadataBearer, MiddlewareStack } from '@smithy/types';
import { attachRawHttp, rawHttpOf } from './raw-http';
import { sendAbortable, type SdkClient } from './sdk-send';

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

const capturing = new WeakSet<object>();

/** Any client's stack: each is typed by its own service's unions, and the middleware reads only response and output. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyClientStack = MiddlewareStack<any, any>;

/**
 * Makes `client` leave each response's status and headers on its output. A client-level middleware, not a
 * per-command one: clients that cache their middleware chain per command class (config/clients.ts
 * `inProcess`) ignore what is added to a single command. Idempotent; call before the client's first send.
 */
export function captureHttpOn(client: { readonly middlewareStack: AnyClientStack }): void {
  if (capturing.has(client)) return;
  capturing.add(client);
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const { response, output } = result as { response: unknown; output: unknown };
      if (HttpResponse.isInstance(response) && output !== null && typeof output === 'object') attachRawHttp(output, response);
      return result;
    },
    { step: 'deserialize', name: 'sfnSdkHttpMetadataCapture', priority: 'high' },
  );
}

/** Sends a command, returning its output with the raw HTTP status and headers. */
export async function sendCapturingHttp<Output extends MetadataBearer>(
  client: SdkClient & { readonly middlewareStack: AnyClientStack },
  command: object,
  signal: AbortSignal,
  casing: HeaderCasing,
): Promise<{ output: Output; http: CapturedHttp }> {
  captureHttpOn(client);
  const output = await sendAbortable<Output>(client, command, signal);
  const raw = rawHttpOf(output);
  return { output, http: raw ? captureHttp(raw, casing) : { statusCode: output.$metadata.httpStatusCode ?? 200, headers: [] } };
}

function captureHttp(response: Pick<HttpResponse, 'statusCode' | 'headers'>, casing: HeaderCasing): CapturedHttp {
  const headers: (readonly [string, string])[] = [];
  for (const name of Object.keys(response.headers)) headers.push([casing[name.toLowerCase()] ?? name, response.headers[name]]);
  return { statusCode: response.statusCode, headers };
}

/** localeCompare's order, without building a collator on every call (once per optimized task result). */
const HEADER_ORDER = new Intl.Collator();

/** A list of header names and its sorted positions. */
interface SortedOrder {
  readonly names: readonly string[];
  readonly order: readonly number[];
}

/**
 * The sorted orders seen lately, newest first: a service answers with the same few header sets every time, and
 * comparing the names in place costs no allocation (a joined key per result did).
 */
const sortedOrders: SortedOrder[] = [];
const MAX_SORTED_ORDERS = 16;

/** SDK v1 keeps HttpHeaders in a case-insensitive TreeMap, hence the recorded sorted order. */
function sortedOrder(headers: CapturedHttp['headers']): readonly number[] {
  for (const known of sortedOrders) if (sameNames(known.names, headers)) return known.order;
  const names = headers.map(([name]) => name);
  const lower = names.map((name) => name.toLowerCase());
  const order = headers.map((_, i) => i).sort((a, b) => HEADER_ORDER.compare(lower[a], lower[b]));
  sortedOrders.unshift({ names, order });
  if (sortedOrders.length > MAX_SORTED_ORDERS) sortedOrders.pop();
  return order;
}

function sameNames(names: readonly string[], headers: CapturedHttp['headers']): boolean {
  if (names.length !== headers.length) return false;
  for (let i = 0; i < names.length; i++) if (names[i] !== headers[i][0]) return false;
  return true;
}

export function sdkMetadata(http: CapturedHttp, requestId: string | undefined): SdkMetadata {
  const all: Record<string, string[]> = {};
  for (const [name, value] of http.headers) all[name] = [value];
  const sorted: Record<string, string> = {};
  for (const i of sortedOrder(http.headers)) sorted[http.headers[i][0]] = http.headers[i][1];
  return {
    SdkHttpMetadata: { AllHttpHeaders: all, HttpHeaders: sorted, HttpStatusCode: http.statusCode },
    SdkResponseMetadata: { RequestId: requestId },
  };
}

/** Result members first, metadata after, keys sorted as the recorded SDK-v1 outputs show them. */
export function withSdkMetadata(members: Record<string, unknown>, metadata: SdkMetadata): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...members, ...metadata };
  const keys = Object.keys(merged);
  // Most results (a PutItem's: no members at all) are in order already; sorting them anyway was a copy per row.
  if (inOrder(keys)) return merged;
  return Object.fromEntries(keys.sort().map((key) => [key, merged[key]]));
}

/** Whether Array.prototype.sort() would leave `keys` (distinct strings) as they are. */
function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] > keys[i]) return false;
  return true;
}
