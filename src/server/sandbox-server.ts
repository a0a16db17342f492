// The embedded endpoint: one node:http server on one port serving the services it is handed (S3, DynamoDB, Step
// Functions: built by the composition root, src/sandbox), routed like LocalStack's edge, plus an in-process SDK
// request handler into the same router. Library code stays silent: the CLI (src/cli/endpoint.ts) prints `Ready.`,
// this only resolves once the socket listens.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { SdkRequestHandler } from '../config/clients';
import type { SandboxConfig } from '../config/config';
import { closeServices } from './close-services';
import type { EdgeRequest, EdgeResponse, ServiceHandler } from './edge';
import { EdgeRouter, type EndpointServices } from './edge-router';
import { toEdgeRequest, writeEdgeResponse } from './http-adapter';
import { InProcessHandler, type Dispatcher } from './in-process-handler';
import { Upstream } from './upstream';
import { sandboxVersion } from './version';

export interface EdgeOptions {
  readonly config: SandboxConfig;
  /**
   * The services to serve, finished (decorators applied). The endpoint owns them from here on and closes them on
   * close() or when it cannot listen. A service left out answers UnknownOperationException.
   */
  readonly services: EndpointServices;
  /** Serves `/_sandbox/console/` (the web console, src/console); without it those paths answer 404. */
  readonly console?: ServiceHandler;
}

export interface EndpointOptions extends EdgeOptions {
  /** Defaults to config.server.host (127.0.0.1). */
  readonly host?: string;
  /** Defaults to config.server.port (4566); 0 picks a free port. */
  readonly port?: number;
}

/** The endpoint before it listens: its router already dispatches requests, in-process, to the services. */
export interface Edge extends Dispatcher {
  /** e.g. listen('127.0.0.1', 0); resolves once the socket listens. */
  listen(host: string, port: number): Promise<StartedEndpoint>;
}

export interface StartedEndpoint extends AsyncDisposable {
  /** e.g. http://127.0.0.1:4566 (a wildcard host is reported as 127.0.0.1). */
  readonly url: string;
  readonly port: number;
  /** What the endpoint serves and closes. */
  readonly services: Readonly<EndpointServices>;
  /** For createClients(config, { requestHandler }): same services, no socket. */
  readonly requestHandler: SdkRequestHandler;
  close(): Promise<void>;
}

export function createEdge(options: EdgeOptions): Edge {
  const { config } = options;
  const upstream = config.server.upstreamUrl ? new Upstream(config.server.upstreamUrl) : undefined;
  const router = new EdgeRouter(options.services, config.server.services, sandboxVersion(), upstream);
  if (options.console) router.attachConsole(options.console);
  return {
    dispatch: (request: EdgeRequest): Promise<EdgeResponse> => router.dispatch(request),
    listen: (host, port) => listenOn(router, upstream, host, port),
  };
}

/** createEdge(options).listen(host, port), with the configured host and port as defaults. */
export function startEndpoint(options: EndpointOptions): Promise<StartedEndpoint> {
  const { config } = options;
  return createEdge(options).listen(options.host ?? config.server.host, options.port ?? config.server.port);
}

async function listenOn(router: EdgeRouter, upstream: Upstream | undefined, host: string, port: number): Promise<StartedEndpoint> {
  const server = createServer((req, res) => void serve(router, req, res).catch(() => res.destroy()));
  server.on('clientError', answerClientError);
  try {
    const bound = await listen(server, host, port);
    const url = `http://${urlHost(host)}:${bound}`;
    return started({ server, router, requestHandler: new InProcessHandler(router), url, port: bound, upstream });
  } catch (err) {
    upstream?.close();
    await stopServer(server);
    await closeServices(router.services).catch(() => undefined);
    throw err;
  }
}

interface Parts {
  readonly server: Server;
  readonly router: EdgeRouter;
  readonly requestHandler: SdkRequestHandler;
  readonly url: string;
  readonly port: number;
  readonly upstream: Upstream | undefined;
}

function started({ server, router, requestHandler, url, port, upstream }: Parts): StartedEndpoint {
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // In order: stop accepting connections (and cut the open ones), stop the executions while the in-process
      // handler still serves their last calls, then refuse everything and close S3 and DynamoDB.
      await stopServer(server);
      upstream?.close();
      await closeServices(router.services, () => router.close());
    })());
  return { url, port, services: router.services, requestHandler, close, [Symbol.asyncDispose]: close };
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
