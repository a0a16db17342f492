// Runs the real AWS CLI (an independent client) against a local endpoint: Debian's /usr/bin/aws first, else
// `aws` on PATH. Missing CLI is a failure, never a skip: .ci/run installs Debian's awscli.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function awsCliPath(): string {
  if (existsSync('/usr/bin/aws')) return '/usr/bin/aws';
  const onPath = (process.env.PATH ?? '')
    .split(':')
    .map((dir) => `${dir}/aws`)
    .find((p) => existsSync(p));
  if (!onPath) throw new Error('The AWS CLI is missing: install the Debian package `awscli` (/usr/bin/aws) or put `aws` on PATH');
  return onPath;
}

/** A clean environment: test credentials, no user config, no pager, no instance metadata lookups. */
function cliEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/**
 * Runs a CLI binary in the clean environment (plus `env`): exit code and output, whether the command succeeded or
 * not. For suites that pick their own binary (e.g. the first `aws` on PATH that has a newer command).
 */
export async function runCli(cli: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(cli, args, { env: { ...cliEnv(), ...env }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Exit code and output of the AWS CLI against `endpoint`, whether the command succeeded or not. */
export async function runAwsCli(endpoint: string, args: string[]): Promise<CliResult> {
  return runCli(awsCliPath(), [...args, '--endpoint-url', endpoint]);
}

/** Parsed JSON output; a failing command throws with its stderr. */
export async function awsCli(endpoint: string, args: string[]): Promise<unknown> {
  const { code, stdout, stderr } = await runAwsCli(endpoint, [...args, '--output', 'json']);
  if (code !== 0) throw new Error(`aws ${args.join(' ')} exited ${code}: ${stderr}`);
  return stdout.trim() === '' ? {} : JSON.parse(stdout);
}
