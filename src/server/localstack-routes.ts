// LocalStack's internal routes, as far as tools that wait for LocalStack use them: health and init.
// We run no init hooks, so every stage but SHUTDOWN reports completed once the endpoint listens, and
// `scripts` is always empty (honest: there are none).
import { ENDPOINT_SERVICES, type EndpointService } from '../config/config';
import type { EdgeRequest, EdgeResponse } from './edge';
import type { UpstreamHealth } from './upstream';

/** LocalStack's service states; "disabled" = left out of SANDBOX_SERVICES, or no handler attached. */
export type ServiceState = 'running' | 'disabled';

export interface EndpointStatus {
  readonly version: string;
  serviceState(service: EndpointService): ServiceState;
  readonly shuttingDown: boolean;
}

const INIT_STAGES = ['BOOT', 'START', 'READY', 'SHUTDOWN'] as const;

export function localstackRoute(path: string, request: EdgeRequest, status: EndpointStatus): EdgeResponse {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return notAllowed(method, path);
  if (path === '/_localstack/health' || path === '/health') return json(200, health(status), method);
  if (path === '/_localstack/init') return json(200, { completed: initStages(status), scripts: [] }, method);
  const stage = /^\/_localstack\/init\/([a-z]+)$/.exec(path)?.[1]?.toUpperCase();
  const stages = initStages(status);
  if (stage !== undefined && Object.hasOwn(stages, stage)) return json(200, { completed: stages[stage], scripts: [] }, method);
  return json(404, { error: `Unknown internal route ${path} (this endpoint serves /_localstack/health and /_localstack/init)` }, method);
}

/**
 * Health in forwarding mode: the upstream's services with the ones running here laid over them, so a client sees
 * one LocalStack. 503 when the upstream does not answer: the front door alone cannot serve what it forwards.
 */
export function frontDoorHealth(request: EdgeRequest, status: EndpointStatus, upstreamUrl: string, upstream: UpstreamHealth): EdgeResponse {
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return notAllowed(method, '/_localstack/health');
  const own = health(status);
  if (!upstream.ok) return json(503, { ...own, upstream: { url: upstreamUrl, error: upstream.error } }, method);
  const services: Record<string, string> = { ...upstream.services };
  for (const [name, state] of Object.entries(own.services)) if (state === 'running' || !Object.hasOwn(services, name)) services[name] = state;
  return json(200, { ...own, services }, method);
}

function notAllowed(method: string, path: string): EdgeResponse {
  return json(405, { error: `Method ${method} is not allowed on ${path}` }, method);
}

function health(status: EndpointStatus) {
  const services: Record<string, ServiceState> = {};
  for (const service of ENDPOINT_SERVICES) services[service] = status.serviceState(service);
  return { services, edition: 'community', version: status.version };
}

function initStages(status: EndpointStatus): Record<string, boolean> {
  const stages: Record<string, boolean> = {};
  for (const stage of INIT_STAGES) stages[stage] = stage === 'SHUTDOWN' ? status.shuttingDown : true;
  return stages;
}

function json(statusCode: number, body: unknown, method: string): EdgeResponse {
  const text = JSON.stringify(body);
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) };
  return method === 'HEAD' ? { status: statusCode, headers } : { status: statusCode, headers, body: text };
}
