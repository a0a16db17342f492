// Lambda Invoke's FunctionName: a name, `name:qualifier`, a partial ARN or a full ARN. The pattern is
// the one the Invoke API documents; a value outside it fails as the service's ValidationException.
// https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
import { StatesError } from '../engine';
import { sdkV1Cause } from './service-failure';

const FUNCTION_NAME_PATTERN = String.raw`(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?`;
const FUNCTION_NAME = new RegExp(`^${FUNCTION_NAME_PATTERN}$`);

export interface FunctionRef {
  readonly name: string;
  readonly qualifier: string | undefined;
  readonly region: string;
  readonly accountId: string;
  /** The function ARN, qualified when a qualifier was given (Lambda's invokedFunctionArn). */
  readonly invokedArn: string;
}

export function parseFunctionName(value: unknown, qualifier: unknown, defaults: { region: string; accountId: string }, requestId: string): FunctionRef {
  const match = typeof value === 'string' ? FUNCTION_NAME.exec(value) : null;
  if (!match || value === '' || (qualifier !== undefined && typeof qualifier !== 'string')) {
    throw lambdaValidationError(validationMessage(value, qualifier), requestId);
  }
  const region = match[3]?.slice(0, -1) ?? defaults.region;
  const accountId = match[5]?.slice(0, -1) ?? defaults.accountId;
  const name = match[7];
  const q = match[9] ?? qualifier;
  const arn = `arn:aws:lambda:${region}:${accountId}:function:${name}`;
  return { name, qualifier: q, region, accountId, invokedArn: q ? `${arn}:${q}` : arn };
}

/** Lambda's 404 for an unknown function, as Step Functions reports it (docs/aws-behaviour.md#lambda-invoke). */
export function functionNotFound(ref: FunctionRef, requestId: string): StatesError {
  const arn = `arn:aws:lambda:${ref.region}:${ref.accountId}:function:${ref.name}:${ref.qualifier ?? '$LATEST'}`;
  const cause = sdkV1Cause(`Function not found: ${arn}`, { service: 'AWSLambda', status: 404, code: 'ResourceNotFoundException', requestId });
  return new StatesError('Lambda.ResourceNotFoundException', cause);
}

/** ValidationException is not modeled in the Java v1 Lambda client, hence Lambda.AWSLambdaException. */
export function lambdaValidationError(message: string, requestId: string): StatesError {
  const cause = sdkV1Cause(message, { service: 'AWSLambda', status: 400, code: 'ValidationException', requestId });
  return new StatesError('Lambda.AWSLambdaException', cause);
}

function validationMessage(value: unknown, qualifier: unknown): string {
  if (value === undefined || value === null) {
    return "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null";
  }
  if (qualifier !== undefined && typeof qualifier !== 'string') {
    return `1 validation error detected: Value '${JSON.stringify(qualifier)}' at 'qualifier' failed to satisfy constraint: Member must be a string`;
  }
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return `1 validation error detected: Value '${shown}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${FUNCTION_NAME_PATTERN}`;
}
