import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, configFromEnv, endpointFor, loadConfig, LOCAL_ENDPOINT } from '../../src/config/config';

describe('config', () => {
  it('puts dynalite in a worker thread when there is a second core, unless SANDBOX_DYNAMODB_THREAD says main', () => {
    expect(configFromEnv({}).server.dynamoDbThread).toBe(availableParallelism() > 1 ? 'worker' : 'main');
    expect(configFromEnv({ SANDBOX_DYNAMODB_THREAD: 'main' }).server.dynamoDbThread).toBe('main');
    expect(configFromEnv({ SANDBOX_DYNAMODB_THREAD: ' worker ' }).server.dynamoDbThread).toBe('worker');
  });

  it('defaults to the embedded endpoint with local credentials', () => {
    const config = configFromEnv({});
    expect(config.endpointUrl).toBe(LOCAL_ENDPOINT);
    expect(config.accountId).toBe('000000000000');
    expect(config.region).toBe('us-east-1');
    expect(config.credentials).toEqual({ accessKeyId: 'test', secretAccessKey: 'test' });
    expect(config.server).toEqual({
      host: '127.0.0.1',
      port: 4566,
      dataDir: undefined,
      services: ['s3', 'dynamodb', 'stepfunctions'],
      upstreamUrl: undefined,
      dynamoDbThread: 'worker',
    });
    expect(config.timeScale).toBe(1);
  });

  it('reads the MockConfigFile path from SFN_MOCK_CONFIG, trimmed; unset or blank means none', () => {
    expect(configFromEnv({ SFN_MOCK_CONFIG: ' /mocks/MockConfigFile.json ' }).reproduce.mockConfigFile).toBe('/mocks/MockConfigFile.json');
    expect(configFromEnv({}).reproduce.mockConfigFile).toBeUndefined();
    expect(configFromEnv({ SFN_MOCK_CONFIG: '  ' }).reproduce.mockConfigFile).toBeUndefined();
  });

  it('treats an explicitly empty AWS_ENDPOINT_URL as real AWS and leaves credentials to the SDK chain', () => {
    const config = configFromEnv({ AWS_ENDPOINT_URL: '' });
    expect(config.endpointUrl).toBeUndefined();
    expect(config.credentials).toBeUndefined();
    expect(endpointFor(config, 's3')).toBeUndefined();
  });

  it('lets AWS_ENDPOINT_URL_<SERVICE> override the shared endpoint per service', () => {
    const config = configFromEnv({ AWS_ENDPOINT_URL: 'http://127.0.0.1:4566/', AWS_ENDPOINT_URL_SFN: 'http://127.0.0.1:4567' });
    expect(endpointFor(config, 's3')).toBe('http://127.0.0.1:4566');
    expect(endpointFor(config, 'dynamodb')).toBe('http://127.0.0.1:4566');
    expect(endpointFor(config, 'sfn')).toBe('http://127.0.0.1:4567');
  });

  it('names the variable and the value when input is bad', () => {
    expect(() => configFromEnv({ AWS_ENDPOINT_URL: 'localhost:4566' })).toThrow(
      new ConfigError("AWS_ENDPOINT_URL must be an http(s) URL, got 'localhost:4566'"),
    );
    expect(() => configFromEnv({ SANDBOX_PORT: '70000' })).toThrow("SANDBOX_PORT must be an integer from 0 to 65535, got '70000'");
    expect(() => configFromEnv({ SANDBOX_ACCOUNT_ID: '123' })).toThrow("SANDBOX_ACCOUNT_ID must be 12 digits, got '123'");
    expect(() => configFromEnv({ SFN_TIME_SCALE: '-1' })).toThrow("SFN_TIME_SCALE must be a number >= 0, got '-1'");
    expect(() => configFromEnv({ SANDBOX_SERVICES: 's3,lambda' })).toThrow("SANDBOX_SERVICES: unknown service 'lambda'");
    expect(() => configFromEnv({ SANDBOX_UPSTREAM_URL: 'localstack:4566' })).toThrow("SANDBOX_UPSTREAM_URL must be an http(s) URL, got 'localstack:4566'");
    expect(() => configFromEnv({ SANDBOX_DYNAMODB_THREAD: 'both' })).toThrow(
      new ConfigError("SANDBOX_DYNAMODB_THREAD must be one of worker, main, got 'both'"),
    );
  });

  it('reads the upstream that receives what the endpoint does not serve (SANDBOX_UPSTREAM_URL)', () => {
    expect(configFromEnv({ SANDBOX_UPSTREAM_URL: ' http://localstack:4566/ ' }).server.upstreamUrl).toBe('http://localstack:4566');
    expect(configFromEnv({ SANDBOX_UPSTREAM_URL: '' }).server.upstreamUrl).toBeUndefined();
  });

  it('reads .env under the real environment, which wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'SANDBOX_TABLE=from-file\nSANDBOX_BUCKET=file-bucket\n');
    try {
      const config = loadConfig({ SANDBOX_TABLE: 'from-env' }, file);
      expect(config.table).toBe('from-env');
      expect(config.bucket).toBe('file-bucket');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
