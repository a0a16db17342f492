// localstack/ready.d/create-bucket-and-table.sh talks to LocalStack's own listener (GATEWAY_LISTEN), never to
// LOCALSTACK_HOST (the front door's port, in compose) nor to a fixed 4566. `awslocal` is replaced by a recorder:
// what is under test is the endpoint the hook hands it.
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HOOK = resolve(__dirname, '../../localstack/ready.d/create-bucket-and-table.sh');
const dir = mkdtempSync(join(tmpdir(), 'ready-hook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the hook with a recording awslocal; head-bucket / describe-table say "absent", so it creates both. */
async function hookCalls(env: Record<string, string>): Promise<string[]> {
  const bin = mkdtempSync(join(dir, 'bin-'));
  const log = join(bin, 'calls.log');
  writeFileSync(
    join(bin, 'awslocal'),
    `#!/bin/sh\necho "$LOCALSTACK_HOST $AWS_ENDPOINT_URL $1 $2" >> "${log}"\ncase "$2" in head-bucket|describe-table) exit 1 ;; esac\nexit 0\n`,
  );
  chmodSync(join(bin, 'awslocal'), 0o755);
  await run('sh', [HOOK], { env: { PATH: `${bin}:/usr/bin:/bin`, ...env } });
  return readFileSync(log, 'utf8').trim().split('\n');
}

test.each([
  [
    'LocalStack on the host network (compose.host.yml)',
    { GATEWAY_LISTEN: '127.0.0.1:4567', LOCALSTACK_HOST: 'localhost.localstack.cloud:4566' },
    '127.0.0.1:4567',
  ],
  ['LocalStack in its container, default listener', { LOCALSTACK_HOST: 'localhost.localstack.cloud:4566' }, '127.0.0.1:4566'],
  ['several listeners, wildcard address', { GATEWAY_LISTEN: '0.0.0.0:4510,0.0.0.0:443' }, '127.0.0.1:4510'],
])('%s (%j): every awslocal call goes to %s', async (_name, env, hostPort) => {
  const calls = await hookCalls(env);
  expect(calls.map((c) => c.split(' ').slice(2).join(' '))).toEqual([
    's3api head-bucket',
    's3 mb',
    'dynamodb describe-table',
    'dynamodb create-table',
    'dynamodb wait',
  ]);
  expect(new Set(calls.map((c) => c.split(' ').slice(0, 2).join(' ')))).toEqual(new Set([`${hostPort} http://${hostPort}`]));
});
