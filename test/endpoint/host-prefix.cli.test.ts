// `aws stepfunctions start-sync-execution --endpoint-url http://127.0.0.1:PORT` with the AWS CLI on PATH. The CLI
// prepends the operation's `sync-` host prefix to the endpoint's host name (sync-127.0.0.1, which no local endpoint
// has); AWS_DISABLE_HOST_PREFIX_INJECTION=true turns that off
// (https://docs.aws.amazon.com/sdkref/latest/guide/feature-host-prefix.html). The CLI talks through a recording proxy
// on 127.0.0.1, so the prefixed host name is seen without ever being looked up: nothing leaves loopback.
import { CreateStateMachineCommand } from '@aws-sdk/client-sfn';
import { request } from 'node:http';
import { configFromEnv } from '../../src/config/config';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { runCli, type CliResult } from '../support/aws-cli';
import { serve, type Served } from '../support/serve';

// The CLI is a Python program: a few seconds per start, several times that on a loaded machine.
jest.setTimeout(240_000);
const DEFINITION = JSON.stringify({
  QueryLanguage: 'JSONata',
  StartAt: 'Echo',
  States: { Echo: { Type: 'Pass', Output: '{% {"got": $states.input.n} %}', End: true } },
});

/** A forward proxy that records the host of every request and passes on only those for `allowedHost`. */
async function startRecordingProxy(allowedHost: string): Promise<Served & { hosts: string[] }> {
  const hosts: string[] = [];
  const served = await serve((req, res) => {
    // Split by hand: WHATWG URL parsing rejects `sync-127.0.0.1` (a host ending in a number must be an IPv4 address).
    const [, host = '', path = '/'] = /^http:\/\/([^/]+)(\/.*)?$/.exec(req.url ?? '') ?? [];
    hosts.push(host);
    if (host !== allowedHost) return void req.resume().on('end', () => res.writeHead(502).end(`not forwarded: ${host}`));
    const [hostname, port] = host.split(':');
    const upstream = request({ host: hostname, port: Number(port), path, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.once('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return { ...served, hosts };
}

function awsOnPath(args: string[], env: Record<string, string>): Promise<CliResult> {
  return runCli('aws', args, { AWS_MAX_ATTEMPTS: '1', ...env });
}

let sandbox: Sandbox;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let arn: string;
let version: string;

beforeAll(async () => {
  sandbox = await startSandbox({ config: configFromEnv({ SANDBOX_HOST: '127.0.0.1', SFN_TIME_SCALE: '0' }), port: 0 });
  proxy = await startRecordingProxy(`127.0.0.1:${sandbox.port}`);
  const clients = sandbox.clients();
  try {
    const created = await clients.sfn.send(
      new CreateStateMachineCommand({ name: 'sync-prefix', type: 'EXPRESS', definition: DEFINITION, roleArn: 'arn:aws:iam::000000000000:role/r' }),
    );
    arn = created.stateMachineArn!;
  } finally {
    clients.destroy();
  }
  version = (await awsOnPath(['--version'], {})).stdout.trim();
});

afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
});

function startSync(env: Record<string, string>) {
  proxy.hosts.length = 0;
  const args = ['stepfunctions', 'start-sync-execution', '--state-machine-arn', arn, '--input', '{"n":7}', '--endpoint-url', sandbox.url, '--output', 'json'];
  // The proxy sees every request; NO_PROXY empty so that 127.0.0.1 goes through it too.
  return awsOnPath(args, { HTTP_PROXY: proxy.url, http_proxy: proxy.url, NO_PROXY: '', no_proxy: '', ...env });
}

test('without the setting the CLI asks for the sync- host, which a local endpoint does not have', async () => {
  const result = await startSync({});
  expect(result.code).not.toBe(0);
  expect(proxy.hosts).toContain(`sync-127.0.0.1:${sandbox.port}`);
});

test('AWS_DISABLE_HOST_PREFIX_INJECTION=true: start-sync-execution reaches the endpoint and returns the result', async () => {
  const result = await startSync({ AWS_DISABLE_HOST_PREFIX_INJECTION: 'true' });
  expect({ cli: version, hosts: [...new Set(proxy.hosts)], code: result.code, stderr: result.stderr }).toEqual({
    cli: version,
    hosts: [`127.0.0.1:${sandbox.port}`],
    code: 0,
    stderr: '',
  });
  expect(JSON.parse(result.stdout)).toMatchObject({ status: 'SUCCEEDED', output: '{"got":7}', stateMachineArn: arn });
});
