// The request bodies an SDK v3 client's own protocol object writes, for comparing the in-process send's body
// writers (dynamodb-json-body.ts, sfn-json-body.ts) with them byte for byte.
import type { HttpRequest } from '@smithy/protocol-http';

interface Protocol {
  setSerdeContext(context: object): void;
  serializeRequest(operation: object, input: object, context: object): Promise<HttpRequest>;
}

export type CommandClass = new (input: never) => { schema?: unknown };

export interface SdkSerializer {
  /** The body the SDK writes for `input` as `Command`'s request, as text. */
  body(Command: CommandClass, input: object): Promise<string>;
  /** The member order the SDK writes `Command`'s input in, read from its body for `probe`. */
  memberOrder(Command: CommandClass, probe: object): Promise<string[]>;
}

/** `client`'s serializer, set up as the SDK's serde plugin sets it up before a first send. */
export function sdkSerializer(client: { readonly config: object & { readonly protocol?: unknown } }): SdkSerializer {
  const protocol = client.config.protocol as Protocol;
  protocol.setSerdeContext(client.config);
  const context = { ...client.config };
  const operationOf = (Command: CommandClass) => {
    const [, namespace, name, traits, input, output] = new Command({} as never).schema as unknown[];
    return { namespace, name, traits, input, output };
  };
  const body = async (Command: CommandClass, input: object) => {
    const written = (await protocol.serializeRequest(operationOf(Command), input, context)).body as Uint8Array | string;
    return typeof written === 'string' ? written : Buffer.from(written.buffer, written.byteOffset, written.byteLength).toString('utf8');
  };
  return { body, memberOrder: async (Command, probe) => Object.keys(JSON.parse(await body(Command, probe)) as object) };
}
