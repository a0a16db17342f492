// The embedded endpoint: one node:http server on one port serving S3, DynamoDB and Step Functions, routed
// like LocalStack's edge, plus an in-process SDK request handler into the same router. Library code stays
// silent: the CLI (src/cli/endpoint.ts) prints `Ready.`, this only resolves once the socket listens.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { SdkRequestHandler } from '../config/clients';
import type { EndpointService, SandboxConfig } from '../config/config';
import type { ServiceHandler } from './edge';
import { EdgeRouter, type EndpointServices } from './edge-router';
import { closeServices, createOwnServices } from './endpoint-services';
import { toEdgeRequest, writeEdgeResponse } from './http-adapter';
import { InProcessHandler } from './in-process-handler';
import { Upstream } from './upstream';
import { sandboxVersion } from './version';

/** Builds the Step Functions service once the endpoint exists, so its task clients can use `requestHandler`. */
export type StepFunctionsFactory = (endpoint: {
  readonly config: SandboxConfig;
  readonly url: string;
  readonly requestHandler: SdkRequestHandler;
}) => ServiceHandler | Promise<ServiceHandler>;

export interface EndpointOptions {
  /** Defaults to config.server.host (127.0.0.1). */
  readonly host?: string;
  /** Defaults to config.server.port (4566); 0 picks a free port. */
  readonly port?: number;
  /** Defaults to config.server.dataDir; in memory when neither is set. */
  readonly dataDir?: string;
  readonly config: SandboxConfig;
  /** The endpoint owns it from here on and closes it on close(). Without one, Step Functions calls get UnknownOperationException. */
  readonly stepFunctions?: ServiceHandler | StepFunctionsFactory;
  /** Serves `/_sandbox/console/` (the web console, src/console); without it those paths answer 404. */
  readonly console?: ServiceHandler;
  /** Wraps a service before it is routed to (e.g. fault injection around DynamoDB). */
  readonly decorate?: Partial<Record<EndpointService, ServiceDecorator>>;
}

export type ServiceDecorator = (service: ServiceHandler) => ServiceHandler;

export interface StartedEndpoint extends AsyncDisposable {
  /** e.g. http://127.0.0.1:4566 (a wildcard host is reported as 127.0.0.1). */
  readonly url: string;
  readonly port: number;
  readonly services: Readonly<EndpointServices>;
  /** For createClients(config, { requestHandler }): same services, no socket. */
  readonly requestHandler: SdkRequestHandler;
  close(): Promise<void>;
}

export async function startEndpoint(options: EndpointOptions): Promise<StartedEndpoint> {
  const { config } = options;
  /** Undecorated: what the endpoint closes, and what callers get to inspect. */
  const owned: EndpointServices = await createOwnServices(config, options.dataDir ?? config.server.dataDir);
  const upstream = config.server.upstreamUrl ? new Upstream(config.server.upstreamUrl) : undefined;
  const router = new EdgeRouter({}, config.server.services, sandboxVersion(), upstream);
  const attach = (name: EndpointService, service: ServiceHandler) => {
    owned[name] = service;
    router.attach(name, options.decorate?.[name]?.(service) ?? service);
  };
  if (options.console) router.attachConsole(options.console);
  const requestHandler = new InProcessHandler(router);
  const server = createServer((req, res) => void serve(router, req, res).catch(() => res.destroy()));
  server.on('clientError', answerClientError);
  try {
    for (const [name, service] of Object.entries(owned) as Array<[EndpointService, ServiceHandler]>) attach(name, service);
    const { stepFunctions } = options;
    if (stepFunctions && typeof stepFunctions !== 'function') attach('stepfunctions', stepFunctions);
    const host = options.host ?? config.server.host;
    const port = await listen(server, host, options.port ?? config.server.port);
    const url = `http://${urlHost(host)}:${port}`;
    if (typeof stepFunctions === 'function') attach('stepfunctions', await stepFunctions({ config, url, requestHandler }));
    return started({ server, router, owned, requestHandler, url, port, upstream });
  } catch (err) {
    upstream?.close();
    await stopServer(server);
    await closeServices(owned).catch(() => undefined);
    throw err;
  }
}

interface Parts {
  readonly server: Server;
  readonly router: EdgeRouter;
  readonly owned: EndpointServices;
  readonly requestHandler: SdkRequestHandler;
  readonly url: string;
  readonly port: number;
  readonly upstream: Upstream | undefined;
}

function started({ server, router, owned, requestHandler, url, port, upstream }: Parts): StartedEndpoint {
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // In order: stop accepting connections (and cut the open ones), stop the executions while the in-process
      // handler still serves their last calls, then refuse everything and close S3 and DynamoDB.
      await stopServer(server);
      upstream?.close();
      await closeServices(owned, () => router.close());
    })());
  return { url, port, services: owned, requestHandler, close, [Symbol.asyncDispose]: close };
}

async function serve(router: EdgeRouter, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // A client that goes away makes these emit 'error'; whoever reads the body sees it there too.
  req.on('error', ignore);
  res.on('error', ignore);
  const response = await router.dispatch(toEdgeRequest(req));
  try {
    await writeEdgeResponse(res, response);
  } catch {
    // The client disconnected mid-stream, or a header was unsendable: nothing more can be said on this socket.
    if (response.body instanceof Readable) response.body.destroy();
    if (res.headersSent) res.destroy();
    else res.writeHead(500, { 'content-length': '0', connection: 'close' }).end();
  }
}

/** Node rejects malformed requests (bad headers, oversized header block) before our handler sees them. */
function answerClientError(err: NodeJS.ErrnoException, socket: import('node:stream').Duplex): void {
  if (!socket.writable || err.code === 'ECONNRESET') return void socket.destroy();
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stopServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    // In-flight requests are cut off: shutdown must not wait for a client that keeps a download open.
    server.closeAllConnections();
  });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function ignore(): void {}
