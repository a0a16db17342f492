// Builds every AWS SDK v3 client the project uses from one SandboxConfig. An in-process request
// handler may replace the socket when the caller shares a process with the embedded endpoint.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { HttpHandlerOptions, RequestHandler, RequestSigner, RequestSigningArguments } from '@smithy/types';
import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import { endpointFor, type SandboxConfig, type ServiceId } from './config';
import { transportFailureRetry } from './transport-retry';

export type SdkRequestHandler = RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;

/**
 * The error the SDK's request handlers raise for an aborted request; the in-process ones raise the same, and the
 * task runner replaces it with the abort reason.
 */
export function abortError(): Error {
  const error = new Error('Request aborted');
  error.name = 'AbortError';
  return error;
}

export interface AwsClients {
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
  readonly sfn: SFNClient;
  destroy(): void;
}

export interface ClientOptions {
  /** Replaces the HTTP socket, e.g. with the embedded endpoint's in-process handler. */
  readonly requestHandler?: SdkRequestHandler;
  /** Per-service replacement, for when only some services share the process (SANDBOX_SERVICES). */
  readonly requestHandlers?: Partial<Record<ServiceId, SdkRequestHandler>>;
  readonly maxAttempts?: number;
  /**
   * The in-process handlers reach services in this very process: DynamoDB and Step Functions clients then
   * skip work whose result nobody checks (SigV4's HMAC chain: see `inProcessSigner`) and reuse the resolved
   * middleware chain per command class (the SDK's `cacheMiddleware`, so per-call `send` options defeat it).
   * The request still goes through every SDK middleware. S3 keeps full signing (payload hashes, streaming).
   */
  readonly inProcess?: boolean;
  /**
   * Sockets per client for requests that do go over HTTP (the SDK's default is 50). The engine raises it: a
   * Distributed Map's children call DynamoDB by the thousand at once, and a queue behind 50 sockets turns a load
   * the target can take into timeouts.
   */
  readonly maxSockets?: number;
  /** One attempt per call, except that requests which got no HTTP answer are retried (src/config/transport-retry.ts). */
  readonly retryTransportFailuresOnly?: boolean;
}

/** The awsJson services whose in-process clients get the light configuration. */
const LIGHT_SERVICES: ReadonlySet<ServiceId> = new Set(['dynamodb', 'sfn']);

/**
 * How an in-process client reaches its service: its request handler and its signer. A Task integration may
 * hand such a client's request straight to the handler (src/integrations/in-process-send.ts) instead of through
 * the client's middleware stack; clients for LocalStack or AWS never have one.
 */
export interface InProcessTransport {
  readonly requestHandler: SdkRequestHandler;
  readonly signer: RequestSigner;
  readonly signingRegion: string;
  /** SigV4 signing name: `dynamodb`, `states`. */
  readonly signingService: string;
}

const SIGNING_NAMES: Readonly<Record<ServiceId, string>> = { s3: 's3', dynamodb: 'dynamodb', sfn: 'states' };

const inProcessTransports = new WeakMap<object, InProcessTransport>();

/** The transport of a client createClients built with `inProcess` for a light service, else undefined. */
export function inProcessTransport(client: object): InProcessTransport | undefined {
  return inProcessTransports.get(client);
}

export function createClients(config: SandboxConfig, options: ClientOptions = {}): AwsClients {
  const handlerFor = (service: ServiceId) => options.requestHandlers?.[service] ?? options.requestHandler;
  const light = (service: ServiceId) => options.inProcess === true && LIGHT_SERVICES.has(service) && handlerFor(service) !== undefined;
  const register = <Client extends object>(service: ServiceId, client: Client): Client => {
    const requestHandler = handlerFor(service);
    if (light(service) && requestHandler) {
      inProcessTransports.set(client, {
        requestHandler,
        signer: inProcessSigner(config, SIGNING_NAMES[service]),
        signingRegion: config.region,
        signingService: SIGNING_NAMES[service],
      });
    }
    return client;
  };
  const base = (service: ServiceId) => {
    const requestHandler = handlerFor(service);
    return {
      region: config.region,
      endpoint: endpointFor(config, service),
      credentials: config.credentials,
      maxAttempts: options.maxAttempts,
      ...(options.retryTransportFailuresOnly ? { retryStrategy: transportFailureRetry() } : {}),
      ...(requestHandler ? { requestHandler } : options.maxSockets ? { requestHandler: socketOptions(options.maxSockets) } : {}),
      ...(light(service) ? { signer: inProcessSigner(config, SIGNING_NAMES[service]), cacheMiddleware: true } : {}),
    };
  };
  const s3 = new S3Client({ ...base('s3'), forcePathStyle: endpointFor(config, 's3') !== undefined });
  const dynamodb = register('dynamodb', new DynamoDBClient(base('dynamodb')));
  // StartSyncExecution's endpoint has a `sync-` host prefix; a local endpoint has no such host name.
  const sfn = register('sfn', new SFNClient({ ...base('sfn'), disableHostPrefix: endpointFor(config, 'sfn') !== undefined }));
  return {
    s3,
    dynamodb,
    sfn,
    destroy() {
      s3.destroy();
      dynamodb.destroy();
      sfn.destroy();
    },
  };
}

function socketOptions(maxSockets: number) {
  const agent = { keepAlive: true, maxSockets };
  return { httpAgent: agent, httpsAgent: agent };
}

/**
 * A SigV4-shaped Authorization header without the signature: the embedded services never verify signatures,
 * but the edge routes by the credential scope's service and dynalite requires Credential, SignedHeaders,
 * Signature and X-Amz-Date to be present (MissingAuthenticationToken / IncompleteSignature otherwise).
 * Only for requests that never leave the process. The SDK hands a custom signer no signing name, so the
 * client's own (`dynamodb`, `states`) is the default, as a real signature's scope would name it.
 */
export function inProcessSigner(config: SandboxConfig, signingService = 'execute-api'): RequestSigner {
  const accessKeyId = config.credentials?.accessKeyId ?? 'in-process';
  return {
    async sign(request: HttpRequest, options?: RequestSigningArguments): Promise<HttpRequest> {
      const date = amzDate(new Date(options?.signingDate ?? Date.now()));
      const scope = `${date.slice(0, 8)}/${options?.signingRegion ?? config.region}/${options?.signingService ?? signingService}/aws4_request`;
      request.headers['x-amz-date'] = date;
      if (config.credentials?.sessionToken) request.headers['x-amz-security-token'] = config.credentials.sessionToken;
      request.headers.authorization = `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=host;x-amz-date, Signature=in-process`;
      return request;
    },
  };
}

/** `20261125T102628Z`: ISO 8601 basic format, as SigV4 writes X-Amz-Date. */
function amzDate(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
