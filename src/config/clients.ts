// Builds every AWS SDK v3 client the project uses from one SandboxConfig. An in-process request
// handler may replace the socket when the caller shares a process with the embedded endpoint.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import type { HttpHandlerOptions, RequestHandler } from '@smithy/types';
import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import { endpointFor, type SandboxConfig, type ServiceId } from './config';

export type SdkRequestHandler = RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;

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
}

export function createClients(config: SandboxConfig, options: ClientOptions = {}): AwsClients {
  const base = (service: ServiceId) => {
    const requestHandler = options.requestHandlers?.[service] ?? options.requestHandler;
    return {
      region: config.region,
      endpoint: endpointFor(config, service),
      credentials: config.credentials,
      maxAttempts: options.maxAttempts,
      ...(requestHandler ? { requestHandler } : {}),
    };
  };
  const s3 = new S3Client({ ...base('s3'), forcePathStyle: endpointFor(config, 's3') !== undefined });
  const dynamodb = new DynamoDBClient(base('dynamodb'));
  // StartSyncExecution's endpoint has a `sync-` host prefix; a local endpoint has no such host name.
  const sfn = new SFNClient({ ...base('sfn'), disableHostPrefix: endpointFor(config, 'sfn') !== undefined });
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
