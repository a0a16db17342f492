// `npm run endpoint` as a process: exactly `Ready.` on stdout once listening, health answers, SIGTERM
// stops it cleanly, and bad flags / a taken port exit 1 with a message saying what is wrong.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseEndpointFlags } from '../../src/cli/endpoint';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist');
// tsx's loader in this very process (not its CLI, which forks): a kill reaches the endpoint itself.
const TSX_FLAGS = ['--require', join(TSX, 'preflight.cjs'), '--import', pathToFileURL(join(TSX, 'loader.mjs')).href];

interface Run {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

function startCli(args: string[]): Run {
  const child = spawn(process.execPath, [...TSX_FLAGS, join(ROOT, 'src', 'cli', 'endpoint.ts'), ...args], {
    // Not the repo root: loadConfig() would read a developer's .env there. Defaults come from the flags and this env.
    cwd: tmpdir(),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SANDBOX_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Resolves when the process has printed `Ready.`, rejects if it exits first. */
function ready(run: Run): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => run.stdout().includes('Ready.\n') && resolve();
    run.child.stdout!.on('data', check);
    void run.exited.then((code) => reject(new Error(`endpoint exited with ${code} before Ready.: ${run.stderr()}`)));
  });
}

describe('parseEndpointFlags', () => {
  it('reads --host, --port and --data-dir', () => {
    expect(parseEndpointFlags(['--host', '127.0.0.1', '--port', '0', '--data-dir', '.data'])).toEqual({
      help: false,
      host: '127.0.0.1',
      port: 0,
      dataDir: '.data',
    });
  });

  it.each([
    [['--port', '70000'], "--port must be an integer from 0 to 65535, got '70000'"],
    [['--port', '12ab'], "--port must be an integer from 0 to 65535, got '12ab'"],
    [['--host', ''], '--host must not be empty'],
    [['--verbose'], "Unknown option '--verbose'"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseEndpointFlags(argv)).toThrow(message);
  });
});

describe('the endpoint CLI', () => {
  let blocker: Server | undefined;
  afterAll(() => new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve())));

  it('prints exactly Ready. on stdout, serves health, and exits 0 on SIGTERM', async () => {
    const run = startCli(['--port', '0']);
    try {
      await ready(run);
      expect(run.stdout()).toBe('Ready.\n');
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stderr())?.[1];
      expect(url).toBeDefined();
      const health = (await (await fetch(`${url}/_localstack/health`)).json()) as { services: unknown };
      expect(health.services).toEqual({ s3: 'running', dynamodb: 'running', stepfunctions: 'running' });
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('exits 1 naming the port when it is already in use', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    const run = startCli(['--port', String(port)]);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(run.stdout()).toBe('');
  });

  it('exits 1 with the usage on a bad flag', async () => {
    const run = startCli(['--prot', '1']);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain("error: Unknown option '--prot'");
    expect(run.stderr()).toContain('Usage: npm run endpoint');
  });
});
