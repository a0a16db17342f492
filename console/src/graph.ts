// Draws a GraphModel laid out by graph-layout.ts (dagre) as SVG built node by node; state names are text
// nodes, never markup.
import { svg } from './dom';
import { layoutGraph, type Box } from './graph-layout';
import type { StateStatus } from './history-fold';
import type { GraphEdge, GraphModel, GraphNode } from './graph-model';

export interface DrawnGraph {
  readonly element: SVGSVGElement;
  /** Colours every state; states missing from `status` are not run. */
  setStatuses(status: (state: string) => StateStatus | undefined): void;
  select(state: string | undefined): void;
}

export function drawGraph(model: GraphModel, onSelect: (state: string) => void): DrawnGraph {
  const g = layoutGraph(model);
  const info = g.graph() as { width?: number; height?: number };
  const width = Math.ceil(info.width ?? 200);
  const height = Math.ceil(info.height ?? 200);
  const root = svg('svg', { class: 'graph', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'State machine graph' });
  root.appendChild(arrowMarker());
  const clusterLayer = svg('g', { class: 'clusters' });
  const edgeLayer = svg('g', { class: 'edges' });
  const nodeLayer = svg('g', { class: 'nodes' });
  root.append(clusterLayer, edgeLayer, nodeLayer);
  for (const cluster of model.clusters) {
    const box = g.node(cluster.id) as { x: number; y: number; width: number; height: number };
    const cls = `cluster${cluster.distributed ? ' distributed' : ''}${cluster.label === '' ? ' container' : ''}`;
    clusterLayer.appendChild(
      svg(
        'g',
        { class: cls },
        svg('rect', { x: box.x - box.width / 2, y: box.y - box.height / 2, width: box.width, height: box.height, rx: 6 }),
        cluster.label ? svg('text', { x: box.x - box.width / 2 + 8, y: box.y - box.height / 2 + 14 }, cluster.label) : null,
      ),
    );
  }
  model.edges.forEach((edge, i) => edgeLayer.appendChild(drawEdge(edge, g.edge({ v: edge.from, w: edge.to, name: `e${i}` }) as EdgeLayout)));
  const stateNodes = new Map<string, SVGGElement>();
  for (const node of model.nodes) {
    const drawn = drawNode(node, g.node(node.id) as Box);
    nodeLayer.appendChild(drawn);
    if (node.state !== undefined) {
      const state = node.state;
      stateNodes.set(state, drawn);
      drawn.addEventListener('click', () => onSelect(state));
    }
  }
  return {
    element: root,
    setStatuses(status) {
      for (const [state, el] of stateNodes) el.setAttribute('data-status', status(state) ?? 'not-run');
    },
    select(state) {
      for (const [name, el] of stateNodes) el.classList.toggle('selected', name === state);
    },
  };
}

interface EdgeLayout {
  readonly points: ReadonlyArray<{ x: number; y: number }>;
  readonly x?: number;
  readonly y?: number;
}

function drawNode(node: GraphNode, box: Box): SVGGElement {
  const x = box.x - box.width / 2;
  const y = box.y - box.height / 2;
  if (node.kind === 'join') return svg('g', { class: 'node join' }, svg('circle', { cx: box.x, cy: box.y, r: 5 }));
  if (node.kind !== 'state') {
    return svg(
      'g',
      { class: `node terminal ${node.kind}` },
      svg('rect', { x, y, width: box.width, height: box.height, rx: 14 }),
      svg('text', { x: box.x, y: box.y + 4, 'text-anchor': 'middle' }, node.label),
    );
  }
  const name = node.state ?? '';
  const shown = name.length > 34 ? `${name.slice(0, 33)}…` : name;
  return svg(
    'g',
    { class: `node state${node.distributed ? ' distributed' : ''}`, 'data-state': name, 'data-status': 'not-run', tabindex: 0 },
    svg('title', {}, `${name} (${node.label})`),
    svg('rect', { x, y, width: box.width, height: box.height, rx: 5 }),
    svg('text', { class: 'name', x: box.x, y: box.y - 2, 'text-anchor': 'middle' }, shown),
    svg('text', { class: 'type', x: box.x, y: box.y + 13, 'text-anchor': 'middle' }, node.label),
  );
}

function drawEdge(edge: GraphEdge, layout: EdgeLayout): SVGGElement {
  const d = layout.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const group = svg('g', { class: `edge ${edge.kind}` }, svg('path', { d, 'marker-end': 'url(#arrow)' }));
  if (edge.label && layout.x !== undefined && layout.y !== undefined) {
    group.appendChild(svg('text', { x: layout.x, y: layout.y + 4, 'text-anchor': 'middle' }, edge.label));
  }
  return group;
}

function arrowMarker(): SVGDefsElement {
  return svg(
    'defs',
    {},
    svg(
      'marker',
      { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
      svg('path', { d: 'M0,0 L10,5 L0,10 z' }),
    ),
  );
}
