// The console's router: `#/` state machines, `#/state-machine/<arn>`, `#/execution/<arn>`, `#/map-run/<arn>`.
// Each page polls while shown and stops when another page replaces it.
import { h } from './dom';
import { executionPage } from './pages/execution';
import { mapRunPage } from './pages/map-run';
import type { Page } from './pages/page';
import { stateMachinePage, stateMachinesPage } from './pages/state-machines';

const PAGES: Readonly<Record<string, Page>> = {
  '': stateMachinesPage,
  'state-machine': stateMachinePage,
  execution: executionPage,
  'map-run': mapRunPage,
};

let stop: (() => void) | undefined;

function render(): void {
  stop?.();
  const app = document.getElementById('app') as HTMLElement;
  const match = /^#\/([a-z-]*)(?:\/(.*))?$/.exec(location.hash) ?? ['', '', undefined];
  const [, name, arn] = match;
  const page = Object.hasOwn(PAGES, name) ? PAGES[name] : undefined;
  const root = h('div', { class: `page page-${name || 'home'}` });
  app.replaceChildren(root);
  if (!page || (name !== '' && !arn)) {
    root.append(h('h1', {}, 'Not found'), h('p', {}, 'No such page: '), h('code', {}, location.hash), h('p', {}, h('a', { href: '#/' }, 'State machines')));
    stop = undefined;
    return;
  }
  stop = page(root, arn === undefined ? '' : decodeURIComponent(arn));
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', render);
render();
