// Lays out a GraphModel with dagre: a compound graph, clusters for Parallel branches and Map processors. Pure
// (no DOM), so it can be checked outside a browser; graph.ts draws the result.
import dagre, { type graphlib } from '@dagrejs/dagre';
import type { GraphModel, GraphNode } from './graph-model';

const CHAR_WIDTH = 7.2;
const NODE_HEIGHT = 44;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export function layoutGraph(model: GraphModel): graphlib.Graph {
  const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 36, edgesep: 12, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const cluster of model.clusters) {
    g.setNode(cluster.id, { label: cluster.label, paddingTop: 24 });
    if (cluster.parent) g.setParent(cluster.id, cluster.parent);
  }
  for (const node of model.nodes) {
    g.setNode(node.id, sizeOf(node));
    if (node.cluster) g.setParent(node.id, node.cluster);
  }
  model.edges.forEach((edge, i) => {
    const label = edge.label ? { label: edge.label, width: Math.min(40, edge.label.length) * 6 + 8, height: 14, labelpos: 'c' as const } : {};
    g.setEdge(edge.from, edge.to, { ...label, minlen: 1 }, `e${i}`);
  });
  // Crossing minimisation may swap sibling clusters when the crossings tie: Branch 2 would then be drawn left of
  // Branch 1. Ordering constraints between siblings keep them in definition order, left to right.
  dagre.layout(g, { constraints: siblingOrder(model) });
  return g;
}

/** `left` before `right` for each pair of consecutive clusters with the same parent (a Parallel's branches). */
export function siblingOrder(model: GraphModel): Array<{ left: string; right: string }> {
  const last = new Map<string, string>();
  const pairs: Array<{ left: string; right: string }> = [];
  for (const cluster of model.clusters) {
    if (cluster.parent === undefined) continue;
    const previous = last.get(cluster.parent);
    if (previous !== undefined) pairs.push({ left: previous, right: cluster.id });
    last.set(cluster.parent, cluster.id);
  }
  return pairs;
}

function sizeOf(node: GraphNode): { width: number; height: number } {
  if (node.kind === 'join') return { width: 14, height: 14 };
  if (node.kind !== 'state') return { width: 64, height: 28 };
  const chars = Math.min(34, Math.max((node.state ?? '').length, node.label.length));
  return { width: Math.max(120, chars * CHAR_WIDTH + 28), height: NODE_HEIGHT };
}
