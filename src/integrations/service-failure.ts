// Turns an SDK v3 failure into the StatesError Step Functions reports. Optimized integrations run on
// the AWS SDK for Java v1 inside Step Functions, AWS SDK integrations on v2, and the error names and
// cause texts follow each SDK's exception classes (docs/aws-behaviour.md#service-integrations).
import { StatesError } from '../engine';

/** The SDK v3 service exception base class, e.g. DynamoDBServiceException. */
type ServiceExceptionClass = abstract new (...args: never[]) => Error;

interface SdkServiceError extends Error {
  readonly $metadata: { readonly httpStatusCode?: number; readonly requestId?: string; readonly extendedRequestId?: string; readonly attempts?: number };
}

export interface SdkV1Service {
  /** Error-name prefix, e.g. "DynamoDB", "StepFunctions". */
  readonly prefix: string;
  /** The `Service:` value of the cause, e.g. "AmazonDynamoDBv2", "AWSStepFunctions". */
  readonly serviceName: string;
  /** v1 client class for codes the model does not declare, e.g. "AmazonDynamoDBException". */
  readonly unmodeledName: string;
  readonly baseException: ServiceExceptionClass;
}

export interface SdkV2Service {
  /** SDK-v2 service id, e.g. "DynamoDb", "S3"; also the prefix of every error name. */
  readonly serviceId: string;
  readonly baseException: ServiceExceptionClass;
  /** S3 causes end with the x-amz-id-2 value (recorded). */
  readonly extendedRequestId?: boolean;
}

/** `<message> (Service: AmazonDynamoDBv2; Status Code: 400; Error Code: …; Request ID: …; Proxy: null)`. */
export function sdkV1Failure(thrown: unknown, service: SdkV1Service): StatesError {
  if (!isServiceError(thrown)) return clientFailure(service.prefix, thrown);
  const name = isModeled(thrown, service.baseException) ? exceptionName(thrown.name) : service.unmodeledName;
  const meta = thrown.$metadata;
  const cause = sdkV1Cause(thrown.message, { service: service.serviceName, status: meta.httpStatusCode, code: thrown.name, requestId: meta.requestId });
  return new StatesError(`${service.prefix}.${name}`, cause);
}

export function sdkV1Cause(message: string, d: { service: string; status?: number; code: string; requestId?: string }): string {
  return `${message} (Service: ${d.service}; Status Code: ${d.status}; Error Code: ${d.code}; Request ID: ${d.requestId}; Proxy: null)`;
}

/** `<message> (Service: DynamoDb, Status Code: 400, Request ID: …[, Extended Request ID: …])`. */
export function sdkV2Failure(thrown: unknown, service: SdkV2Service): StatesError {
  if (!isServiceError(thrown)) return clientFailure(service.serviceId, thrown);
  // SDK v2 names unmodeled codes after the service's base exception, e.g. DynamoDb.DynamoDbException.
  const name = isModeled(thrown, service.baseException) ? exceptionName(thrown.name) : `${service.serviceId}Exception`;
  const meta = thrown.$metadata;
  const details = [`Service: ${service.serviceId}`, `Status Code: ${meta.httpStatusCode}`, `Request ID: ${meta.requestId}`];
  if (service.extendedRequestId) details.push(`Extended Request ID: ${meta.extendedRequestId}`);
  return new StatesError(`${service.serviceId}.${name}`, `${thrown.message} (${details.join(', ')})`);
}

/**
 * No HTTP response at all (connection refused, socket error). [UNCONFIRMED] Both Java SDKs raise
 * SdkClientException "Unable to execute HTTP request: …"; the name follows the documented
 * `Lambda.SdkClientException` retry example (docs/aws-behaviour.md#lambda-invoke).
 */
function clientFailure(prefix: string, thrown: unknown): StatesError {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new StatesError(`${prefix}.SdkClientException`, `Unable to execute HTTP request: ${message}`);
}

function isServiceError(thrown: unknown): thrown is SdkServiceError {
  return (
    thrown instanceof Error &&
    typeof (thrown as Partial<SdkServiceError>).$metadata === 'object' &&
    (thrown as SdkServiceError).$metadata.httpStatusCode !== undefined
  );
}

/** SDK v3 builds a subclass for every modeled error and the bare base class for any other code. */
function isModeled(thrown: Error, base: ServiceExceptionClass): boolean {
  return thrown.constructor !== base && thrown instanceof base;
}

/** Java exception class names always end in "Exception": S3 NoSuchKey → NoSuchKeyException. */
function exceptionName(code: string): string {
  return code.endsWith('Exception') ? code : `${code}Exception`;
}
