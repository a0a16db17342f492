// A list of executions (of a state machine or a Map Run), newest first, 100 per page, with a status filter
// and a name search, refreshed while shown.
import { listExecutions, type Execution } from '../api';
import { badge, errorBox, h, link, time } from '../dom';
import { poll } from '../poll';

const STATUSES = ['', 'RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];

/** Executions of a state machine or a Map Run, newest first, 100 per page, refreshed while shown. */
export function executionList(
  owner: { stateMachineArn: string } | { mapRunArn: string },
  type: 'STANDARD' | 'EXPRESS',
  title = 'Executions',
): { element: HTMLElement; stop(): void } {
  const status = h('select', { attrs: { 'aria-label': 'Status filter' } }, ...STATUSES.map((s) => h('option', { attrs: { value: s } }, s || 'Any status')));
  const search = h('input', { attrs: { type: 'search', placeholder: 'Search by name', 'aria-label': 'Search by name' } });
  const body = h('tbody');
  const more = h('button', { onClick: () => void load(false) }, 'Load more');
  const counter = h('span', { class: 'muted' });
  const problem = h('div');
  let loaded: Execution[] = [];
  let nextToken: string | undefined;
  /** Set once "Load more" read past the first page: a refresh then keeps that page's token. */
  let pagedOn = false;

  async function load(fresh: boolean): Promise<void> {
    const page = await listExecutions(owner, type, { statusFilter: status.value || undefined, nextToken: fresh ? undefined : nextToken });
    // A refresh re-reads the first page, and keeps what "Load more" read beyond it.
    loaded = !fresh ? [...loaded, ...page.executions] : pagedOn ? mergeNewest(page.executions, loaded) : page.executions;
    if (!fresh || !pagedOn) nextToken = page.nextToken;
    if (!fresh) pagedOn = true;
    render();
  }

  const rows = new RowCache();

  function render(): void {
    const needle = search.value.trim().toLowerCase();
    const shown = needle ? loaded.filter((e) => e.name.toLowerCase().includes(needle)) : loaded;
    rows.show(body, shown);
    more.hidden = nextToken === undefined;
    counter.textContent = `${shown.length} shown of ${loaded.length} loaded${nextToken ? ' (more on the server)' : ''}`;
  }

  status.addEventListener('change', () => {
    loaded = [];
    nextToken = undefined;
    pagedOn = false;
    void load(true).catch(show);
  });
  search.addEventListener('input', render);
  const show = (err: unknown) => problem.replaceChildren(errorBox(err));
  const poller = poll(
    async () => {
      await load(true);
      problem.replaceChildren();
      return true;
    },
    2000,
    show,
  );
  const element = h(
    'section',
    { class: 'executions' },
    h('h2', {}, title),
    h('div', { class: 'toolbar' }, status, search, counter),
    problem,
    h(
      'table',
      { class: 'list' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Status'), h('th', {}, 'Items'), h('th', {}, 'Started'), h('th', {}, 'Stopped'))),
      body,
    ),
    more,
  );
  return { element, stop: () => poller.stop() };
}

/**
 * One row per execution, kept across refreshes: a refresh updates the cells that changed and moves rows only
 * when the order changed, so a link is never replaced under the pointer while the list updates.
 */
class RowCache {
  private readonly rows = new Map<string, { readonly row: HTMLElement; readonly status: HTMLElement; readonly stop: HTMLElement; key: string }>();

  show(body: HTMLElement, executions: readonly Execution[]): void {
    const wanted = executions.map((e) => this.row(e));
    const same = wanted.length === body.children.length && wanted.every((row, i) => body.children[i] === row);
    if (!same) body.replaceChildren(...wanted);
  }

  private row(e: Execution): HTMLElement {
    const key = `${e.status}|${e.stopDate ?? ''}`;
    const known = this.rows.get(e.executionArn);
    if (known) {
      if (known.key !== key) {
        known.key = key;
        known.status.replaceChildren(badge(e.status));
        known.stop.textContent = time(e.stopDate);
      }
      return known.row;
    }
    const status = h('td', {}, badge(e.status));
    const stop = h('td', {}, time(e.stopDate));
    const row = h(
      'tr',
      { attrs: { 'data-execution': e.executionArn } },
      h('td', {}, link('execution', e.executionArn, e.name)),
      status,
      h('td', {}, e.itemCount ?? ''),
      h('td', {}, time(e.startDate)),
      stop,
    );
    this.rows.set(e.executionArn, { row, status, stop, key });
    return row;
  }
}

/** The fresh first page, then the older executions loaded before that it does not repeat. */
function mergeNewest(first: Execution[], loaded: Execution[]): Execution[] {
  const seen = new Set(first.map((e) => e.executionArn));
  return [...first, ...loaded.filter((e) => !seen.has(e.executionArn))];
}
