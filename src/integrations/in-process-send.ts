// Sends one SDK command to a service this very process hosts (the embedded endpoint), without the client's
// middleware stack. The request is serialized and the response parsed by the client's own protocol (the same
// code the SDK runs for a send), signed by the client's in-process signer and handed to its request handler,
// so the service sees the request an SDK send makes and the caller gets the same output or the same typed
// error. Skipped: endpoint resolution (an in-process endpoint is fixed), retries (these clients make one
// attempt), user agent, invocation id and logging — per call, about as much CPU as the service's own work.
// Only clients createClients built with `inProcess` have a transport; LocalStack and AWS clients never do.
import type { MetadataBearer } from '@smithy/types';
import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { InProcessTransport } from '../config/clients';
import { attachRawHttp } from './raw-http';
import { FAST_BODY_OPERATIONS, MEMBER_PROBE, dynamoDbJsonBody } from './dynamodb-json-body';
import { SFN_FAST_BODY_OPERATIONS, SFN_MEMBER_PROBE, sfnJsonBody } from './sfn-json-body';

/** An SDK v3 command built by the schema-based command builder: its input and its operation schema. */
interface SchemaCommand {
  readonly input: object;
  /** `[9, namespace, name, traits, input, output]`, as the SDK's own serde middleware reads it. */
  readonly schema?: readonly unknown[];
}

interface OperationSchema {
  readonly name: unknown;
  readonly namespace: unknown;
  readonly traits: unknown;
  readonly input: unknown;
  readonly output: unknown;
}

/** The members of the SDK's `ClientProtocol` this file uses. */
interface Protocol {
  setSerdeContext(context: object): void;
  serializeRequest(operation: OperationSchema, input: object, context: object): Promise<HttpRequest>;
  deserializeResponse(operation: OperationSchema, context: object, response: HttpResponse): Promise<MetadataBearer>;
  /** The `$metadata` deserializeResponse gives every output (HttpProtocol.deserializeMetadata). */
  deserializeMetadata?(response: HttpResponse): MetadataBearer['$metadata'];
}

interface ProtocolClient {
  readonly config: { readonly protocol?: unknown; readonly endpoint?: unknown };
}

/** Per client: the serde context the SDK's middleware would build, made once. */
const serdeContexts = new WeakMap<object, { protocol: Protocol; context: object }>();

/** Whether `command` can take the in-process path (a schema-based command on a client with a protocol). */
export function sendsInProcess(client: ProtocolClient, command: object): boolean {
  return Array.isArray((command as SchemaCommand).schema) && typeof (client.config.protocol as Partial<Protocol> | undefined)?.serializeRequest === 'function';
}

export async function sendInProcess<Output extends MetadataBearer>(client: ProtocolClient, transport: InProcessTransport, command: object): Promise<Output> {
  const { protocol, context } = serdeFor(client);
  const operation = operationOf(command as SchemaCommand);
  const { input } = command as SchemaCommand;
  const request = (await writtenDirectly(protocol, operation, input, context)) ?? (await protocol.serializeRequest(operation, input, context));
  request.headers['content-length'] = String(byteLength(request.body));
  const signed = await transport.signer.sign(request, { signingRegion: transport.signingRegion, signingService: transport.signingService });
  const { response } = await transport.requestHandler.handle(signed as HttpRequest);
  const output = (emptyOutput(protocol, operation, response) ?? (await protocol.deserializeResponse(operation, context, response))) as Output;
  attachRawHttp(output, response);
  return output;
}

/** A writer of request bodies with JSON.stringify for some operations of one service (by schema namespace). */
interface BodyWriter {
  readonly operations: ReadonlySet<string>;
  /** An input with every member the writer knows, for reading the SDK serializer's member order. */
  readonly probe: Readonly<Record<string, unknown>>;
  write(input: Readonly<Record<string, unknown>>, memberOrder: readonly string[]): string | undefined;
}

const DYNAMODB_NAMESPACE = 'com.amazonaws.dynamodb';

// Each writer is called through its module's export (not stored as a value), so the differential test can count its calls.
const BODY_WRITERS: ReadonlyMap<unknown, BodyWriter> = new Map<unknown, BodyWriter>([
  [DYNAMODB_NAMESPACE, { operations: FAST_BODY_OPERATIONS, probe: MEMBER_PROBE, write: (input, order) => dynamoDbJsonBody(input, order) }],
  ['com.amazonaws.sfn', { operations: SFN_FAST_BODY_OPERATIONS, probe: SFN_MEMBER_PROBE, write: (input, order) => sfnJsonBody(input, order) }],
]);

