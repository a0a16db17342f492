// The pipeline scripts as a user runs them: separate processes configured only by the environment, against a
// sandbox on a free port. Covers bootstrap (twice: idempotent), seed, run, verify, replay and teardown.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv } from '../../src/config/config';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { ROOT, runTsxToEnd } from '../support/tsx-process';

jest.setTimeout(120_000);

const NAMES = {
  SANDBOX_BUCKET: 'scripts-bucket',
  SANDBOX_TABLE: 'scripts-orders',
  SANDBOX_PARENT_STATE_MACHINE: 'scripts-parent',
  SANDBOX_CHILD_STATE_MACHINE: 'scripts-child',
  SFN_TIME_SCALE: '0',
};

let sandbox: Sandbox;
let env: Record<string, string>;
const work = mkdtempSync(join(tmpdir(), 'sfn-scripts-'));

beforeAll(async () => {
  sandbox = await startSandbox({ config: configFromEnv({ ...NAMES, SANDBOX_PORT: '0' }), port: 0 });
  env = { ...NAMES, AWS_ENDPOINT_URL: sandbox.url };
});
afterAll(async () => {
  await sandbox.close();
  rmSync(work, { recursive: true, force: true });
});

const script = (name: string, ...args: string[]) => runTsxToEnd(`scripts/${name}.ts`, args, { env });

