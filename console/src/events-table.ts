// The event table: GetExecutionHistory one page (100 events) at a time, oldest or newest first; a row
// opens its details. Only the current page is in the DOM.
import { historyPage, type HistoryEvent } from './api';
import { errorBox, h, time } from './dom';
import type { HistoryFold } from './history-fold';

export interface EventsTable {
  readonly element: HTMLElement;
  /** Re-reads the current page (while the execution runs). */
  refresh(): Promise<void>;
}

const PAGE = 100;

export function eventsTable(executionArn: string, fold: HistoryFold): EventsTable {
  const body = h('tbody');
  const pageLabel = h('span', { class: 'muted' });
  const problem = h('div');
  /** Token of each page shown so far: tokens[i] reads page i. */
  let tokens: Array<string | undefined> = [undefined];
  let index = 0;
  let next: string | undefined;
  let reverse = false;
  const prev = h('button', { onClick: () => void show(index - 1) }, '‹ Previous');
  const nextButton = h('button', { onClick: () => void show(index + 1) }, 'Next ›');
  const order = h(
    'select',
    { attrs: { 'aria-label': 'Event order' } },
    h('option', { attrs: { value: 'asc' } }, 'Oldest first'),
    h('option', { attrs: { value: 'desc' } }, 'Newest first'),
  );
  order.addEventListener('change', () => {
    reverse = order.value === 'desc';
    tokens = [undefined];
    void show(0);
  });

  async function show(i: number): Promise<void> {
    if (i < 0 || (i > index && next === undefined)) return;
    if (i > index) tokens[i] = next;
    try {
      const page = await historyPage(executionArn, { nextToken: tokens[i], reverseOrder: reverse, maxResults: PAGE });
      index = i;
      next = page.nextToken;
      body.replaceChildren(...page.events.flatMap((event) => eventRows(event, fold)));
      pageLabel.textContent = page.events.length ? `events ${page.events[0].id}–${page.events[page.events.length - 1].id}` : 'no events';
      prev.disabled = index === 0;
      nextButton.disabled = next === undefined;
      problem.replaceChildren();
    } catch (err) {
      problem.replaceChildren(errorBox(err));
    }
  }

  const element = h(
    'section',
    { class: 'events' },
    h('h2', {}, 'Events'),
    h('div', { class: 'toolbar' }, order, prev, nextButton, pageLabel),
    problem,
    h(
      'table',
      { class: 'list events-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'ID'), h('th', {}, 'Type'), h('th', {}, 'Step'), h('th', {}, 'Time'))),
      body,
    ),
  );
  return { element, refresh: () => show(index) };
}

function eventRows(event: HistoryEvent, fold: HistoryFold): HTMLElement[] {
  const detail = h(
    'tr',
    { class: 'event-detail', attrs: { hidden: '' } },
    h('td', { attrs: { colspan: '4' } }, h('pre', { class: 'json' }, JSON.stringify(event, null, 2))),
  );
  const row = h(
    'tr',
    { class: `event-row${/Failed|TimedOut|Aborted/.test(event.type) ? ' failure' : ''}`, onClick: () => detail.toggleAttribute('hidden') },
    h('td', {}, event.id),
    h('td', {}, event.type),
    h('td', {}, stepOf(event) ?? fold.stateOf(event.id) ?? ''),
    h('td', {}, time(event.timestamp)),
  );
  return [row, detail];
}

function stepOf(event: HistoryEvent): string | undefined {
  const details = (event.stateEnteredEventDetails ?? event.stateExitedEventDetails) as { name?: string } | undefined;
  return details?.name;
}
