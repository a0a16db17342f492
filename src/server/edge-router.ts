// The edge's dispatcher, shared by the node:http server and the in-process SDK request handler: resolve
// the service, apply the edge's checks, call the service, and turn anything thrown into a wire error.
// dispatch() never rejects, so no request can take the process down.
import type { EndpointService } from '../config/config';
import { checkDeclaredLength } from './body-limit';
import type { EdgeRequest, EdgeResponse, ServiceHandler } from './edge';
import { EndpointClosedError, protocolOf, serializeEdgeError, ServiceNotEnabledError, UnsupportedServiceError } from './edge-errors';
import { UnknownOperationException } from './protocols/aws-json';
import { frontDoorHealth, localstackRoute, type EndpointStatus, type ServiceState } from './localstack-routes';
import { discardBody } from './read-body';
import { resolveService, type Route } from './resolve-service';
import type { Upstream } from './upstream';
import { withWireHeaders } from './wire-headers';

export type EndpointServices = Partial<Record<EndpointService, ServiceHandler>>;

export class EdgeRouter {
  private closed = false;
  private readonly handlers: EndpointServices;
  private console?: ServiceHandler;

  constructor(
    handlers: EndpointServices,
    /** config.server.services: what SANDBOX_SERVICES enables. */
    private readonly enabled: readonly EndpointService[],
    private readonly version: string,
    /** Forwarding mode: receives every request this router does not serve itself (SANDBOX_UPSTREAM_URL). */
    private readonly upstream?: Upstream,
  ) {
    this.handlers = { ...handlers };
  }

  /** Serves `/_sandbox/console/...` (the web console; src/console). Without one those paths answer 404. */
  attachConsole(handler: ServiceHandler): void {
    this.console = handler;
  }

  get services(): Readonly<EndpointServices> {
    return this.handlers;
  }

  async dispatch(request: EdgeRequest): Promise<EdgeResponse> {
    const route = resolveService(request);
    const service = route.kind === 'service' ? route.service : undefined;
    try {
      if (this.upstream && !this.servesHere(route)) return await this.viaUpstream(this.upstream, route, request);
      if (route.kind === 'localstack') return localstackRoute(route.path, request, this.status());
      if (route.kind === 'console') return await this.serveConsole(route.path, request);
      if (route.kind === 'unsupported') throw new UnsupportedServiceError(route.signingName);
      return withWireHeaders(service, request, await this.serve(route.service, request));
    } catch (err) {
      discardBody(request.body);
      return withWireHeaders(service, request, serializeEdgeError(err, protocolOf(service), request));
    }
  }

  /** New requests are refused with 503 from now on; in-flight ones finish. */
  close(): void {
    this.closed = true;
  }

  status(): EndpointStatus {
    const serviceState = (service: EndpointService): ServiceState =>
      this.enabled.includes(service) && this.handlers[service] !== undefined ? 'running' : 'disabled';
    return { version: this.version, serviceState, shuttingDown: this.closed };
  }

  private serveConsole(path: string, request: EdgeRequest): Promise<EdgeResponse> {
    if (this.closed) throw new EndpointClosedError();
    if (this.console) return this.console.handle(request);
    discardBody(request.body);
    const text = `No console on this endpoint: ${path} is served by the embedded sandbox (npm start, npm run endpoint)`;
    return Promise.resolve({ status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text });
  }

  /** With an upstream, the console and the services running here are answered here; the upstream gets the rest. */
  private servesHere(route: Route): boolean {
    if (route.kind === 'console') return true;
    return route.kind === 'service' && this.status().serviceState(route.service) === 'running';
  }

  private async viaUpstream(upstream: Upstream, route: Route, request: EdgeRequest): Promise<EdgeResponse> {
    if (this.closed) throw new EndpointClosedError();
    // Health merges the upstream's services with this endpoint's; LocalStack's other internal routes (init hooks) are the upstream's.
    if (route.kind === 'localstack' && isHealthPath(route.path)) return frontDoorHealth(request, this.status(), upstream.url, await upstream.health());
    return upstream.forward(request);
  }

  private serve(service: EndpointService, request: EdgeRequest): Promise<EdgeResponse> {
    if (this.closed) throw new EndpointClosedError();
    if (!this.enabled.includes(service)) throw new ServiceNotEnabledError(service);
    const handler = this.handlers[service];
    if (handler === undefined) {
      const target = request.headers['x-amz-target'] ?? `${request.method} ${request.url}`;
      throw new UnknownOperationException(target, `no ${service} service is attached to this endpoint`);
    }
    checkDeclaredLength(service, request);
    return handler.handle(request);
  }
}

function isHealthPath(path: string): boolean {
  return path === '/_localstack/health' || path === '/health';
}
