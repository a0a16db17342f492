// replay --failed refuses a FAILED file that belongs to another CSV or is not JSON, naming why; definitions
// with a JSON typo are reported by line and column; a replay's rows are named as in the original CSV.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwsClients } from '../../src/config/clients';
import { configFromEnv } from '../../src/config/config';
import { bootstrap } from '../../src/pipeline/deploy';
import { jsonErrorPlace } from '../../src/pipeline/json-error-place';
import { generateOrdersCsv } from '../../src/pipeline/orders-csv';
import { loadDefinition, renderValuesFrom } from '../../src/pipeline/render-definition';
import { inOriginalRows, prepareReplay, ReplayError } from '../../src/pipeline/replay';
import type { RunSummary } from '../../src/pipeline/run-pipeline';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';

const config = configFromEnv({ SANDBOX_BUCKET: 'replay-bucket', SANDBOX_TABLE: 'replay-orders', SFN_TIME_SCALE: '0' });
const work = mkdtempSync(join(tmpdir(), 'sfn-replay-checks-'));
let sandbox: Sandbox;
let clients: AwsClients;

beforeAll(async () => {
  sandbox = await startSandbox({ config, port: 0 });
  clients = sandbox.clients();
  await bootstrap(clients, config);
});
afterAll(async () => {
  await sandbox.close();
  rmSync(work, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

/** A FAILED_n.json entry as the ResultWriter writes it, carrying these rows. */
function failedFile(name: string, rows: Array<{ row: number; pk: string }>): string {
  const Items = rows.map(({ row, pk }) => ({ pk: { S: pk }, csvRow: { N: String(row) } }));
  return file(name, JSON.stringify([{ Status: 'FAILED', Error: 'BatchWriteFailed', Cause: '{}', Input: JSON.stringify({ BatchInput: {}, Items }) }]));
}

const csv = generateOrdersCsv({ rows: 25, seed: 9 });
const pkOf = (i: number) => `${csv.rows[i].orderNumber}-${csv.rows[i].orderDate}`;

describe('replay --failed', () => {
  it('refuses a FAILED file naming rows the CSV does not have', async () => {
    const failed = failedFile('big.json', [
      { row: 5, pk: pkOf(4) },
      { row: 250, pk: 'ON100249-2025-01-01' },
    ]);
    await expect(prepareReplay(clients, config.bucket, config.prefix, { csv: file('small.csv', csv.text), failed })).rejects.toEqual(
      new ReplayError(`the FAILED file ${failed} does not belong to ${join(work, 'small.csv')}: it names data rows up to 250 but the CSV has 25`),
    );
  });

  it('refuses a FAILED file whose rows carry other keys than the CSV rows of the same number', async () => {
    const failed = failedFile('other.json', [{ row: 3, pk: 'ON999999-2025-01-01' }]);
    await expect(prepareReplay(clients, config.bucket, config.prefix, { csv: file('c.csv', csv.text), failed })).rejects.toThrow(
      `line 4 (data row 3) is ${pkOf(2)} in the CSV but ON999999-2025-01-01 in the FAILED file`,
    );
  });

  it('says a non-JSON FAILED file is not one, with the line and column', async () => {
    const failed = file('notes.txt', 'these are my notes\n');
    await expect(prepareReplay(clients, config.bucket, config.prefix, { csv: file('d.csv', csv.text), failed })).rejects.toThrow(
      new RegExp(`^the FAILED file ${failed} is not a ResultWriter FAILED_n\\.json \\(JSON\\) file: .+ at line 1, column 1$`),
    );
  });

  it('keeps the rows of a matching FAILED file and remembers where each came from', async () => {
    const failed = failedFile('ok.json', [
      { row: 3, pk: pkOf(2) },
      { row: 7, pk: pkOf(6) },
    ]);
    const prepared = await prepareReplay(clients, config.bucket, config.prefix, { csv: file('e.csv', csv.text), failed });
    expect({ rows: prepared.rows, origin: prepared.origin }).toEqual({
      rows: 2,
      origin: [
        { row: 3, line: 4 },
        { row: 7, line: 8 },
      ],
    });
    const summary = { rowFailures: [{ row: 2, line: 3, error: 'E' }], failures: [{ items: 2, rows: [1, 2] }] } as unknown as RunSummary;
    const named = inOriginalRows(summary, prepared.origin);
    expect({ rowFailures: named.rowFailures, failures: named.failures }).toEqual({
      rowFailures: [{ row: 7, line: 8, error: 'E' }],
      failures: [{ items: 2, rows: [3, 7], lines: [4, 8] }],
    });
  });
});

describe('JSON errors by line and column', () => {
  it('names the first bad character by line and column', () => {
    const text = '{\n  "a": 1,\n  "b": }\n';
    let err: Error | undefined;
    try {
      JSON.parse(text);
    } catch (e) {
      err = e as Error;
    }
    expect(jsonErrorPlace(text, err!)).toBe("unexpected '}' where a value was expected at line 3, column 8");
  });

  it('bootstrap --parent with a typo names the file, line and column', () => {
    const path = file('typo.asl.json', '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "End": true, }\n  }\n}\n');
    expect(() => loadDefinition(path, renderValuesFrom(config))).toThrow(
      new RegExp(`^state machine definition ${path} is not valid JSON: unexpected '}' where a double-quoted property name was expected at line 4, column 41$`),
    );
  });
});