describe('the pipeline scripts', () => {
  it('bootstrap creates everything and is idempotent', async () => {
    for (let i = 0; i < 2; i++) {
      const { code, stdout, stderr } = await script('bootstrap');
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toContain('parent         arn:aws:states:us-east-1:000000000000:stateMachine:scripts-parent');
    }
  });

  it('seed uploads a reproducible CSV with the malformed rows it names', async () => {
    const out = join(work, 'orders.csv');
    const { code, stdout } = await script('seed', '--rows', '300', '--seed', '7', '--malformed', '2', '--kinds', 'non-numeric-price', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain('uploaded s3://scripts-bucket/incoming/orders.csv: 298 well-formed rows, 2 malformed');
    expect(stdout.match(/line [\d,]+ \(data row [\d,]+\): non-numeric-price/g)).toHaveLength(2);
    const again = await script('seed', '--rows', '300', '--seed', '7', '--malformed', '2', '--kinds', 'non-numeric-price', '--out', join(work, 'again.csv'));
    expect(again.code).toBe(0);
    expect(readFileSync(join(work, 'again.csv'), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('run fails over the default zero tolerance and names the failed rows by CSV line; verify does not call a failed run verified', async () => {
    const run = await script('run');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/status\s+FAILED/);
    expect(run.stdout).toContain('States.ExceedToleratedFailureThreshold');
    expect(run.stdout).toMatch(
      /^ {2}line [\d,]+ \(data row [\d,]+\) ON\d+-[\d-]+: DynamoDB\.AmazonDynamoDBException: The parameter cannot be converted to a numeric value: N\/A$/m,
    );
    const verify = await script('verify');
    expect(verify.stdout).toMatch(/csv\s+300 rows read from 300 data lines, 298 valid/);
    // The failed run has no output: verify finds its FAILED/PENDING files under the ResultWriter prefix, and the
    // rows it never reached are "never processed", not lost. A failed run is never "verified".
    expect(verify.stdout).toMatch(/run {8}FAILED \(States\.ExceedToleratedFailureThreshold\)/);
    expect(verify.stdout).toContain('NOT VERIFIED  0 rows lost, 0 mismatched, the run FAILED');
    expect(verify.code).toBe(1);
  });

  it('run within tolerance succeeds, and verify reports every row accounted for', async () => {
    const run = await script('run', '--tolerated-failure-percentage', '10');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/status\s+SUCCEEDED/);
    // The rows that fail are not retried (a numeric conversion error is not in the child's Retry): nothing counted,
    // from each child's history and the write-to-ddb execution it started (300 rows, 10 a batch).
    expect(run.stdout).toMatch(/^retries {4}0 task attempts retried \(0 throttled\), from 60 EXPRESS histories$/m);
    expect(run.stdout).toMatch(/FAILED\s+s3:\/\/scripts-bucket\/incoming\/results\/.+\/FAILED_0\.json/);
    const verify = await script('verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('verified   every row is accounted for');
  });

  it('replay re-runs only the rows of a FAILED file and shows what fails', async () => {
    const failedKey = /FAILED\s+(s3:\/\/\S+FAILED_0\.json)/.exec((await script('run', '--tolerated-failure-percentage', '10')).stdout)?.[1];
    expect(failedKey).toBeDefined();
    const replay = await script('replay', '--csv', join(work, 'orders.csv'), '--failed', failedKey!);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toMatch(/replaying s3:\/\/scripts-bucket\/.+ \(\d+ rows from the FAILED file\)/);
    expect(replay.stdout).toMatch(/rows\s+\d+ in the Map Run: 0 succeeded/);
    expect(replay.stdout).toMatch(/^retries {4}\d+ task attempts? retried \(\d+ throttled\), from \d+ EXPRESS histor(y|ies)$/m);
  });

  it('run compares rows read with the CSV lines: rows merged by a stray quote make it exit 1 even when the run SUCCEEDED', async () => {
    const seed = await script('seed', '--rows', '200', '--seed', '5', '--malformed', '2', '--kinds', 'unbalanced-quote');
    const [open, close] = [...seed.stdout.matchAll(/line ([\d,]+) \(data row [\d,]+\): unbalanced-quote/g)].map((m) => Number(m[1].replace(/,/g, '')));
    const run = await script('run', '--tolerated-failure-percentage', '100');
    expect(run.stdout).toMatch(/status\s+SUCCEEDED/);
    expect(run.stdout).toContain(`CSV        ${200 - (close - open)} rows read from 200 data lines of s3://scripts-bucket/incoming/orders.csv`);
    expect(run.stdout).toContain(
      `MERGED     line ${open} (data row ${open - 1}) runs to line ${close}: a quote opened on line ${open} closes only there, so ${close - open + 1} lines became one row`,
    );
    expect(run.code).toBe(1);
  });

  it("bootstrap --parent/--child deploys the article's design: run says SUCCEEDED, verify names the lost rows", async () => {
    const deploy = await script(
      'bootstrap',
      '--parent',
      join(ROOT, 'statemachines/examples/article-parent.asl.json'),
      '--child',
      'examples/article-child.asl.json',
    );
    expect(deploy.code).toBe(0);
    expect((await script('seed', '--rows', '40', '--seed', '3')).code).toBe(0);
    const run = await script('run');
    expect(run.stdout).toMatch(/status\s+SUCCEEDED/);
    expect(run.code).toBe(0);
    const verify = await script('verify');
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/table\s+[\d,]+ items; 0 valid rows present/);
    expect(verify.stdout).toMatch(/LOST\s+line 2 \(data row 1\) ON\d+-[\d-]+: /);
    expect(verify.stdout).toContain('NOT VERIFIED  40 rows lost, 0 mismatched');
  });

  it('bad flags are rejected with the usage, naming the flag', async () => {
    const { code, stderr } = await script('seed', '--rowz', '3');
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--rowz'");
    expect(stderr).toContain('usage: npm run seed');
  });

  it('teardown deletes what bootstrap created, and run then says to bootstrap', async () => {
    const { code, stdout } = await script('teardown');
    expect(code).toBe(0);
    expect(stdout).toContain('stateMachine:scripts-parent');
    expect(stdout).toContain('bucket scripts-bucket:');
    const run = await script('run');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("state machine 'scripts-parent' not found: run npm run bootstrap first");
  });
});

describe('npm start (scripts/start.ts)', () => {
  it('--malformed 5 --exit ends with the 5 injected rows by CSV line, with the errors of those that failed', async () => {
    const { code, stdout } = await runTsxToEnd('scripts/start.ts', ['--exit', '--rows', '1000', '--malformed', '5', '--port', '0'], {
      env: { SFN_TIME_SCALE: '0' },
    });
    const lines = stdout.trimEnd().split('\n');
    const tail = lines.slice(lines.indexOf('malformed  5 rows injected (by CSV line):'));
    expect(tail).toHaveLength(6);
    expect(tail[1]).toMatch(
      /^ {2}line [\d,]+ \(data row [\d,]+\) {2}missing-fields: FAILED DynamoDB\.AmazonDynamoDBException: The parameter cannot be converted to a numeric value$/,
    );
    expect(tail[2]).toMatch(/^ {2}line [\d,]+ \(data row [\d,]+\) {2}extra-fields: written: the extra fields were dropped$/);
    expect(tail[3]).toMatch(
      /^ {2}line [\d,]+ \(data row [\d,]+\) {2}non-numeric-price: FAILED DynamoDB\.AmazonDynamoDBException: The parameter cannot be converted to a numeric value: N\/A$/,
    );
    expect(tail[4]).toMatch(/^ {2}line [\d,]+ {2}empty-line: an empty line: skipped by the CSV reader \(no row\)$/);
    expect(tail[5]).toBe('  line 1  bom: a BOM before the header: stripped by the CSV reader');
    expect(stdout).toContain('tolerance     ToleratedFailurePercentage 5 (a failed batch counts all its rows)');
    expect(stdout).toMatch(/status\s+SUCCEEDED/);
    expect(stdout).toContain('verified   every row is accounted for');
    expect(code).toBe(0);
  });

  it('runs the main job on its own endpoint and exits with --exit', async () => {
    const { code, stdout, stderr } = await runTsxToEnd('scripts/start.ts', ['--exit', '--rows', '500', '--port', '0'], { env: { SFN_TIME_SCALE: '0' } });
    // Each batch's Tasks listen on their Map's shared signal at once: that must not read as a listener leak.
    expect(stderr).not.toContain('MaxListenersExceededWarning');
    expect(stdout).toMatch(/endpoint {6}http:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/console {7}http:\/\/127\.0\.0\.1:\d+\/_sandbox\/console\//);
    expect(stdout).toMatch(/status\s+SUCCEEDED/);
    expect(stdout).toMatch(/^retries {4}0 task attempts retried \(0 throttled\), from 100 EXPRESS histories$/m);
    expect(stdout).toContain('table      500 items; 500 valid rows present with the right attributes');
    // One csv line: the run's summary says how the CSV read, verify adds only the valid count.
    expect(stdout.match(/^csv .*/gm)).toEqual(['csv        500 rows read from 500 data lines of s3://orders-bucket/incoming/orders.csv']);
    expect(stdout).toContain('valid      500 of the 500 rows are valid orders');
    expect(stdout).toContain('verified   every row is accounted for');
    expect(code).toBe(0);
  });

  it.each([
    [['--rows', 'abc'], "--rows must be a non-negative integer, got 'abc'"],
    [['--tolerated-failure-percentage', '120'], "--tolerated-failure-percentage must be a number from 0 to 100, got '120'"],
  ])('rejects a bad value (%j) before starting anything', async (args, message) => {
    const { code, stdout, stderr } = await runTsxToEnd('scripts/start.ts', ['--exit', '--port', '0', ...args]);
    expect(stderr).toContain(message);
    expect(stdout).not.toContain('endpoint');
    expect(code).toBe(2);
  });
});
