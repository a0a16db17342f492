// Seeded DynamoDB fault injection (src/faults) under the seed pipeline: the example plans in examples/faults,
// loaded the way users load them (SANDBOX_FAULTS), throttle real PutItem calls of the running pipeline; the run's
// summary counts the retries they caused from the EXPRESS histories the sandbox keeps.
import { join } from 'node:path';
import { FaultSchedule, loadFaultPlan, type FaultReport } from '../../src/faults';
import { countRetries } from '../../src/pipeline/express-retries';
import { retriesLine, summaryLines } from '../../src/pipeline/report';
import { serve } from '../support/serve';
import { EXAMPLES_DIR, failedRowsOf, startPipelineSandbox, type PipelineSandbox } from './support/pipeline-sandbox';

const THROTTLE_20 = join(EXAMPLES_DIR, 'faults', 'throttle-putitem-20pct.json');
const ONE_ROW = join(EXAMPLES_DIR, 'faults', 'throttle-one-row-past-retries.json');

/** The pipeline loads `rows` rows with the plan at `plan` active; returns what verify and the fault report saw. */
async function loadUnder(plan: string, rows: number) {
  const p = await startPipelineSandbox({ rows, env: { SANDBOX_FAULTS: plan } });
  try {
    const summary = await p.run();
    return { summary, verify: await p.verify(summary), report: p.sandbox.faults!.faultReport() };
  } finally {
    await p.close();
  }
}

/** The PutItem call numbers a plan fails among the first `calls` calls, computed without running anything. */
function predictedFaults(plan: string, calls: number, seed?: number): number[] {
  const loaded = loadFaultPlan(plan);
  const schedule = new FaultSchedule(seed === undefined ? loaded : { ...loaded, seed });
  return Array.from({ length: calls }, (_, i) => (schedule.next('PutItem') ? i + 1 : 0)).filter((n) => n > 0);
}

describe('20% of PutItem calls throttled (examples/faults/throttle-putitem-20pct.json, seed 42)', () => {
  const ROWS = 200;
  let runs: Array<Awaited<ReturnType<typeof loadUnder>>>;
  beforeAll(async () => {
    runs = await Promise.all([loadUnder(THROTTLE_20, ROWS), loadUnder(THROTTLE_20, ROWS)]);
  });

  it('loses no row: the run succeeds and every row is in the table exactly once', () => {
    const { summary, verify } = runs[0];
    expect(summary).toMatchObject({ status: 'SUCCEEDED', items: { total: ROWS, succeeded: ROWS, failed: 0 }, failures: [] });
    expect(verify).toMatchObject({ ok: true, csvItems: ROWS, present: ROWS, tableItems: ROWS, duplicateKeys: 0, lost: [], mismatched: [] });
  });

  it('really injected the faults, on PutItem only, and every faulted call was sent again', () => {
    const report: FaultReport = runs[0].report;
    expect(report.injected).toBeGreaterThan(ROWS * 0.1);
    expect(report.byOperation).toEqual({ PutItem: report.injected });
    expect(report.byError).toEqual({ ProvisionedThroughputExceededException: report.injected });
    // A faulted call writes nothing, so each row took one successful call plus its faulted ones.
    expect(report.calls.PutItem).toBe(ROWS + report.injected);
  });

  it('the same seed fails the same call numbers on every run, as the seed alone predicts', () => {
    const [first, second] = runs.map((r) => r.report);
    expect(second.faultedCalls).toEqual(first.faultedCalls);
    expect(first.faultedCalls.PutItem).toEqual(predictedFaults(THROTTLE_20, first.calls.PutItem));
    expect(predictedFaults(THROTTLE_20, first.calls.PutItem, 43)).not.toEqual(first.faultedCalls.PutItem);
  });
});

describe('a row throttled past its retries (examples/faults/throttle-one-row-past-retries.json)', () => {
  const ROWS = 30;
  let p: PipelineSandbox;
  beforeAll(async () => {
    // The child without state-level retries, one put at a time, and the parent one batch at a time: PutItem
    // call n is row n (the engine's integrations make one attempt per call, as AWS's do), so throttling call 5
    // fails row 5 and nothing else.
    p = await startPipelineSandbox({
      rows: ROWS,
      env: { SANDBOX_FAULTS: ONE_ROW },
      childVariant: (definition) => {
        definition.States['Put each item'].MaxConcurrency = 1;
        definition.States['Put each item'].ItemProcessor.States.PutItem.Retry[0].MaxAttempts = 0;
      },
    });
  });
  afterAll(() => p?.close());

  it('lands the row in the FAILED results with the throttling error, and verify names it when the results are left out', async () => {
    const summary = await p.run({ maxConcurrency: 1, toleratedFailurePercentage: 100 });
    expect(summary).toMatchObject({ status: 'SUCCEEDED', items: { total: ROWS, succeeded: ROWS - 10, failed: 10 } });
    expect(failedRowsOf(summary)).toEqual(['5']);
    expect(summary.failures[0].cause).toContain('DynamoDB.ProvisionedThroughputExceededException');
    expect(p.sandbox.faults!.faultReport().faultedCalls).toEqual({ PutItem: [5] });

    // With the run's results, every row is accounted for: written, or in the failed batch's FAILED entry.
    expect(await p.verify(summary)).toMatchObject({ ok: true, tableItems: ROWS - 1, reportedFailed: 10, lost: [] });
    // Against the table alone, verify names exactly the row production would have to replay.
    const tableOnly = await p.verify();
    expect(tableOnly.ok).toBe(false);
    expect(tableOnly.lost).toEqual([
      { row: 5, line: 6, pk: `${p.csv.rows[4].orderNumber}-${p.csv.rows[4].orderDate}`, reason: 'valid row missing from the table and not in FAILED results' },
    ]);
  });
});

