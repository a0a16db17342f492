// Sends one SDK command for a Task, abortable through the Task's signal. Clients built with `inProcess`
// (config/clients.ts) cache their resolved middleware chain, which the SDK only does for sends without
// per-call options: for them the abort is raced here instead of handed to the request handler. That is
// what the in-process handler does with an abortSignal anyway (the embedded service finishes the call and
// the answer is dropped), so the Task sees the same thing either way. Those clients' commands skip the
// middleware stack altogether (in-process-send.ts).
import type { MetadataBearer } from '@smithy/types';
import { abortError, inProcessTransport } from '../config/clients';
import { whenAborted } from '../engine';
import { sendInProcess, sendsInProcess } from './in-process-send';

export interface SdkClient {
  readonly config: { readonly cacheMiddleware?: boolean; readonly protocol?: unknown };
  send(command: never, options?: { abortSignal: AbortSignal }): Promise<MetadataBearer>;
}

type CommandClass = new (input: never) => object;

/** Each command class's operation schema, read once from an instance (the SDK sets it in the constructor). */
const schemas = new WeakMap<CommandClass, unknown>();

/**
 * The command to send `input` with: an SDK command, or, for a client whose sends take the in-process path,
 * only what that path reads (input and operation schema). Every SDK command builds a middleware stack of its
 * own in its constructor, which the in-process path never uses: one per DynamoDB row otherwise.
 */
export function sdkCommand(client: SdkClient, Command: CommandClass, input: object): object {
  const command = { input, schema: schemas.get(Command) };
  if (command.schema !== undefined && client.config.cacheMiddleware === true && inProcessTransport(client) && sendsInProcess(client, command)) return command;
  const built = new Command(input as never);
  if (!schemas.has(Command)) schemas.set(Command, (built as { schema?: unknown }).schema);
  return built;
}

export function sendAbortable<Output extends MetadataBearer>(client: SdkClient, command: object, signal: AbortSignal): Promise<Output> {
  if (client.config.cacheMiddleware !== true) return client.send(command as never, { abortSignal: signal }) as Promise<Output>;
  if (signal.aborted) return Promise.reject(abortError());
  const transport = inProcessTransport(client);
  const sent =
    transport && sendsInProcess(client, command) ? sendInProcess<Output>(client, transport, command) : (client.send(command as never) as Promise<Output>);
  return new Promise<Output>((resolve, reject) => {
    const stop = whenAborted(signal, () => reject(abortError()));
    sent.then(resolve, reject).finally(stop);
  });
}
