// One execution: summary, actions (Stop, Redrive, Start again), the graph coloured by what each state did,
// the selected state's input/output/variables/error/retries, its Map Runs, and the paged event table.
// While it runs, everything refreshes by polling; new history events are read newest first down to the
// last one already folded, so a long history is read once.
import { definitionFor, describeExecution, historyPage, isExpressArn, sfn, type Execution, type HistoryEvent, type MapRunItem } from '../api';
import { badge, duration, errorBox, facts, h, link, pre, pretty, route, time } from '../dom';
import { eventsTable } from '../events-table';
import { drawGraph, type DrawnGraph } from '../graph';
import { graphModel } from '../graph-model';
import { HistoryFold, type StateInfo } from '../history-fold';
import { poll } from '../poll';
import { startForm } from '../start-form';
import type { Page } from './page';
import { expressNote } from './state-machines';

const LEGEND: ReadonlyArray<readonly [string, string]> = [
  ['succeeded', 'Succeeded'],
  ['failed', 'Failed'],
  ['caught', 'Caught error'],
  ['running', 'In progress'],
  ['not-run', 'Not run'],
];

export const executionPage: Page = (root, arn) => {
  const express = isExpressArn(arn);
  const fold = new HistoryFold();
  const summary = h('section', { class: 'summary' });
  const actions = h('div', { class: 'actions' });
  const problem = h('div');
  const detail = h('aside', { class: 'state-detail' }, h('p', { class: 'muted' }, 'Click a state to see its input, output, variables, error and retries.'));
  const graphBox = h('div', { class: 'graph-box' });
  const mapRuns = h('section', { class: 'map-runs' });
  const table = eventsTable(arn, fold);
  let graph: DrawnGraph | undefined;
  let selected: string | undefined;
  let execution: Execution | undefined;
  let definitionShown = false;
  let shownStatus: string | undefined;
  root.append(
    h('h1', {}, h('span', { class: 'muted' }, 'Execution '), h('span', { class: 'execution-name' }, arnTail(arn))),
    express ? expressNote() : '',
    actions,
    problem,
    summary,
    mapRuns,
    h('section', { class: 'graph-section' }, h('h2', {}, 'Graph'), legend(), h('div', { class: 'graph-and-detail' }, graphBox, detail)),
    table.element,
  );

  const showState = (name: string) => {
    selected = name;
    graph?.select(name);
    detail.replaceChildren(...stateDetail(name, fold.states.get(name), fold.status(name, execution?.status === 'RUNNING')));
  };

  const refresh = async (): Promise<boolean> => {
    execution = await describeExecution(arn);
    const running = execution.status === 'RUNNING';
    if (!definitionShown) {
      definitionShown = true;
      const sm = await definitionFor(execution);
      graph = drawGraph(graphModel(JSON.parse(sm.definition) as object), showState);
      graphBox.replaceChildren(graph.element);
    }
    await readNewEvents(arn, fold);
    summary.replaceChildren(summaryOf(execution));
    // Rebuilt only when the status changes, so an open Start form is not reset by each refresh.
    if (execution.status !== shownStatus) {
      shownStatus = execution.status;
      actions.replaceChildren(...actionsFor(execution, express, () => restart()));
    }
    if (!express) await showMapRuns(arn, mapRuns);
    graph?.setStatuses((state) => fold.status(state, running));
    if (selected) showState(selected);
    await table.refresh();
    problem.replaceChildren();
    return running;
  };
  let poller = poll(refresh, 1500, (err) => problem.replaceChildren(errorBox(err)));
  // A redrive or a stop changes the execution again: poll anew.
  function restart(): void {
    poller.stop();
    poller = poll(refresh, 1500, (err) => problem.replaceChildren(errorBox(err)));
  }
  return () => poller.stop();
};

/** Reads the events after fold.lastId: newest first, page by page, until an event already folded. */
async function readNewEvents(arn: string, fold: HistoryFold): Promise<void> {
  const fresh: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await historyPage(arn, { reverseOrder: true, maxResults: 1000, nextToken });
    const newer = page.events.filter((e) => e.id > fold.lastId);
    for (const e of newer) fresh.push(e);
    nextToken = newer.length === page.events.length ? page.nextToken : undefined;
  } while (nextToken);
  fold.add(fresh.reverse());
}

