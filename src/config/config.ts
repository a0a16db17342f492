// The one place that reads the environment. Every target (embedded endpoint, LocalStack, real AWS)
// is described by this object; code elsewhere takes a SandboxConfig and never looks at process.env.
import { parse as parseDotenv } from 'dotenv';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

export type ServiceId = 's3' | 'dynamodb' | 'sfn';
/** What the embedded endpoint serves (the names /_localstack/health reports). */
export type EndpointService = 's3' | 'dynamodb' | 'stepfunctions';
export const ENDPOINT_SERVICES: readonly EndpointService[] = ['s3', 'dynamodb', 'stepfunctions'];

export interface SandboxConfig {
  /** AWS_ENDPOINT_URL; `undefined` means the SDK's own AWS endpoints (real AWS). */
  readonly endpointUrl: string | undefined;
  /** AWS_ENDPOINT_URL_<SERVICE>, each overriding endpointUrl for one service. */
  readonly serviceEndpoints: Readonly<Partial<Record<ServiceId, string>>>;
  readonly region: string;
  readonly accountId: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string } | undefined;
  readonly bucket: string;
  readonly prefix: string;
  readonly csvFile: string;
  readonly table: string;
  readonly parentStateMachineName: string;
  readonly childStateMachineName: string;
  readonly roleArn: string;
  readonly server: {
    readonly host: string;
    readonly port: number;
    readonly dataDir: string | undefined;
    /** SANDBOX_SERVICES: e.g. only "stepfunctions" when S3 and DynamoDB come from LocalStack. */
    readonly services: readonly EndpointService[];
    /**
     * SANDBOX_UPSTREAM_URL: another LocalStack-style edge (e.g. LocalStack on the compose network) that receives
     * every request this endpoint does not serve itself, so one port answers for every service.
     */
    readonly upstreamUrl: string | undefined;
    /** SANDBOX_DYNAMODB_THREAD: dynalite in a worker thread of its own (the default) or on the main thread. */
    readonly dynamoDbThread: DynamoDbThread;
  };
  /** Multiplies every Wait and Retry delay of the engine; 0 makes them instantaneous (tests). */
  readonly timeScale: number;
  /** SANDBOX_EXPRESS_HISTORIES: how many of the latest EXPRESS executions keep their history (the console shows them); 0 none. */
  readonly expressHistories: number;
  /** Reproducing production failures on the embedded endpoint (src/mocking, src/faults). */
  readonly reproduce: {
    /** SFN_MOCK_CONFIG: path of a Step Functions Local MockConfigFile. */
    readonly mockConfigFile: string | undefined;
    /** SANDBOX_FAULTS: a fault plan as inline JSON or the path of a JSON file. */
    readonly faults: string | undefined;
    /** SANDBOX_LAMBDA_HANDLERS: `name=path/to/module.ts,other=...` for lambda:invoke. */
    readonly lambdaHandlers: Readonly<Record<string, string>>;
  };
}

export type DynamoDbThread = 'worker' | 'main';
const DYNAMODB_THREADS: readonly DynamoDbThread[] = ['worker', 'main'];

/** A worker thread pays only with a second core to run on; with one, each hop to it costs more than it saves (docs/performance.md). */
export function defaultDynamoDbThread(): DynamoDbThread {
  return availableParallelism() > 1 ? 'worker' : 'main';
}

export type Env = Readonly<Record<string, string | undefined>>;

export const LOCAL_ENDPOINT = 'http://127.0.0.1:4566';
export const LOCAL_ACCOUNT_ID = '000000000000';
/** Enough for every child of the demo's 10,000-row run (1,000 Map Run children + 1,000 writers). */
const DEFAULT_EXPRESS_HISTORIES = 2000;

/** Reads `.env` (if present) under the real environment: variables already set win, as with dotenv. */
export function loadConfig(env: Env = process.env, dotenvPath = resolve(process.cwd(), '.env')): SandboxConfig {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  return configFromEnv({ ...fromFile, ...definedOnly(env) });
}

