// Builds DOM nodes with text children only: every name and payload becomes a text node (never markup),
// so a state named `<img src=x onerror=alert(1)>` is shown as those characters.
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly title?: string;
  /** Only routes this console builds (`#/...`). */
  readonly href?: string;
  readonly onClick?: (event: MouseEvent) => void;
  readonly attrs?: Readonly<Record<string, string>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.title !== undefined) el.title = props.title;
  if (props.href !== undefined) el.setAttribute('href', props.href);
  if (props.onClick) el.addEventListener('click', props.onClick as EventListener);
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string | number>> = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  append(el, children);
  return el;
}

/** `#/execution/<arn>` and friends: ARNs are URI-encoded so they survive the hash. */
export function route(page: string, arn?: string): string {
  return arn === undefined ? `#/${page}` : `#/${page}/${encodeURIComponent(arn)}`;
}

export function link(page: string, arn: string, text: string): HTMLAnchorElement {
  return h('a', { href: route(page, arn), title: arn }, text);
}

export function badge(status: string): HTMLSpanElement {
  return h('span', { class: `badge status-${status.toLowerCase()}`, attrs: { 'data-status': status } }, status);
}

/** A JSON text pretty-printed when it parses, verbatim otherwise. */
export function pretty(text: string | undefined): string {
  if (text === undefined) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function pre(text: string | undefined, cls = 'json'): HTMLPreElement {
  return h('pre', { class: cls }, text ?? '');
}

export function time(epochSeconds: number | undefined): string {
  return epochSeconds === undefined ? '—' : new Date(epochSeconds * 1000).toISOString().replace('T', ' ').replace('Z', ' UTC');
}

export function duration(start: number | undefined, stop: number | undefined): string {
  if (start === undefined) return '—';
  const ms = Math.max(0, ((stop ?? Date.now() / 1000) - start) * 1000);
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A two-column table of labelled values. */
export function facts(rows: ReadonlyArray<readonly [string, Child]>): HTMLTableElement {
  return h('table', { class: 'facts' }, ...rows.map(([label, value]) => h('tr', {}, h('th', {}, label), h('td', {}, value))));
}

export function errorBox(err: unknown): HTMLDivElement {
  return h(
    'div',
    { class: 'error-box', attrs: { role: 'alert' } },
    err instanceof Error ? `${err.name === 'ApiError' ? '' : `${err.name}: `}${err.message}` : String(err),
  );
}
