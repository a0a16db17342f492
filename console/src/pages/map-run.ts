// A Map Run: item and child-execution counts refreshed while it runs, its tolerated-failure settings, its
// child executions (EXPRESS ones open from the sandbox's kept histories), and the failed rows read from the
// ResultWriter's FAILED_n.json files (CSV row, error and cause), 100 at a time.
import { isExpressArn, sfn, type Counts, type MapRun } from '../api';
import { badge, errorBox, facts, h, link, time } from '../dom';
import { poll } from '../poll';
import { arnTail } from './execution';
import { showFailedRows } from './failed-rows';
import type { Page } from './page';
import { executionList } from './execution-list';
import { expressNote } from './state-machines';

const COUNT_KEYS: ReadonlyArray<keyof Counts> = ['pending', 'running', 'succeeded', 'failed', 'timedOut', 'aborted', 'total', 'resultsWritten'];

export const mapRunPage: Page = (root, arn) => {
  const header = h('div');
  const counts = h('section', { class: 'counts' });
  const failedRows = h(
    'section',
    { class: 'failed-rows' },
    h('h2', {}, 'Failed rows'),
    h('p', { class: 'muted' }, 'Read from the ResultWriter’s FAILED files once the Map Run has ended.'),
  );
  const problem = h('div');
  let children: { element: HTMLElement; stop(): void } | undefined;
  // `…:mapRun:<state machine>/<label>:<id>`: the label says which Map state ran it.
  const title = arn.slice(arn.indexOf(':mapRun:') + ':mapRun:'.length);
  root.append(h('h1', {}, h('span', { class: 'muted' }, 'Map Run '), title), problem, header, counts);
  const poller = poll(
    async () => {
      const run = await sfn<MapRun>('DescribeMapRun', { mapRunArn: arn });
      header.replaceChildren(settingsOf(run));
      counts.replaceChildren(countsOf(run));
      if (!children) {
        const type = await childType(arn);
        children = executionList({ mapRunArn: arn }, 'STANDARD', 'Child executions');
        root.append(children.element, type === 'EXPRESS' ? expressNote() : '', failedRows);
      }
      const running = run.status === 'RUNNING';
      if (!running) await showFailedRows(arn, failedRows);
      problem.replaceChildren();
      return running;
    },
    1000,
    (err) => problem.replaceChildren(errorBox(err)),
  );
  return () => {
    poller.stop();
    children?.stop();
  };
};

/** EXPRESS children have `express:` ARNs; one listed child tells. */
async function childType(mapRunArn: string): Promise<'STANDARD' | 'EXPRESS'> {
  const page = await sfn<{ executions: Array<{ executionArn: string }> }>('ListExecutions', { mapRunArn, maxResults: 1 });
  return page.executions.some((e) => isExpressArn(e.executionArn)) ? 'EXPRESS' : 'STANDARD';
}

function settingsOf(run: MapRun): HTMLElement {
  return facts([
    ['Status', badge(run.status)],
    ['Parent execution', link('execution', run.executionArn, arnTail(run.executionArn))],
    ['Started', time(run.startDate)],
    ['Stopped', time(run.stopDate)],
    ['Max concurrency', run.maxConcurrency === 0 ? '0 (no limit set: up to 10,000 at once)' : String(run.maxConcurrency)],
    ['Tolerated failure percentage', `${run.toleratedFailurePercentage}%`],
    ['Tolerated failure count', String(run.toleratedFailureCount)],
    ['Redrive count', String(run.redriveCount ?? 0)],
  ]);
}

function countsOf(run: MapRun): HTMLElement {
  const done = run.itemCounts.succeeded + run.itemCounts.failed + run.itemCounts.timedOut + run.itemCounts.aborted;
  const total = run.itemCounts.total;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return h(
    'div',
    {},
    h('h2', {}, 'Progress'),
    h('progress', { class: 'progress', attrs: { max: '100', value: String(percent), 'aria-label': 'Items processed' } }),
    h('p', { class: 'progress-text' }, `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} items processed`),
    h(
      'table',
      { class: 'list counts-table' },
      h('thead', {}, h('tr', {}, h('th', {}, ''), ...COUNT_KEYS.map((k) => h('th', {}, label(k))))),
      h('tbody', {}, countRow('Items', 'items', run.itemCounts), countRow('Child executions', 'executions', run.executionCounts)),
    ),
  );
}

function countRow(title: string, kind: string, counts: Counts): HTMLElement {
  return h(
    'tr',
    { attrs: { 'data-counts': kind } },
    h('th', {}, title),
    ...COUNT_KEYS.map((k) => h('td', { attrs: { 'data-count': k } }, counts[k].toLocaleString('en-US'))),
  );
}

function label(key: keyof Counts): string {
  return key === 'timedOut' ? 'Timed out' : key === 'resultsWritten' ? 'Results written' : key[0].toUpperCase() + key.slice(1);
}
