// The execution console in a real browser (Debian's Chromium via playwright-core), on the embedded endpoint
// during real pipeline runs: what a person sees on each page. Screenshots go to test-artifacts/console/.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateActivityCommand, GetActivityTaskCommand, ListMapRunsCommand, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { Page } from 'playwright-core';
import { generateOrdersCsv } from '../../src/pipeline/orders-csv';
import { openBrowser, type OpenBrowser } from './support/browser';
import { createStateMachine, executionStatus, startConsoleSandbox, startPipelineRun, type ConsoleSandbox } from './support/console-sandbox';

/** Generous: a pipeline run and a browser share 2 loaded cores. */
const WAIT = { timeout: 120_000 };
const PARENT_MAP = 'Read CSV file from S3';

let target: ConsoleSandbox;
let browser: OpenBrowser;
let page: Page;

beforeAll(async () => {
  target = await startConsoleSandbox();
  browser = await openBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await target?.close();
});

afterEach(() => {
  expect(browser.pageErrors).toEqual([]);
  expect(browser.dialogs).toEqual([]);
});

const at = (path: string, arn?: string) => `${target.consoleUrl}#/${path}${arn === undefined ? '' : `/${encodeURIComponent(arn)}`}`;
const stateNode = (name: string) => page.locator(`svg.graph g.node.state[data-state="${name.replace(/["\\]/g, '\\$&')}"]`);
const summaryStatus = () => page.locator('.summary .badge').first();

async function mapRunOf(executionArn: string): Promise<string> {
  const out = await target.clients.sfn.send(new ListMapRunsCommand({ executionArn }));
  return out.mapRuns?.[0]?.mapRunArn as string;
}

it('lists the state machines and draws the parent: the Distributed Map marked, its processor nested, the ASL beside it', async () => {
  await page.goto(at(''));
  await page.getByRole('link', { name: target.config.parentStateMachineName, exact: true }).waitFor(WAIT);
  await expect(page.getByRole('link', { name: target.config.childStateMachineName, exact: true }).count()).resolves.toBe(1);
  await browser.screenshot('state-machines');

  await page.getByRole('link', { name: target.config.parentStateMachineName, exact: true }).click();
  await stateNode(PARENT_MAP).waitFor(WAIT);
  await expect(stateNode(PARENT_MAP).getAttribute('class')).resolves.toContain('distributed');
  await expect(page.locator('svg.graph .cluster.distributed text').first().textContent()).resolves.toContain('child executions (EXPRESS)');
  // The processor's Choice draws both its rule and its Default.
  await expect(page.locator('svg.graph .edge.default text').first().textContent()).resolves.toBe('Default');
  await expect(page.locator('pre.asl').textContent()).resolves.toContain('"ItemReader"');
  await browser.screenshot('state-machine');
});

it('a 2,000-row run: the parent graph turns green and the Map Run page counts reach 2,000 items in 200 children', async () => {
  const executionArn = await startPipelineRun(target, { rows: 2000, key: 'incoming/orders-2000.csv' });
  await page.goto(at('execution', executionArn));
  await summaryStatus().and(page.locator('[data-status="SUCCEEDED"]')).waitFor(WAIT);
  await page.locator(`svg.graph g.node.state[data-state="${PARENT_MAP}"][data-status="succeeded"]`).waitFor(WAIT);
  await browser.screenshot('execution');

  await page.locator('.map-runs a').first().click();
  const items = (count: string) => page.locator(`tr[data-counts="items"] td[data-count="${count}"]`);
  await items('succeeded')
    .filter({ hasText: /^2,000$/ })
    .waitFor(WAIT);
  await expect(items('total').textContent()).resolves.toBe('2,000');
  await expect(items('resultsWritten').textContent()).resolves.toBe('2,000');
  await expect(page.locator('tr[data-counts="executions"] td[data-count="succeeded"]').textContent()).resolves.toBe('200');
  await expect(page.locator('.progress-text').textContent()).resolves.toBe('2,000 of 2,000 items processed');
  // The first page of children (100 of 200), each a link to its execution.
  await page.locator('section.executions tbody tr').nth(99).waitFor(WAIT);
  await expect(page.locator('section.executions tbody tr').count()).resolves.toBe(100);
  await browser.screenshot('map-run');
});

