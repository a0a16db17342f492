// The services reachable through `arn:aws:states:::aws-sdk:<service>:<apiAction>`: any action of the
// service's SDK v3 client, found by name (`batchWriteItem` → BatchWriteItemCommand). The few members
// whose JSON form differs from the SDK's are adapted here (docs/aws-behaviour.md#aws-sdk-integrations).
import * as dynamodbSdk from '@aws-sdk/client-dynamodb';
import * as s3Sdk from '@aws-sdk/client-s3';
import * as sfnSdk from '@aws-sdk/client-sfn';
import type { MetadataBearer } from '@smithy/types';
import type { AwsClients } from '../config/clients';
import { StatesError, StatesErrorName } from '../engine';
import type { SdkClient } from './sdk-send';
import type { SdkV2Service } from './service-failure';

type CommandClass = new (input: Record<string, unknown>) => never;

export interface AwsSdkService {
  readonly client: (clients: AwsClients) => SdkClient;
  readonly errors: SdkV2Service;
  /** The SDK command class for a camelCase API action, if the service has it. */
  commandFor(action: string): CommandClass | undefined;
  prepareInput(action: string, args: Record<string, unknown>): Record<string, unknown>;
  /** Reads streamed members (S3 `Body`) into JSON values; everything else is left to toTaskJson. */
  readOutput(action: string, output: MetadataBearer, input: Readonly<Record<string, unknown>>): Promise<object>;
}

function commandLookup(sdk: Record<string, unknown>, base: unknown): (action: string) => CommandClass | undefined {
  return (action) => {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(action)) return undefined;
    const candidate = sdk[`${action[0].toUpperCase()}${action.slice(1)}Command`];
    const isCommand = typeof candidate === 'function' && typeof base === 'function' && candidate.prototype instanceof base;
    return isCommand ? (candidate as CommandClass) : undefined;
  };
}

const dynamodb: AwsSdkService = {
  client: (clients) => clients.dynamodb,
  errors: { serviceId: 'DynamoDb', baseException: dynamodbSdk.DynamoDBServiceException },
  commandFor: commandLookup(dynamodbSdk, dynamodbSdk.$Command),
  // DynamoDB's JSON codec sends B/BS strings through as the base64 text they already are.
  prepareInput: (_action, args) => args,
  readOutput: async (_action, output) => output,
};

// Top-level S3 timestamp members: the SDK serialises only Date values for them.
const S3_TIMESTAMP_MEMBERS = [
  'IfModifiedSince',
  'IfUnmodifiedSince',
  'Expires',
  'ObjectLockRetainUntilDate',
  'CopySourceIfModifiedSince',
  'CopySourceIfUnmodifiedSince',
];

/** The reads whose checksums S3 returns only on request (the ChecksumMode member). */
const CHECKSUM_MODE_ACTIONS = new Set(['getObject', 'headObject']);

const s3: AwsSdkService = {
  client: (clients) => clients.s3,
  errors: { serviceId: 'S3', baseException: s3Sdk.S3ServiceException, extendedRequestId: true },
  commandFor: commandLookup(s3Sdk, s3Sdk.$Command),
  prepareInput(action, args) {
    const input: Record<string, unknown> = { ...args };
    // Recorded: any JSON Body is stored as its JSON text, a string too ("text data" is stored as "\"text data\""),
    // and putObject without a ContentType stores text/plain; charset=UTF-8 (docs/aws-behaviour.md#aws-sdk-integrations).
    if ('Body' in input) {
      input.Body = JSON.stringify(input.Body);
      if (action === 'putObject' && input.ContentType === undefined) input.ContentType = 'text/plain; charset=UTF-8';
    }
    for (const member of S3_TIMESTAMP_MEMBERS) {
      if (typeof input[member] === 'string' || typeof input[member] === 'number') input[member] = timestamp(action, member, input[member]);
    }
    return input;
  },
  async readOutput(action, output, input) {
    const { Body, ...rest } = output as MetadataBearer & Record<string, unknown>;
    // SDK v3 asks S3 for checksums on every read; Step Functions' SDK only when ChecksumMode is ENABLED.
    const members = CHECKSUM_MODE_ACTIONS.has(action) && input.ChecksumMode === undefined ? withoutChecksums(rest) : rest;
    // Recorded results list members alphabetically, with getObject's Body last.
    const sorted = Object.fromEntries(
      Object.keys(members)
        .sort()
        .map((key) => [key, members[key]]),
    );
    return Body === undefined ? sorted : { ...sorted, Body: await bodyText(Body) };
  },
};

// Members the Step Functions API takes as JSON text. Recorded (test_sfn_start_execution_implicit_json_serialisation):
// `"Input": {"key": "value"}` starts the execution with that object serialised; a null Input is left out.
const SFN_JSON_TEXT_MEMBERS = ['Input', 'Output', 'Definition'];

function serialiseJsonText(args: Record<string, unknown>): Record<string, unknown> {
  const out = { ...args };
  for (const member of SFN_JSON_TEXT_MEMBERS) {
    if (out[member] === null) delete out[member];
    else if (out[member] !== undefined && typeof out[member] !== 'string') out[member] = JSON.stringify(out[member]);
  }
  return out;
}

// Step Functions' own API uses camelCase members; through aws-sdk they are PascalCase both ways
// (the docs' own example: `startSyncExecution` with `StateMachineArn`).
const sfn: AwsSdkService = {
  client: (clients) => clients.sfn,
  errors: { serviceId: 'Sfn', baseException: sfnSdk.SFNServiceException },
  commandFor: commandLookup(sfnSdk, sfnSdk.$Command),
  prepareInput: (_action, args) => renameKeys(serialiseJsonText(args), (k) => k[0].toLowerCase() + k.slice(1)) as Record<string, unknown>,
  readOutput: async (_action, output) => {
    const { $metadata: _, ...rest } = output as MetadataBearer & Record<string, unknown>;
    return renameKeys(rest, (k) => k[0].toUpperCase() + k.slice(1)) as object;
  },
};

export const AWS_SDK_SERVICES: Readonly<Record<string, AwsSdkService>> = { dynamodb, s3, sfn };

function renameKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => renameKeys(v, rename));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k === '' ? k : rename(k), renameKeys(v, rename)]));
}

function withoutChecksums(members: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(members).filter(([key]) => !key.startsWith('Checksum')));
}

function timestamp(action: string, member: string, value: unknown): Date {
  // Numbers are epoch seconds, as in the services' JSON protocols.
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value as string);
  if (Number.isNaN(date.getTime())) {
    throw new StatesError(StatesErrorName.Runtime, `aws-sdk:s3:${action}: '${member}' is not a valid timestamp: ${JSON.stringify(value)}`);
  }
  return date;
}

/** getObject's Body is the object's content as a UTF-8 string (docs/aws-behaviour.md#aws-sdk-integrations). */
async function bodyText(body: unknown): Promise<string> {
  const stream = body as { transformToString?: (encoding?: string) => Promise<string> };
  if (typeof stream.transformToString === 'function') return stream.transformToString('utf-8');
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  return String(body);
}