describe('the summary counts the retries inside the EXPRESS children from the histories the sandbox keeps', () => {
  const ROWS = 60;

  it('every injected throttle was retried: the count equals the faults injected, all throttling', async () => {
    const p = await startPipelineSandbox({ rows: ROWS, env: { SANDBOX_FAULTS: THROTTLE_20 } });
    try {
      const summary = await p.run({}, undefined, { retries: { endpointUrl: p.sandbox.url } });
      const report = p.sandbox.faults!.faultReport();
      expect(summary.status).toBe('SUCCEEDED');
      expect(report.injected).toBeGreaterThan(0);
      // Each Map Run child's history and the write-to-ddb execution it started, all kept.
      const children = summary.executions!.total!;
      expect(summary.retries).toEqual({ retried: report.injected, throttled: report.injected, histories: children * 2, missing: 0 });
      expect(summaryLines(summary)).toContain(
        `retries    ${report.injected} task attempts retried (${report.injected} throttled), from ${children * 2} EXPRESS histories`,
      );
    } finally {
      await p.close();
    }
  });

  it('a throttle not retried (no Retry) is not counted', async () => {
    const p = await startPipelineSandbox({
      rows: 30,
      env: { SANDBOX_FAULTS: ONE_ROW },
      childVariant: (definition) => void (definition.States['Put each item'].ItemProcessor.States.PutItem.Retry[0].MaxAttempts = 0),
    });
    try {
      const summary = await p.run({ toleratedFailurePercentage: 100 }, undefined, { retries: { endpointUrl: p.sandbox.url } });
      expect(p.sandbox.faults!.faultReport().injected).toBe(1);
      expect(summary.retries).toMatchObject({ retried: 0, throttled: 0, missing: 0 });
    } finally {
      await p.close();
    }
  });

  it('says the counts are partial when the sandbox no longer keeps every history (SANDBOX_EXPRESS_HISTORIES)', async () => {
    const p = await startPipelineSandbox({ rows: ROWS, env: { SANDBOX_FAULTS: THROTTLE_20, SANDBOX_EXPRESS_HISTORIES: '3' } });
    try {
      const summary = await p.run({}, undefined, { retries: { endpointUrl: p.sandbox.url } });
      const counted = summary.retries as { retried: number; histories: number; missing: number };
      const children = summary.executions!.total!;
      // 3 histories kept in all; every child not kept, and every write-to-ddb execution of a kept child not kept, is missing.
      expect(counted.histories).toBeLessThanOrEqual(3);
      expect(counted.missing).toBeGreaterThanOrEqual(children - 3);
      expect(counted.retried).toBeLessThanOrEqual(p.sandbox.faults!.faultReport().injected);
      expect(retriesLine(summary.retries!)).toMatch(
        /; partial: \d+ histor(y is|ies are) no longer kept \(the sandbox keeps the latest SANDBOX_EXPRESS_HISTORIES/,
      );
    } finally {
      await p.close();
    }
  });

  it('says it cannot count when the sandbox keeps no history at all (SANDBOX_EXPRESS_HISTORIES=0)', async () => {
    const p = await startPipelineSandbox({ rows: 20, env: { SANDBOX_FAULTS: THROTTLE_20, SANDBOX_EXPRESS_HISTORIES: '0' } });
    try {
      const summary = await p.run({}, undefined, { retries: { endpointUrl: p.sandbox.url } });
      expect(summary.retries).toEqual({ retried: 0, throttled: 0, histories: 0, missing: 2 });
      expect(summaryLines(summary)).toContain(
        'retries    not counted: the sandbox kept none of the EXPRESS histories (SANDBOX_EXPRESS_HISTORIES=0 keeps none)',
      );
    } finally {
      await p.close();
    }
  });

  it('says in one line that nothing can be counted when the target keeps no EXPRESS history', async () => {
    // Real AWS (no endpoint), and an endpoint that is not the sandbox (its private API answers 404).
    const other = await serve((_req, res) => res.writeHead(404).end('{"message":"not found"}'));
    try {
      const { url } = other;
      expect(retriesLine(await countRetries(undefined, 'arn:mapRun', 4))).toBe(
        'retries    not counted: AWS keeps no history for EXPRESS executions, so retries inside the children cannot be counted',
      );
      expect(retriesLine(await countRetries(url, 'arn:mapRun', 4))).toBe(
        `retries    not counted: ${url} is not the sandbox: it keeps no EXPRESS history, so retries inside the children cannot be counted`,
      );
    } finally {
      await other.close();
    }
  });
});
