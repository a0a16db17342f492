// `npm run endpoint` as a process: exactly `Ready.` on stdout once listening, the console URL on stderr, health answers, SIGTERM
// stops it cleanly, and bad flags / a taken port exit 1 with a message saying what is wrong.
import { describeStartError, parseEndpointFlags } from '../../src/cli/endpoint';
import { serve, type Served } from '../support/serve';
import { ready, runTsx, type TsxRun } from '../support/tsx-process';

function startCli(args: string[]): TsxRun {
  // SANDBOX_HOST only: defaults come from the flags and this env.
  return runTsx('src/cli/endpoint.ts', args, { env: { SANDBOX_HOST: '127.0.0.1' } });
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

describe('describeStartError', () => {
  const errno = (code: string, fields: Record<string, unknown>) => Object.assign(new Error(`${code}: from node`), { code, ...fields });

  it.each([
    ['EACCES', 'mkdir', '/data/stepfunctions'],
    ['EACCES', 'access', '/data'],
    ['EROFS', 'open', '/data/dynamodb/LOCK'],
  ])('%s on the data directory (%s) says which directory cannot be written, not the port', (code, syscall, path) => {
    const message = describeStartError(errno(code, { syscall, path }), '0.0.0.0', 4566);
    expect(message).toMatch(new RegExp(`^cannot write ${path} \\(${code}\\): the data directory \\(--data-dir or SANDBOX_DATA_DIR\\) must be writable`));
    expect(message).not.toContain('ports below 1024');
  });

  it('EACCES from listen() is the port', () => {
    const message = describeStartError(errno('EACCES', { syscall: 'listen', address: '127.0.0.1', port: 80 }), '127.0.0.1', 80);
    expect(message).toBe('not allowed to bind 127.0.0.1:80 (ports below 1024 need privileges)');
  });
});

describe('the endpoint CLI', () => {
  let blocker: Served | undefined;
  afterAll(() => blocker?.close());

  it('prints exactly Ready. on stdout, serves health, and exits 0 on SIGTERM', async () => {
    const run = startCli(['--port', '0']);
    try {
      await ready(run);
      expect(run.stdout()).toBe('Ready.\n');
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stderr())?.[1];
      expect(url).toBeDefined();
      // The console URL is printed too (on stderr: stdout stays `Ready.` only), and it answers.
      const consoleUrl = /console at (\S+)/.exec(run.stderr())?.[1];
      expect(consoleUrl).toBe(`${url}/_sandbox/console/`);
      const page = await fetch(consoleUrl!);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      await page.text();
      const health = (await (await fetch(`${url}/_localstack/health`)).json()) as { services: unknown };
      expect(health.services).toEqual({ s3: 'running', dynamodb: 'running', stepfunctions: 'running' });
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('exits 1 naming the port when it is already in use', async () => {
    blocker = await serve(() => undefined);
    const { port } = blocker;
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
