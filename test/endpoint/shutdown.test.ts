// Orderly shutdown of the long-running commands, as real processes on port 0: Ctrl-C in the middle of a run
// stops the executions as ABORTED (seen after a restart on the same data dir), closes the stores without a
// "Database is closed" crash or a stack trace; a second Ctrl-C exits at once; a process started by npm exits
// when npm is killed, freeing its port.
import { DescribeExecutionCommand, DescribeMapRunCommand, ListMapRunsCommand } from '@aws-sdk/client-sfn';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRun } from '../../src/pipeline/run-pipeline';
import { deployWithCsv, startEndpointProcess, stopEndpointProcess, type EndpointProcess } from '../persistence/endpoint-process';
import { poll } from '../stepfunctions/redrive-support';
import { ready, ROOT, runTsx, tsxFlags, type TsxRun } from '../support/tsx-process';

jest.setTimeout(180_000);

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** Resolves once nothing answers on `url` any more. */
async function portReleased(url: string): Promise<void> {
  await poll(
    () =>
      fetch(`${url}/_localstack/health`).then(
        () => 'open',
        () => 'closed',
      ),
    (state) => state === 'closed',
    60_000,
    `${url} to stop answering`,
  );
}

/**
 * Kills a process started with `detached: true` and everything still in its group: a grandchild that outlived its
 * parent would otherwise keep this test's pipes, and so Jest, open.
 */
function killGroup(leader: ChildProcess): void {
  try {
    process.kill(-leader.pid!, 'SIGKILL');
  } catch {
    // The whole group has exited already.
  }
}

function urlIn(text: string): string {
  const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
  if (!url) throw new Error(`no endpoint URL in: ${text}`);
  return url;
}

describe('Ctrl-C on `npm run endpoint --data-dir` during a run', () => {
  let dataDir: string;
  const running: EndpointProcess[] = [];
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sfn-shutdown-'));
  });
  afterEach(async () => {
    for (const endpoint of running.splice(0)) endpoint.run.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stops the run as ABORTED, closes the stores in order, exits 0 without a stack trace', async () => {
    const first = await startEndpointProcess(dataDir);
    running.push(first);
    // Long enough to be still running when the signal lands, however fast the machine: after the 200 rows the test
    // waits for, 19,800 remain, two batches at a time (5,000 rows, 20 batches at a time, once finished first).
    const pipeline = await deployWithCsv(first, 20_000);
    const executionArn = await startRun(first.clients, pipeline.parentArn, { input: { maxConcurrency: 2 } });
    const mapRunArn = (
      await poll(
        () => first.clients.sfn.send(new ListMapRunsCommand({ executionArn })),
        (r) => (r.mapRuns?.length ?? 0) > 0,
        60_000,
        'the Map Run',
      )
    ).mapRuns![0].mapRunArn!;
    const midway = await poll(
      () => first.clients.sfn.send(new DescribeMapRunCommand({ mapRunArn })),
      (r) => r.status !== 'RUNNING' || (r.itemCounts?.succeeded ?? 0) >= 200,
      120_000,
      'the Map Run to be partly done',
    );
    expect(midway.status).toBe('RUNNING');
    expect(await stopEndpointProcess(first, 'SIGINT')).toBe(0);
    const stderr = first.run.stderr();
    expect(stderr).toContain('received SIGINT: stopping');
    expect(stderr).toContain('stopped');
    expect(stderr).not.toContain('Database is closed');
    expect(stderr).not.toContain('(during shutdown)');
    expect(stderr).not.toMatch(STACK_LINE);

    const second = await startEndpointProcess(dataDir);
    running.push(second);
    const execution = await second.clients.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect({ status: execution.status, redriveStatus: execution.redriveStatus }).toEqual({ status: 'ABORTED', redriveStatus: 'REDRIVABLE' });
    const mapRun = await second.clients.sfn.send(new DescribeMapRunCommand({ mapRunArn }));
    expect({ status: mapRun.status, running: mapRun.itemCounts?.running }).toEqual({ status: 'ABORTED', running: 0 });
    expect(await stopEndpointProcess(second, 'SIGTERM')).toBe(0);
  });
});

