// Forwarding mode (SANDBOX_UPSTREAM_URL): the endpoint as a front door. Whatever it does not serve itself goes,
// unchanged, to another LocalStack-style edge (LocalStack on the compose network), so a client needs one endpoint
// URL for every service, as with LocalStack's own edge (docs/docker.md). The request keeps its Host header and
// signature: the upstream routes virtual-host-style S3 and SigV4 scopes exactly as if it had been called directly.
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { EdgeRequest, EdgeResponse } from './edge';
import { ServiceError } from './service-error';

/** Headers that describe one connection, not the message: a proxy never passes them on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-authenticate',
  'proxy-authorization',
]);

/** How long a health probe of the upstream may take before the front door reports it unreachable. */
const HEALTH_TIMEOUT_MS = 10_000;

class UpstreamUnreachableError extends ServiceError {
  constructor(url: string, cause: string) {
    super('ServiceUnavailable', `The upstream endpoint ${url} (SANDBOX_UPSTREAM_URL) did not answer: ${cause}`, 502);
  }
}

/** The upstream's view of its services, or why it could not be had. */
export type UpstreamHealth = { readonly ok: true; readonly services: Readonly<Record<string, string>> } | { readonly ok: false; readonly error: string };

export class Upstream {
  private readonly base: URL;
  private readonly agent: HttpAgent;

  constructor(readonly url: string) {
    this.base = new URL(url);
    // Keep-alive and no socket cap: a Distributed Map's writers and a client's parallel uploads all pass through.
    this.agent = this.base.protocol === 'https:' ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  }

  /** Sends the request on and resolves with the upstream's answer, body streamed; rejects only if no answer came. */
  forward(request: EdgeRequest): Promise<EdgeResponse> {
    return new Promise((resolve, reject) => {
      const send = this.base.protocol === 'https:' ? httpsRequest : httpRequest;
      const outgoing = send(
        {
          protocol: this.base.protocol,
          hostname: this.base.hostname,
          port: this.base.port,
          method: request.method,
          path: this.pathFor(request.url),
          headers: endToEnd(request.headers),
          agent: this.agent,
        },
        (response) => resolve(toEdgeResponse(response)),
      );
      outgoing.once('error', (err) => reject(new UpstreamUnreachableError(this.url, err.message)));
      request.body.once('error', (err) => outgoing.destroy(err));
      request.body.pipe(outgoing);
    });
  }

  /** GET /_localstack/health of the upstream. */
  async health(): Promise<UpstreamHealth> {
    try {
      const response = await fetch(new URL('/_localstack/health', this.base), { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) });
      const text = await response.text();
      if (!response.ok) return { ok: false, error: `HTTP ${response.status}: ${text.slice(0, 200)}` };
      const services = (JSON.parse(text) as { services?: unknown }).services;
      if (typeof services !== 'object' || services === null) return { ok: false, error: 'its health document has no services' };
      return { ok: true, services: services as Record<string, string> };
    } catch (err) {
      return { ok: false, error: describeFetchError(err) };
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private pathFor(url: string): string {
    const prefix = this.base.pathname.replace(/\/+$/, '');
    return `${prefix}${url.startsWith('/') ? url : `/${url}`}`;
  }
}

function endToEnd(headers: Readonly<Record<string, string>>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name)) kept[name] = value;
  return kept;
}

function toEdgeResponse(response: IncomingMessage): EdgeResponse {
  return { status: response.statusCode ?? 502, headers: responseHeaders(response.headers), body: response };
}

function responseHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}

function describeFetchError(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message;
}
