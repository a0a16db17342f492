// DynamoDB's own error wire shape (awsJson1_0), for the errors a fault plan can inject
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html):
// `{"__type": "<namespace>#<Code>", "message": "..."}`, HTTP 400 (500 for InternalServerError), and the
// `x-amz-crc32` header of the body, which DynamoDB clients verify (the AWS CLI / botocore, SDK for Java v1).
import { randomBytes } from 'node:crypto';
import type { EdgeResponse } from '../server/edge';
import { AWS_JSON_1_0 } from '../server/protocols/aws-json';
import { createCrc32 } from '../services/s3/checksums/crc';

interface ErrorShape {
  /** DynamoDB's own exceptions live in its namespace; the throttling/validation ones come from Coral's. */
  readonly namespace: string;
  readonly status: number;
  readonly message: string;
}

const DYNAMODB = 'com.amazonaws.dynamodb.v20120810';

const DYNAMODB_FAULT_ERRORS = {
  ProvisionedThroughputExceededException: {
    namespace: DYNAMODB,
    status: 400,
    message: 'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
  },
  ThrottlingException: { namespace: 'com.amazon.coral.availability', status: 400, message: 'Rate of requests exceeds the allowed throughput.' },
  RequestLimitExceeded: {
    namespace: DYNAMODB,
    status: 400,
    message:
      'Throughput exceeds the current throughput limit for your account. Please contact AWS Support at https://aws.amazon.com/support request a limit increase',
  },
  // [UNCONFIRMED] exact message text of DynamoDB's 500 responses.
  InternalServerError: { namespace: DYNAMODB, status: 500, message: 'Internal server error' },
  ConditionalCheckFailedException: { namespace: DYNAMODB, status: 400, message: 'The conditional request failed' },
  // Real ValidationException messages describe the bad parameter; an injected one says where it came from.
  ValidationException: {
    namespace: 'com.amazon.coral.validate',
    status: 400,
    message: 'One or more parameter values were invalid: fault injected by the sandbox fault plan',
  },
} as const satisfies Record<string, ErrorShape>;

export type DynamoDbFaultError = keyof typeof DYNAMODB_FAULT_ERRORS;

export const DYNAMODB_FAULT_ERROR_NAMES = Object.keys(DYNAMODB_FAULT_ERRORS) as DynamoDbFaultError[];

export function isDynamoDbFaultError(name: string): name is DynamoDbFaultError {
  return Object.hasOwn(DYNAMODB_FAULT_ERRORS, name);
}

export function dynamoDbErrorResponse(error: DynamoDbFaultError, message?: string): EdgeResponse {
  const shape: ErrorShape = DYNAMODB_FAULT_ERRORS[error];
  const body = Buffer.from(JSON.stringify({ __type: `${shape.namespace}#${error}`, message: message ?? shape.message }));
  const crc = createCrc32();
  crc.update(body);
  return {
    status: shape.status,
    headers: {
      'content-type': AWS_JSON_1_0,
      'x-amzn-RequestId': dynamoDbRequestId(),
      'x-amz-crc32': String(crc.digest().readUInt32BE(0)),
    },
    body,
  };
}

/** DynamoDB request ids are 52 upper-case alphanumerics. */
function dynamoDbRequestId(): string {
  return randomBytes(26).toString('hex').toUpperCase();
}
