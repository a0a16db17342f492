// Optimized DynamoDB integration: `arn:aws:states:::dynamodb:{getItem,putItem,updateItem,deleteItem}`,
// request-response only. Arguments are the API members with DynamoDB-JSON values; the result is the
// API response plus SdkHttpMetadata/SdkResponseMetadata (docs/aws-behaviour.md#optimized-dynamodb-integration).
// https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html
import { DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { MetadataBearer } from '@smithy/types';
import type { Integration, IntegrationContext } from './integration';
import { sdkMetadata, sendCapturingHttp, withSdkMetadata, type CapturedHttp, type HeaderCasing } from './sdk-http-metadata';
import { sdkV1Failure } from './service-failure';
import { DYNAMODB_V1 } from './sdk-v1-services';
import { sdkCommand } from './sdk-send';
import { objectArgs, toTaskJson } from './task-json';

/** Header spellings DynamoDB sends (recorded: Server, Connection, x-amzn-RequestId, x-amz-crc32 …). */
const DYNAMODB_HEADER_CASING: HeaderCasing = {
  server: 'Server',
  connection: 'Connection',
  'x-amzn-requestid': 'x-amzn-RequestId',
  'x-amz-crc32': 'x-amz-crc32',
  'content-length': 'Content-Length',
  'content-type': 'Content-Type',
  date: 'Date',
};

type ItemCall = (client: DynamoDBClient, args: Record<string, unknown>, signal: AbortSignal) => Promise<{ output: MetadataBearer; http: CapturedHttp }>;

// Arguments go to the SDK as given: DynamoDB's JSON codec passes B/BS values through as base64 text.
function itemCall(CommandClass: new (input: never) => object): ItemCall {
  return (client, args, signal) => sendCapturingHttp(client, sdkCommand(client, CommandClass, args), signal, DYNAMODB_HEADER_CASING);
}

const CALLS: Readonly<Record<string, ItemCall>> = {
  getItem: itemCall(GetItemCommand),
  putItem: itemCall(PutItemCommand),
  updateItem: itemCall(UpdateItemCommand),
  deleteItem: itemCall(DeleteItemCommand),
};

export function createDynamoDbIntegration(context: IntegrationContext): Integration {
  return {
    resolve(arn, raw) {
      if (arn.kind !== 'service' || arn.service !== 'dynamodb' || arn.suffix !== undefined) return undefined;
      if (!Object.hasOwn(CALLS, arn.action)) return undefined;
      return { arn: raw, resourceType: 'dynamodb', resource: arn.action, pattern: 'REQUEST_RESPONSE' };
    },
    async invoke(invocation) {
      const call = CALLS[invocation.resource.resource];
      const args = objectArgs(invocation);
      try {
        const { output, http } = await call(context.clients.dynamodb, args, invocation.signal);
        const members = toTaskJson(output, 'epoch-millis') as Record<string, unknown>;
        return withSdkMetadata(members, sdkMetadata(http, output.$metadata.requestId));
      } catch (thrown) {
        throw sdkV1Failure(thrown, DYNAMODB_V1);
      }
    },
  };
}