function summaryOf(e: Execution): HTMLElement {
  return h(
    'div',
    { class: 'summary-grid' },
    facts([
      ['Status', badge(e.status)],
      ['Name', e.name],
      ['ARN', e.executionArn],
      ['State machine', link('state-machine', e.stateMachineArn, e.stateMachineArn.split(':').pop() ?? e.stateMachineArn)],
      ['Started', time(e.startDate)],
      ['Stopped', time(e.stopDate)],
      ['Duration', duration(e.startDate, e.stopDate)],
      ['Redrive count', String(e.redriveCount ?? 0)],
      ['Map Run', e.mapRunArn ? link('map-run', e.mapRunArn, arnTail(e.mapRunArn)) : '—'],
      ['Error', e.error ? h('span', { class: 'error-text' }, e.error) : '—'],
      ['Cause', e.cause ? pre(pretty(e.cause), 'json cause') : '—'],
    ]),
    h('div', { class: 'io' }, h('h3', {}, 'Input'), pre(pretty(e.input)), h('h3', {}, 'Output'), pre(e.output === undefined ? '' : pretty(e.output))),
  );
}

function actionsFor(e: Execution, express: boolean, changed: () => void): HTMLElement[] {
  if (express) return [];
  const status = h('span', { class: 'form-status' });
  const act = (label: string, action: string, body: object) => {
    const button: HTMLButtonElement = h(
      'button',
      {
        class: 'action',
        onClick: () => {
          button.disabled = true;
          sfn(action, body)
            .then(() => {
              status.textContent = `${label}: requested`;
              changed();
            })
            .catch((err: unknown) => status.replaceChildren(errorBox(err)))
            .finally(() => (button.disabled = false));
        },
      },
      label,
    );
    return button;
  };
  const buttons: HTMLElement[] = [];
  if (e.status === 'RUNNING') buttons.push(act('Stop', 'StopExecution', { executionArn: e.executionArn }));
  if (['FAILED', 'ABORTED', 'TIMED_OUT'].includes(e.status) && !e.mapRunArn) buttons.push(act('Redrive', 'RedriveExecution', { executionArn: e.executionArn }));
  if (!e.mapRunArn) buttons.push(startForm(e.stateMachineArn, e.input ?? '{}'));
  return [...buttons, status];
}

/** The execution's Map Runs; redrawn only when one is added, so a link stays put while the page refreshes. */
async function showMapRuns(executionArn: string, section: HTMLElement): Promise<void> {
  const out = await sfn<{ mapRuns: MapRunItem[] }>('ListMapRuns', { executionArn, maxResults: 100 });
  const key = out.mapRuns.map((run) => run.mapRunArn).join(' ');
  if (section.dataset.shown === key) return;
  section.dataset.shown = key;
  if (out.mapRuns.length === 0) return void section.replaceChildren();
  section.replaceChildren(
    h('h2', {}, 'Map Runs'),
    h(
      'ul',
      {},
      ...out.mapRuns.map((run) => h('li', {}, link('map-run', run.mapRunArn, arnTail(run.mapRunArn)), ' ', h('span', { class: 'muted' }, time(run.startDate)))),
    ),
  );
}

function stateDetail(name: string, info: StateInfo | undefined, status: string): HTMLElement[] {
  const rows: HTMLElement[] = [
    h('h3', {}, name),
    h('p', {}, 'Status: ', h('span', { class: `badge state-${status}`, attrs: { 'data-state-status': status } }, status)),
  ];
  if (!info) return [...rows, h('p', { class: 'muted' }, 'This state did not run in this execution (or runs in child executions: see the Map Run).')];
  rows.push(
    facts([
      ['Entered', String(info.entered)],
      ['Exited', String(info.exited)],
      ['Retries', String(info.retries)],
      ['Error', info.error ?? '—'],
    ]),
  );
  if (info.cause !== undefined) rows.push(h('h4', {}, 'Cause'), pre(pretty(info.cause)));
  rows.push(h('h4', {}, 'Input'), pre(pretty(info.input)), h('h4', {}, 'Output'), pre(pretty(info.output)));
  if (info.variables)
    rows.push(
      h('h4', {}, 'Variables assigned'),
      pre(JSON.stringify(Object.fromEntries(Object.entries(info.variables).map(([k, v]) => [k, tryParse(v)])), null, 2)),
    );
  const linked = linkedExecutions(`${info.input ?? ''} ${info.output ?? ''} ${info.cause ?? ''}`);
  if (linked.length)
    rows.push(h('h4', {}, 'Executions it started'), h('ul', {}, ...linked.map((a) => h('li', {}, h('a', { href: route('execution', a) }, arnTail(a))))));
  return rows;
}

/** Execution ARNs mentioned in a state's data (e.g. the child a startSyncExecution Task ran). */
function linkedExecutions(text: string): string[] {
  const found = text.match(/arn:aws[a-z-]*:states:[a-z0-9-]*:\d*:(?:execution|express):[^"\s\\,}]+/g) ?? [];
  return [...new Set(found)].slice(0, 20);
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function legend(): HTMLElement {
  return h('div', { class: 'legend' }, ...LEGEND.map(([status, label]) => h('span', { class: `legend-item state-${status}` }, label)));
}

export function arnTail(arn: string): string {
  const parts = arn.split(':');
  return arn.includes(':express:') ? parts[parts.length - 2] : (parts.pop() ?? arn);
}
