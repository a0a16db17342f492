// Runs the real AWS CLI against a local endpoint: Debian's /usr/bin/aws first, else `aws` on PATH.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function awsCliPath(): string {
  if (existsSync('/usr/bin/aws')) return '/usr/bin/aws';
  const onPath = (process.env.PATH ?? '').split(':').map((dir) => `${dir}/aws`).find((p) => existsSync(p));
  if (!onPath) throw new Error('The AWS CLI is missing: install the Debian package `awscli` (/usr/bin/aws) or put `aws` on PATH');
  return onPath;
}

export async function awsCli(endpoint: string, args: string[]): Promise<unknown> {
  const { stdout } = await run(awsCliPath(), [...args, '--endpoint-url', endpoint, '--output', 'json'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_PAGER: '',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    timeout: 30_000,
  });
  return stdout.trim() === '' ? {} : JSON.parse(stdout);
}