export function configFromEnv(env: Env): SandboxConfig {
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined ? undefined : value.trim();
  };
  const str = (name: string, fallback: string): string => {
    const value = read(name);
    return value === undefined || value === '' ? fallback : value;
  };
  // An explicitly empty AWS_ENDPOINT_URL selects real AWS; unset means the local endpoint.
  const rawEndpoint = read('AWS_ENDPOINT_URL');
  const endpointUrl = rawEndpoint === undefined ? LOCAL_ENDPOINT : rawEndpoint === '' ? undefined : checkUrl('AWS_ENDPOINT_URL', rawEndpoint);
  const serviceEndpoints: Partial<Record<ServiceId, string>> = {};
  for (const [service, suffix] of [
    ['s3', 'S3'],
    ['dynamodb', 'DYNAMODB'],
    ['sfn', 'SFN'],
  ] as const) {
    const value = read(`AWS_ENDPOINT_URL_${suffix}`);
    if (value) serviceEndpoints[service] = checkUrl(`AWS_ENDPOINT_URL_${suffix}`, value);
  }
  const local = endpointUrl !== undefined || Object.keys(serviceEndpoints).length > 0;
  const accountId = str('SANDBOX_ACCOUNT_ID', LOCAL_ACCOUNT_ID);
  if (!/^\d{12}$/.test(accountId)) throw new ConfigError(`SANDBOX_ACCOUNT_ID must be 12 digits, got '${accountId}'`);
  return {
    endpointUrl,
    serviceEndpoints,
    region: str('AWS_REGION', str('AWS_DEFAULT_REGION', 'us-east-1')),
    accountId,
    credentials: credentialsFrom(read, local),
    bucket: str('SANDBOX_BUCKET', 'orders-bucket'),
    prefix: str('SANDBOX_PREFIX', 'incoming'),
    csvFile: str('SANDBOX_CSV_FILE', 'orders.csv'),
    table: str('SANDBOX_TABLE', 'orders'),
    parentStateMachineName: str('SANDBOX_PARENT_STATE_MACHINE', 'csv-to-ddb-orchestrator'),
    childStateMachineName: str('SANDBOX_CHILD_STATE_MACHINE', 'write-to-ddb'),
    roleArn: str('SANDBOX_ROLE_ARN', `arn:aws:iam::${accountId}:role/sfn-csv-sandbox`),
    server: {
      host: str('SANDBOX_HOST', '127.0.0.1'),
      port: intInRange('SANDBOX_PORT', str('SANDBOX_PORT', '4566'), 0, 65535),
      dataDir: read('SANDBOX_DATA_DIR') || undefined,
      services: servicesFrom(str('SANDBOX_SERVICES', ENDPOINT_SERVICES.join(','))),
      upstreamUrl: optionalUrl('SANDBOX_UPSTREAM_URL', read('SANDBOX_UPSTREAM_URL')),
      dynamoDbThread: oneOf('SANDBOX_DYNAMODB_THREAD', str('SANDBOX_DYNAMODB_THREAD', defaultDynamoDbThread()), DYNAMODB_THREADS),
    },
    timeScale: numberAtLeast('SFN_TIME_SCALE', str('SFN_TIME_SCALE', '1'), 0),
    expressHistories: intInRange('SANDBOX_EXPRESS_HISTORIES', str('SANDBOX_EXPRESS_HISTORIES', String(DEFAULT_EXPRESS_HISTORIES)), 0, 1_000_000),
    reproduce: {
      mockConfigFile: read('SFN_MOCK_CONFIG') || undefined,
      faults: read('SANDBOX_FAULTS') || undefined,
      lambdaHandlers: lambdaHandlersFrom(read('SANDBOX_LAMBDA_HANDLERS') ?? ''),
    },
  };
}

function lambdaHandlersFrom(value: string): Record<string, string> {
  const handlers: Record<string, string> = {};
  for (const entry of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = entry.indexOf('=');
    if (eq <= 0 || eq === entry.length - 1) {
      throw new ConfigError(`SANDBOX_LAMBDA_HANDLERS entries are 'functionName=path/to/module', got '${entry}'`);
    }
    handlers[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
  }
  return handlers;
}

/** The endpoint a service's client should use, or undefined for the SDK's default AWS endpoint. */
export function endpointFor(config: SandboxConfig, service: ServiceId): string | undefined {
  return config.serviceEndpoints[service] ?? config.endpointUrl;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function credentialsFrom(read: (name: string) => string | undefined, local: boolean): SandboxConfig['credentials'] {
  const accessKeyId = read('AWS_ACCESS_KEY_ID');
  const secretAccessKey = read('AWS_SECRET_ACCESS_KEY');
  if (accessKeyId && secretAccessKey) return { accessKeyId, secretAccessKey, sessionToken: read('AWS_SESSION_TOKEN') || undefined };
  // Local endpoints accept any signature; real AWS uses the SDK's default provider chain.
  return local ? { accessKeyId: 'test', secretAccessKey: 'test' } : undefined;
}

function checkUrl(name: string, value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    return value.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got '${value}'`);
  }
}

function optionalUrl(name: string, value: string | undefined): string | undefined {
  return value ? checkUrl(name, value) : undefined;
}

function intInRange(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got '${value}'`);
  return n;
}

function numberAtLeast(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new ConfigError(`${name} must be a number >= ${min}, got '${value}'`);
  return n;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got '${value}'`);
  return value as T;
}

function servicesFrom(value: string): EndpointService[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!ENDPOINT_SERVICES.includes(name as EndpointService)) {
      throw new ConfigError(`SANDBOX_SERVICES: unknown service '${name}' (known: ${ENDPOINT_SERVICES.join(', ')})`);
    }
  }
  return names as EndpointService[];
}

function definedOnly(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}