describe('Ctrl-C on `npm start` during its run', () => {
  it('stops the run, closes the sandbox and exits 130 without a stack trace', async () => {
    const run = runTsx('scripts/start.ts', ['--rows', '20000', '--port', '0'], { env: { SFN_TIME_SCALE: '0' } });
    try {
      await poll(
        async () => run.stdout(),
        (text) => /\d+\/[\d,]+ items, .* RUNNING/.test(text),
        120_000,
        'the run to be under way',
      );
      run.child.kill('SIGINT');
      expect(await run.exited).toBe(130);
      const output = `${run.stdout()}${run.stderr()}`;
      expect(run.stderr()).toContain('received SIGINT: stopping');
      expect(run.stderr()).toContain('stopped');
      expect(output).not.toMatch(STACK_LINE);
      expect(output).not.toContain('Database is closed');
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});

describe('signals and parents', () => {
  const children: TsxRun[] = [];
  const groups: ChildProcess[] = [];
  afterEach(() => {
    for (const run of children.splice(0)) run.child.kill('SIGKILL');
    for (const leader of groups.splice(0)) killGroup(leader);
  });

  it('ignores the copy of a Ctrl-C that arrives at once, and exits 130 on a second Ctrl-C later', async () => {
    const run = runTsx('test/support/shutdown-fixture.ts', ['1000', 'no']);
    children.push(run);
    await ready(run);
    run.child.kill('SIGINT');
    run.child.kill('SIGINT'); // what npm forwards of the same keypress
    await poll(
      async () => run.stderr(),
      (text) => text.includes('received SIGINT: stopping'),
      30_000,
      'the first stop message',
    );
    // A later Ctrl-C: one more after the duplicate window is over.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(run.child.exitCode).toBeNull();
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.stderr()).toContain('received SIGINT again: exiting without waiting for the shutdown to finish');
    expect(run.stderr()).not.toMatch(STACK_LINE);
  });

  /**
   * The fixture under a shell that is then killed, as npm can be: its output pipes close once it has exited. Its own
   * process group, so that the cleanup reaches the fixture even if it failed to stop.
   */
  function underShell(args: readonly string[]): { shell: ChildProcess; out: () => string; err: () => string; closed: Promise<void> } {
    const fixture = [process.execPath, ...tsxFlags(), join(ROOT, 'test/support/shutdown-fixture.ts'), ...args].map((a) => `'${a}'`).join(' ');
    const shell = spawn('sh', ['-c', `${fixture} & wait`], { cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    groups.push(shell);
    let out = '';
    let err = '';
    shell.stdout.on('data', (c: Buffer) => (out += c.toString()));
    shell.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const closed = new Promise<void>((resolve) => shell.stderr.on('close', () => resolve()));
    return { shell, out: () => out, err: () => err, closed };
  }

  it.each([
    ['is killed', 'Ready.', []],
    ['was killed before the watch started', 'Loaded.', ['late']],
  ])('stops when its parent process %s', async (_, line, extra) => {
    const { shell, out, err, closed } = underShell(['300', 'yes', ...extra]);
    await poll(
      async () => out(),
      (text) => text.includes(line),
      60_000,
      'the fixture to start',
    );
    shell.kill('SIGKILL');
    await closed;
    expect(err()).toMatch(/the parent process \(pid \d+\) has exited: stopping/);
    expect(err()).toContain('stopped');
  });
});

describe('npm run endpoint', () => {
  function npmEndpoint(): { child: ReturnType<typeof spawn>; stderr: () => string; exited: Promise<number | null> } {
    // Its own process group, so that the cleanup also reaches a server that outlived npm.
    const child = spawn('npm', ['run', '--silent', 'endpoint', '--', '--port', '0', '--host', '127.0.0.1'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.resume();
    return { child, stderr: () => err, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  }

  it.each(['SIGTERM', 'SIGKILL'] as const)('%s to the npm process stops the server and frees its port', async (signal) => {
    const npm = npmEndpoint();
    try {
      const url = urlIn(
        await poll(
          async () => npm.stderr(),
          (text) => /on http:\/\/127\.0\.0\.1:\d+/.test(text),
          90_000,
          'the endpoint to start',
        ),
      );
      npm.child.kill(signal);
      await npm.exited;
      await portReleased(url);
      expect(npm.stderr()).not.toMatch(STACK_LINE);
    } finally {
      killGroup(npm.child);
    }
  });
});
