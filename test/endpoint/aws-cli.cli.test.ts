// The real AWS CLI against the endpoint's socket. No CLI installed is a failure (awsCliPath throws with
// "The AWS CLI is missing"), never a skip: .ci/run installs Debian's awscli.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsCliPath, runAwsCli, type CliResult } from '../support/aws-cli';
import { startTestEndpoint, type TestEndpoint } from './support/endpoint';

const aws = (endpointUrl: string, args: string[]): Promise<CliResult> => runAwsCli(endpointUrl, args);

async function ok(endpointUrl: string, args: string[]): Promise<string> {
  const result = await aws(endpointUrl, args);
  if (result.code !== 0) throw new Error(`aws ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

describe('the AWS CLI against the endpoint', () => {
  let sandbox: TestEndpoint;
  let dir: string;
  let cli: (args: string[]) => Promise<string>;

  beforeAll(async () => {
    awsCliPath();
    sandbox = await startTestEndpoint();
    dir = await mkdtemp(join(tmpdir(), 'sandbox-cli-'));
    cli = (args) => ok(sandbox.endpoint.url, args);
  });
  afterAll(async () => {
    await sandbox?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('creates a DynamoDB table, puts, gets and scans an item', async () => {
    await cli([
      'dynamodb',
      'create-table',
      '--table-name',
      'cli-orders',
      '--attribute-definitions',
      'AttributeName=id,AttributeType=S',
      '--key-schema',
      'AttributeName=id,KeyType=HASH',
      '--billing-mode',
      'PAY_PER_REQUEST',
    ]);
    await cli(['dynamodb', 'put-item', '--table-name', 'cli-orders', '--item', '{"id":{"S":"o-1"},"total":{"N":"42"}}']);
    const got = JSON.parse(await cli(['dynamodb', 'get-item', '--table-name', 'cli-orders', '--key', '{"id":{"S":"o-1"}}', '--output', 'json']));
    expect(got.Item).toEqual({ id: { S: 'o-1' }, total: { N: '42' } });
    const scanned = JSON.parse(await cli(['dynamodb', 'scan', '--table-name', 'cli-orders', '--output', 'json']));
    expect(scanned.Count).toBe(1);
  });

  it('makes a bucket, uploads a small and a multipart file, lists, downloads byte-identical copies, removes', async () => {
    const small = Buffer.from('id,total\n1,10\n2,20\n');
    const large = randomBytes(10 * 1024 * 1024);
    await writeFile(join(dir, 'small.csv'), small);
    await writeFile(join(dir, 'large.bin'), large);

    await cli(['s3', 'mb', 's3://cli-bucket']);
    await cli(['s3', 'cp', join(dir, 'small.csv'), 's3://cli-bucket/in/small.csv']);
    await cli(['s3', 'cp', join(dir, 'large.bin'), 's3://cli-bucket/in/large.bin']);
    // Above the CLI's 8 MB multipart threshold: the ETag of a multipart object ends in -<parts>.
    const head = JSON.parse(await cli(['s3api', 'head-object', '--bucket', 'cli-bucket', '--key', 'in/large.bin', '--output', 'json']));
    expect(head.ETag).toMatch(/-2"$/);
    expect(head.ContentLength).toBe(large.length);

    const listing = await cli(['s3', 'ls', 's3://cli-bucket/in/']);
    expect(listing).toMatch(/\s10485760 large\.bin\n/);
    expect(listing).toMatch(/\s19 small\.csv\n/);

    await cli(['s3', 'cp', 's3://cli-bucket/in/large.bin', join(dir, 'large.copy')]);
    await cli(['s3', 'cp', 's3://cli-bucket/in/small.csv', join(dir, 'small.copy')]);
    expect((await readFile(join(dir, 'large.copy'))).equals(large)).toBe(true);
    expect((await readFile(join(dir, 'small.copy'))).equals(small)).toBe(true);

    await cli(['s3', 'rm', 's3://cli-bucket/in/large.bin']);
    expect(await cli(['s3', 'ls', 's3://cli-bucket/in/'])).not.toContain('large.bin');
  });

  it('reports the Step Functions API as an unknown operation while no engine is attached', async () => {
    const result = await aws(sandbox.endpoint.url, ['stepfunctions', 'list-state-machines']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('UnknownOperationException');
  });
});
