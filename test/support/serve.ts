// Serves a test's HTTP handler on 127.0.0.1, port 0: the system picks a free port, so suites running in parallel
// never collide and nothing listens beyond loopback.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceHandler } from '../../src/server/edge';
import { toEdgeRequest, writeEdgeResponse } from '../../src/server/http-adapter';

export interface Served {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Drops open (keep-alive) connections and stops listening. */
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 port 0 with a request listener, or with a server built elsewhere (dynalite). */
export async function serve(listener: RequestListener | Server): Promise<Served> {
  const server = typeof listener === 'function' ? createServer(listener) : listener;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    async close() {
      const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * Serves an edge ServiceHandler through the node:http adapter the endpoint itself uses. A handler that rejects
 * resets the connection, so the client sees a transport error rather than a made-up response. Closing the
 * handler stays with the caller.
 */
export function serveHandler(handler: Pick<ServiceHandler, 'handle'>): Promise<Served> {
  return serve((req, res) => {
    handler
      .handle(toEdgeRequest(req))
      .then((response) => writeEdgeResponse(res, response))
      .catch((thrown: unknown) => res.destroy(thrown as Error));
  });
}