it('the demo’s scale: a 10,000-row run reaches 10,000 items in 1,000 children, listed 100 at a time', async () => {
  const executionArn = await startPipelineRun(target, { rows: 10_000, key: 'incoming/orders-10000.csv' });
  await page.goto(at('execution', executionArn));
  await page.locator('.map-runs a').first().click();
  await page
    .locator('tr[data-counts="items"] td[data-count="succeeded"]')
    .filter({ hasText: /^10,000$/ })
    .waitFor({ timeout: 200_000 });
  await expect(page.locator('tr[data-counts="executions"] td[data-count="succeeded"]').textContent()).resolves.toBe('1,000');
  await page.locator('section.executions .muted', { hasText: '100 shown of 100 loaded (more on the server)' }).waitFor(WAIT);
  await page.getByRole('button', { name: 'Load more' }).click();
  await page.locator('section.executions .muted', { hasText: '200 shown of 200 loaded (more on the server)' }).waitFor(WAIT);
  await expect(page.locator('section.executions tbody tr').count()).resolves.toBe(200);
  await browser.screenshot('map-run-10000');
}, 300_000);

it('rows DynamoDB rejects: the Map Run lists them from FAILED_n.json with CSV row, error and cause; an Express child shows its history', async () => {
  const executionArn = await startPipelineRun(target, {
    rows: 300,
    malformed: 3,
    kinds: ['non-numeric-price'],
    key: 'incoming/rejected.csv',
    input: { toleratedFailurePercentage: 100 },
  });
  await page.goto(at('execution', executionArn));
  await summaryStatus().and(page.locator('[data-status="SUCCEEDED"]')).waitFor(WAIT);
  await page.goto(at('map-run', await mapRunOf(executionArn)));
  const rows = page.locator('tr.failed-row');
  await rows.nth(2).waitFor(WAIT);
  await expect(rows.count()).resolves.toBe(3);
  const csvRows = await page.locator('tr.failed-row td.csv-row').allTextContents();
  const defects = generateOrdersCsv({ rows: 300, seed: 5, malformed: 3, kinds: ['non-numeric-price'] }).defects;
  // csvRow counts data rows (the header is line 1 of the file).
  expect(csvRows).toEqual(defects.map((d) => String(d.line - 1)));
  const first = rows.first();
  await expect(first.locator('td.error-text').textContent()).resolves.toBe('DynamoDB.AmazonDynamoDBException');
  await expect(first.textContent()).resolves.toContain('The parameter cannot be converted to a numeric value');
  // The status filter narrows the 30 children to the 3 that failed.
  await page.getByRole('combobox', { name: 'Status filter' }).selectOption('FAILED');
  await page.locator('section.executions .muted', { hasText: '3 shown of 3 loaded' }).waitFor(WAIT);
  await browser.screenshot('map-run-failed-rows');

  // The failed batch's child is EXPRESS: AWS keeps no history, the sandbox does.
  await first.locator('a').click();
  await page.locator('.note').filter({ hasText: 'AWS keeps no history for EXPRESS executions' }).waitFor(WAIT);
  await summaryStatus().and(page.locator('[data-status="FAILED"]')).waitFor(WAIT);
  await page.locator('svg.graph g.node.state[data-state="Batch failed"][data-status="failed"]').waitFor(WAIT);
  await expect(stateNode('Batch written').getAttribute('data-status')).resolves.toBe('not-run');
  await page.locator('tr.event-row', { hasText: 'ExecutionFailed' }).waitFor(WAIT);
  await stateNode('Write a batch of items to DynamoDB table').click();
  await expect(page.locator('.state-detail').textContent()).resolves.toContain('BatchWriteFailed');
  await browser.screenshot('express-child');

  // Its Task started the write-to-ddb child (EXPRESS too): the rejected PutItem was caught, the batch failed.
  await page.locator('.state-detail a').first().click();
  await page.locator('svg.graph g.node.state[data-state="PutItem"][data-status="caught"]').waitFor(WAIT);
  await expect(stateNode('Put failed').getAttribute('data-status')).resolves.toBe('succeeded');
  await expect(stateNode('Batch failed').getAttribute('data-status')).resolves.toBe('failed');
  await expect(stateNode('Batch written').getAttribute('data-status')).resolves.toBe('not-run');
  await browser.screenshot('express-writer');
});

