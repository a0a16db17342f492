// `aws stepfunctions test-state` (a current AWS CLI: v1 with botocore ≥ 1.33, or v2 ≥ 2.15; Debian's 2.9 has
// no test-state) against the embedded sandbox. The CLI puts TestState's `sync-` host prefix in front of
// --endpoint-url, so without AWS_DISABLE_HOST_PREFIX_INJECTION it cannot connect; with it, it gets the same
// answers as the SDK (test-state/*.test.ts).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { runCli, type CliResult } from '../../support/aws-cli';
import { useEmbeddedSandbox } from '../support/embedded-sandbox';

const run = promisify(execFile);
// Each CLI start is a Python process: seconds apiece on a loaded machine.
jest.setTimeout(180_000);
const target = useEmbeddedSandbox();

let found: Promise<string> | undefined;

/** The first `aws` on PATH whose version has test-state; none is a failure, never a skip. */
function awsWithTestState(): Promise<string> {
  return (found ??= findAwsWithTestState());
}

async function findAwsWithTestState(): Promise<string> {
  const candidates = (process.env.PATH ?? '')
    .split(':')
    .map((dir) => `${dir}/aws`)
    .filter((p) => existsSync(p));
  for (const path of candidates) {
    const { stdout, stderr } = await run(path, ['--version'], { timeout: 60_000 }).catch(() => ({ stdout: '', stderr: '' }));
    const version = `${stdout}${stderr}`;
    const v1 = /aws-cli\/1\.\d+\.\d+ .*botocore\/1\.(\d+)\./.exec(version);
    const v2 = /aws-cli\/2\.(\d+)\./.exec(version);
    if ((v1 && Number(v1[1]) >= 33) || (v2 && Number(v2[1]) >= 15)) return path;
  }
  throw new Error(`no AWS CLI with 'stepfunctions test-state' on PATH (found: ${candidates.join(', ') || 'none'}): install aws-cli v1 ≥ 1.31 or v2 ≥ 2.15`);
}

async function testStateCli(extraEnv: Record<string, string>, args: string[]): Promise<CliResult> {
  return runCli(await awsWithTestState(), ['stepfunctions', 'test-state', ...args, '--endpoint-url', target.sandbox.url, '--output', 'json'], extraEnv);
}

const PASS = JSON.stringify({ Type: 'Pass', Result: { b: 2 }, ResultPath: '$.r', Next: 'After' });

describe('aws stepfunctions test-state', () => {
  it('cannot reach a local endpoint without AWS_DISABLE_HOST_PREFIX_INJECTION (it prefixes the host with sync-)', async () => {
    const { code, stderr } = await testStateCli({}, ['--definition', PASS, '--input', '{"a":1}']);
    expect(code).not.toBe(0);
    expect(stderr).toContain('Could not connect to the endpoint URL: "http://sync-127.0.0.1:');
  });

  it('runs a state with AWS_DISABLE_HOST_PREFIX_INJECTION=true, inspection data included', async () => {
    const { code, stdout, stderr } = await testStateCli({ AWS_DISABLE_HOST_PREFIX_INJECTION: 'true' }, [
      '--definition',
      PASS,
      '--input',
      '{"a":1}',
      '--inspection-level',
      'DEBUG',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toEqual({
      output: '{"a":1,"r":{"b":2}}',
      nextState: 'After',
      status: 'SUCCEEDED',
      inspectionData: {
        input: '{"a":1}',
        afterInputPath: '{"a":1}',
        result: '{"b":2}',
        afterResultSelector: '{"b":2}',
        afterResultPath: '{"a":1,"r":{"b":2}}',
      },
    });
  });

  it("shows AWS's error for a mocked Pass state", async () => {
    const { code, stderr } = await testStateCli({ AWS_DISABLE_HOST_PREFIX_INJECTION: 'true' }, [
      '--definition',
      PASS,
      '--mock',
      JSON.stringify({ result: '{}' }),
    ]);
    // v1 exits 255 on a service error, v2 254.
    expect([254, 255]).toContain(code);
    expect(stderr).toContain(
      "An error occurred (ValidationException) when calling the TestState operation: State type 'Pass' is not supported when a mock is specified",
    );
  });
});
