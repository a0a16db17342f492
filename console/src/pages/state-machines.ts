// The state machines list, and one state machine: its graph with the ASL beside it, its executions
// (status filter, name search, paged) and Start execution.
import { sfn, type StateMachine, type StateMachineItem } from '../api';
import { errorBox, h, link, pretty, time } from '../dom';
import { drawGraph } from '../graph';
import { graphModel } from '../graph-model';
import { poll } from '../poll';
import { startForm } from '../start-form';
import { executionList } from './execution-list';
import type { Page } from './page';

export const stateMachinesPage: Page = (root) => {
  const body = h('tbody');
  root.append(
    h('h1', {}, 'State machines'),
    h('table', { class: 'list' }, h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Type'), h('th', {}, 'Created'))), body),
  );
  const poller = poll(
    async () => {
      const machines = await allStateMachines();
      body.replaceChildren(
        ...machines.map((sm) =>
          h('tr', {}, h('td', {}, link('state-machine', sm.stateMachineArn, sm.name)), h('td', {}, sm.type), h('td', {}, time(sm.creationDate))),
        ),
      );
      if (machines.length === 0)
        body.append(h('tr', {}, h('td', { attrs: { colspan: '3' } }, 'No state machines yet: npm start (or npm run bootstrap) deploys the pipeline.')));
      return true;
    },
    5000,
    (err) => root.append(errorBox(err)),
  );
  return () => poller.stop();
};

async function allStateMachines(): Promise<StateMachineItem[]> {
  const all: StateMachineItem[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn<{ stateMachines: StateMachineItem[]; nextToken?: string }>('ListStateMachines', {
      maxResults: 1000,
      ...(nextToken ? { nextToken } : {}),
    });
    all.push(...page.stateMachines);
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

export const stateMachinePage: Page = (root, arn) => {
  let stopList = () => {};
  sfn<StateMachine>('DescribeStateMachine', { stateMachineArn: arn })
    .then((sm) => {
      const definition = JSON.parse(sm.definition) as object;
      const graph = drawGraph(graphModel(definition), () => {});
      const list = executionList({ stateMachineArn: arn }, sm.type);
      stopList = list.stop;
      root.append(
        h('h1', {}, sm.name),
        h('p', { class: 'muted' }, `${sm.type} · ${sm.stateMachineArn}`),
        sm.type === 'EXPRESS' ? expressNote() : '',
        startForm(arn),
        h('section', { class: 'definition' }, h('div', { class: 'graph-box' }, graph.element), h('pre', { class: 'json asl' }, pretty(sm.definition))),
        list.element,
      );
    })
    .catch((err: unknown) => root.append(errorBox(err)));
  return () => stopList();
};

export function expressNote(): HTMLElement {
  return h(
    'p',
    { class: 'note' },
    'AWS keeps no history for EXPRESS executions. This sandbox keeps the latest ones (SANDBOX_EXPRESS_HISTORIES, default 2,000), in memory only, and shows them here.',
  );
}