it('Redrive: a run that failed on bad rows, redriven from its page after the CSV is fixed, ends SUCCEEDED', async () => {
  const key = 'incoming/redrive.csv';
  const executionArn = await startPipelineRun(target, { rows: 200, malformed: 2, kinds: ['non-numeric-price'], key });
  await page.goto(at('execution', executionArn));
  await summaryStatus().and(page.locator('[data-status="FAILED"]')).waitFor(WAIT);
  await page.locator(`svg.graph g.node.state[data-state="${PARENT_MAP}"][data-status="failed"]`).waitFor(WAIT);
  await expect(page.locator('.summary').textContent()).resolves.toContain('States.ExceedToleratedFailureThreshold');
  await browser.screenshot('execution-failed');

  const fixed = generateOrdersCsv({ rows: 200, seed: 5 });
  await target.clients.s3.send(new PutObjectCommand({ Bucket: target.config.bucket, Key: key, Body: fixed.text }));
  await page.getByRole('button', { name: 'Redrive' }).click();
  await summaryStatus().and(page.locator('[data-status="SUCCEEDED"]')).waitFor(WAIT);
  await page.locator(`svg.graph g.node.state[data-state="${PARENT_MAP}"][data-status="succeeded"]`).waitFor(WAIT);
  await expect(page.locator('.summary tr', { hasText: 'Redrive count' }).locator('td').textContent()).resolves.toBe('1');
  await expect(executionStatus(target, executionArn)).resolves.toBe('SUCCEEDED');
});

it('live: a Map Run paced by an activity worker shows its counts growing without a reload; Stop aborts it', async () => {
  // Each child waits on an activity task that this test answers one at a time, so the run is in progress for as
  // long as the test needs, however fast or slow the machine is.
  const { activityArn } = await target.clients.sfn.send(new CreateActivityCommand({ name: 'console-live-worker' }));
  const stateMachineArn = await createStateMachine(target, 'console-live', {
    StartAt: 'Each order',
    States: {
      'Each order': {
        Type: 'Map',
        MaxConcurrency: 1,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Ask the worker',
          States: { 'Ask the worker': { Type: 'Task', Resource: activityArn, End: true } },
        },
        End: true,
      },
    },
  });
  const { executionArn } = await target.clients.sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify([1, 2, 3, 4, 5]) }));
  const answerOneTask = async () => {
    const task = await target.clients.sfn.send(new GetActivityTaskCommand({ activityArn, workerName: 'browser-test' }));
    await target.clients.sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: '{"done":true}' }));
  };

  await page.goto(at('execution', executionArn));
  await stateNode('Each order').and(page.locator('[data-status="running"]')).waitFor(WAIT);
  await page.goto(at('map-run', await mapRunOf(executionArn!)));
  const succeeded = page.locator('tr[data-counts="items"] td[data-count="succeeded"]');
  await answerOneTask();
  await succeeded.filter({ hasText: /^1$/ }).waitFor(WAIT);
  // The same page, refreshed by polling: the next answer shows without a reload.
  await answerOneTask();
  await succeeded.filter({ hasText: /^2$/ }).waitFor(WAIT);
  await browser.screenshot('map-run-live');

  await page.goto(at('execution', executionArn));
  await page.getByRole('button', { name: 'Stop' }).click();
  await summaryStatus().and(page.locator('[data-status="ABORTED"]')).waitFor(WAIT);
  await expect(executionStatus(target, executionArn!)).resolves.toBe('ABORTED');
});