/** Per protocol object and operation name: the member order its serializer writes. */
const memberOrders = new WeakMap<Protocol, Map<unknown, readonly string[]>>();

/**
 * A call whose body a BodyWriter can write (a DynamoDB item call, a Step Functions start): the SDK's request for
 * an empty input (method, path, headers: its fixed part) with that body. Undefined otherwise, and the SDK's
 * serializer writes it all. (Copying one request made per client instead of serializing `{}` each time saved
 * little CPU and let the main thread's heap peak ≈ 150–200 MB higher at 100k rows: docs/performance.md, "Round 6".)
 */
async function writtenDirectly(protocol: Protocol, operation: OperationSchema, input: object, context: object): Promise<HttpRequest | undefined> {
  const writer = BODY_WRITERS.get(operation.namespace);
  if (!writer?.operations.has(String(operation.name))) return undefined;
  let orders = memberOrders.get(protocol);
  if (!orders) memberOrders.set(protocol, (orders = new Map<unknown, readonly string[]>()));
  let order = orders.get(operation.name);
  if (!order) {
    const probe = await protocol.serializeRequest(operation, writer.probe, context);
    order = Object.keys(JSON.parse(bodyText(probe.body)) as object);
    orders.set(operation.name, order);
  }
  const body = writer.write(input as Readonly<Record<string, unknown>>, order);
  if (body === undefined) return undefined;
  const request = await protocol.serializeRequest(operation, {}, context);
  request.body = Buffer.from(body, 'utf8');
  return request;
}

const isDynamoDbItemCall = (operation: OperationSchema): boolean =>
  operation.namespace === DYNAMODB_NAMESPACE && FAST_BODY_OPERATIONS.has(String(operation.name));

/**
 * The output of a DynamoDB item call answered 200 with the body `{}` (a PutItem, DeleteItem or UpdateItem that
 * returns nothing): only `$metadata`, as the SDK's deserializer makes it for that body (the differential test
 * compares them), without decoding the body or walking the output schema. Undefined for any other response.
 */
function emptyOutput(protocol: Protocol, operation: OperationSchema, response: HttpResponse): MetadataBearer | undefined {
  const body = response.body as unknown;
  if (response.statusCode !== 200 || !(body instanceof Uint8Array) || body.length !== 2 || body[0] !== 0x7b || body[1] !== 0x7d) return undefined;
  if (!isDynamoDbItemCall(operation) || typeof protocol.deserializeMetadata !== 'function') return undefined;
  return { $metadata: protocol.deserializeMetadata(response) };
}

/** A serialized awsJson body as text; a view of the SDK's bytes, not Buffer.from(view), which calls its valueOf() (deprecated by the SDK). */
function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new TypeError(`in-process send: unexpected request body type ${Object.prototype.toString.call(body)}`);
}

function serdeFor(client: ProtocolClient): { protocol: Protocol; context: object } {
  let serde = serdeContexts.get(client);
  if (!serde) {
    const protocol = client.config.protocol as Protocol;
    // What the SDK's schema serde plugin does before the first send of any command.
    protocol.setSerdeContext(client.config);
    serde = { protocol, context: { ...client.config, ...fixedEndpoint(client.config.endpoint) } };
    serdeContexts.set(client, serde);
  }
  return serde;
}

/**
 * The serializer asks the context for the endpoint on every request, and the SDK's provider parses the
 * endpoint URL each time; an in-process client's endpoint never changes, so it is resolved once. The
 * serializer only reads the endpoint it gets (HttpProtocol.updateServiceEndpoint).
 */
function fixedEndpoint(endpoint: unknown): { endpoint?: () => Promise<unknown> } {
  if (typeof endpoint !== 'function') return {};
  let resolved: Promise<unknown> | undefined;
  const resolve = () =>
    (endpoint as () => Promise<unknown>)().catch((err: unknown) => {
      resolved = undefined;
      throw err;
    });
  return { endpoint: () => (resolved ??= resolve()) };
}

function operationOf(command: SchemaCommand): OperationSchema {
  const [, namespace, name, traits, input, output] = command.schema as readonly unknown[];
  return { namespace, name, traits, input, output };
}

/** What the SDK's content-length middleware writes: awsJson bodies are a string or bytes. */
function byteLength(body: unknown): number {
  if (typeof body === 'string') return Buffer.byteLength(body);
  if (ArrayBuffer.isView(body)) return body.byteLength;
  throw new TypeError(`in-process send: unexpected request body type ${Object.prototype.toString.call(body)}`);
}
