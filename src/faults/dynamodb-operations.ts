// Which DynamoDB operation an awsJson request calls: `X-Amz-Target: DynamoDB_20120810.<Operation>`. The
// operation names are the SDK's command names, so the list follows the installed client's API.
import * as DynamoDb from '@aws-sdk/client-dynamodb';
import type { EdgeRequest } from '../server/edge';

export const DYNAMODB_OPERATIONS: ReadonlySet<string> = new Set(
  Object.keys(DynamoDb)
    .filter((name) => /^[A-Z][A-Za-z]+Command$/.test(name))
    .map((name) => name.slice(0, -'Command'.length)),
);

const TARGET = /^DynamoDB_20120810\.([A-Za-z]+)$/;

/** The operation of a DynamoDB request, or undefined for anything else (left to the inner handler). */
export function dynamoDbOperationOf(request: EdgeRequest): string | undefined {
  const match = TARGET.exec(request.headers['x-amz-target'] ?? '');
  return match && DYNAMODB_OPERATIONS.has(match[1]) ? match[1] : undefined;
}