it('a Parallel whose failed branch is caught: branches drawn nested, the Parallel coloured caught, the handler succeeded', async () => {
  const arn = await createStateMachine(target, 'caught-parallel', {
    StartAt: 'Both',
    States: {
      Both: {
        Type: 'Parallel',
        Branches: [
          { StartAt: 'Fine', States: { Fine: { Type: 'Pass', End: true } } },
          { StartAt: 'Broken', States: { Broken: { Type: 'Fail', Error: 'Oops', Cause: 'branch two broke' } } },
        ],
        Catch: [{ ErrorEquals: ['Oops'], Next: 'Handle' }],
        Next: 'Unreached',
      },
      Unreached: { Type: 'Succeed' },
      Handle: { Type: 'Pass', End: true },
    },
  });
  const started = await target.clients.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: '{}' }));
  await page.goto(at('execution', started.executionArn));
  await summaryStatus().and(page.locator('[data-status="SUCCEEDED"]')).waitFor(WAIT);
  await page.locator('svg.graph g.node.state[data-state="Handle"][data-status="succeeded"]').waitFor(WAIT);
  await expect(stateNode('Both').getAttribute('data-status')).resolves.toBe('caught');
  await expect(stateNode('Unreached').getAttribute('data-status')).resolves.toBe('not-run');
  await expect(page.locator('svg.graph .cluster text').allTextContents()).resolves.toEqual(['Branch 1', 'Branch 2']);
  await expect(page.locator('svg.graph .edge.catch text').textContent()).resolves.toBe('Catch Oops');
  await stateNode('Both').click();
  await expect(page.locator('.state-detail').textContent()).resolves.toContain('branch two broke');
  await browser.screenshot('caught-parallel');
});

it('XSS: a state named like markup and a payload of script are shown as text, never run', async () => {
  const evil = '<img src=x onerror="alert(1)">';
  const arn = await createStateMachine(target, 'xss-probe', {
    StartAt: evil,
    States: { [evil]: { Type: 'Pass', Next: 'Echo' }, Echo: { Type: 'Pass', End: true } },
  });
  const started = await target.clients.sfn.send(
    new StartExecutionCommand({ stateMachineArn: arn, input: JSON.stringify({ html: '<script>alert(2)</script>', img: evil }) }),
  );
  await page.goto(at('execution', started.executionArn));
  await summaryStatus().and(page.locator('[data-status="SUCCEEDED"]')).waitFor(WAIT);
  const node = stateNode(evil);
  await expect(node.locator('text.name').textContent()).resolves.toBe(evil);
  await expect(node.getAttribute('data-status')).resolves.toBe('succeeded');
  await node.click();
  await expect(page.locator('.state-detail h3').textContent()).resolves.toBe(evil);
  await expect(page.locator('.summary').textContent()).resolves.toContain('<script>alert(2)</script>');
  // Nothing was parsed as markup: no img or script element came from the data.
  await expect(page.locator('main img, main script').count()).resolves.toBe(0);
  await browser.screenshot('xss');
});

it('a history of 10,000+ events: the table shows 100 at a time and pages on; the graph still summarises it all', async () => {
  const arn = await createStateMachine(target, 'long-history', {
    StartAt: 'Each',
    States: { Each: { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { StartAt: 'Touch', States: { Touch: { Type: 'Pass', End: true } } }, End: true } },
  });
  const items = Array.from({ length: 2500 }, (_, i) => i);
  const started = await target.clients.sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: JSON.stringify({ items }) }));
  await page.goto(at('execution', started.executionArn));
  await summaryStatus().and(page.locator('[data-status="SUCCEEDED"]')).waitFor(WAIT);
  await page.locator('svg.graph g.node.state[data-state="Touch"][data-status="succeeded"]').waitFor(WAIT);
  await expect(page.locator('tr.event-row').count()).resolves.toBe(100);
  await page.getByRole('button', { name: 'Next ›' }).click();
  await page.locator('.events .toolbar', { hasText: 'events 101–200' }).waitFor(WAIT);
  await page.getByRole('combobox', { name: 'Event order' }).selectOption('desc');
  await page.locator('tr.event-row').first().filter({ hasText: 'ExecutionSucceeded' }).waitFor(WAIT);
  const lastId = Number(await page.locator('tr.event-row td').first().textContent());
  expect(lastId).toBeGreaterThan(10_000);
  await expect(page.locator('tr.event-row').count()).resolves.toBe(100);
  await stateNode('Touch').click();
  await expect(page.locator('.state-detail').textContent()).resolves.toContain('Entered2500');
});
