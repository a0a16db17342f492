// An ASL definition as boxes and arrows: one node per state; Parallel branches and Map processors as nested
// clusters (each container has an entry node and a join node); Choice rules, Defaults and Catch edges
// labelled. Pure data: graph.ts lays it out and draws it.

export type NodeKind = 'state' | 'start' | 'end' | 'join';
export type EdgeKind = 'next' | 'choice' | 'default' | 'catch' | 'inner';

export interface GraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  /** The state's name (for clicks and statuses); absent for start/end/join. */
  readonly state?: string;
  readonly type?: string;
  readonly cluster?: string;
  readonly distributed?: boolean;
}

export interface GraphCluster {
  readonly id: string;
  readonly label: string;
  readonly parent?: string;
  readonly distributed?: boolean;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label?: string;
}

export interface GraphModel {
  readonly nodes: GraphNode[];
  readonly clusters: GraphCluster[];
  readonly edges: GraphEdge[];
}

interface AslState {
  readonly Type?: string;
  readonly Next?: string;
  readonly End?: boolean;
  readonly Default?: string;
  readonly Choices?: ReadonlyArray<{ readonly Next?: string; readonly Condition?: string; readonly Variable?: string }>;
  readonly Catch?: ReadonlyArray<{ readonly ErrorEquals?: readonly string[]; readonly Next?: string }>;
  readonly Branches?: readonly AslBlock[];
  readonly ItemProcessor?: AslBlock & { readonly ProcessorConfig?: { readonly Mode?: string; readonly ExecutionType?: string } };
  readonly Iterator?: AslBlock;
}

interface AslBlock {
  readonly StartAt?: string;
  readonly States?: Readonly<Record<string, AslState>>;
}

const stateId = (name: string) => `s:${name}`;

export function graphModel(definition: AslBlock): GraphModel {
  const model: GraphModel = { nodes: [], clusters: [], edges: [] };
  model.nodes.push({ id: 'start', kind: 'start', label: 'Start' }, { id: 'end', kind: 'end', label: 'End' });
  block(model, definition, { cluster: undefined, from: 'start', done: 'end' });
  return model;
}

interface Scope {
  readonly cluster: string | undefined;
  /** The node that enters this block (Start, or the container state's node). */
  readonly from: string;
  /** Where End states of this block lead. */
  readonly done: string;
}

function block(model: GraphModel, asl: AslBlock, scope: Scope): void {
  if (asl.StartAt !== undefined) model.edges.push({ from: scope.from, to: stateId(asl.StartAt), kind: scope.from === 'start' ? 'next' : 'inner' });
  for (const [name, state] of Object.entries(asl.States ?? {})) addState(model, name, state, scope);
}

function addState(model: GraphModel, name: string, state: AslState, scope: Scope): void {
  const processor = state.ItemProcessor ?? state.Iterator;
  const distributed = processor !== undefined && state.ItemProcessor?.ProcessorConfig?.Mode === 'DISTRIBUTED';
  const container = state.Type === 'Parallel' || (state.Type === 'Map' && processor !== undefined);
  const cluster = container ? `c:${name}` : undefined;
  if (cluster) model.clusters.push({ id: cluster, label: '', parent: scope.cluster, distributed });
  const label = distributed ? `${state.Type} (distributed)` : (state.Type ?? '?');
  model.nodes.push({ id: stateId(name), kind: 'state', label, state: name, type: state.Type, cluster: cluster ?? scope.cluster, distributed });
  const exit = cluster ? `j:${name}` : stateId(name);
  if (cluster) {
    model.nodes.push({ id: exit, kind: 'join', label: '', cluster });
    const branches = state.Type === 'Parallel' ? (state.Branches ?? []) : [processor as AslBlock];
    branches.forEach((branch, i) => {
      const inner = `${cluster}:${i}`;
      const title =
        state.Type === 'Parallel'
          ? `Branch ${i + 1}`
          : distributed
            ? `Item processor: child executions (${state.ItemProcessor?.ProcessorConfig?.ExecutionType ?? 'STANDARD'})`
            : 'Item processor';
      model.clusters.push({ id: inner, label: title, parent: cluster, distributed });
      block(model, branch, { cluster: inner, from: stateId(name), done: exit });
    });
  }
  outgoing(model, state, exit, scope);
}

function outgoing(model: GraphModel, state: AslState, exit: string, scope: Scope): void {
  if (state.Next !== undefined) model.edges.push({ from: exit, to: stateId(state.Next), kind: 'next' });
  if (state.End === true || state.Type === 'Succeed' || state.Type === 'Fail') model.edges.push({ from: exit, to: scope.done, kind: 'next' });
  (state.Choices ?? []).forEach((rule, i) => {
    if (rule.Next !== undefined) model.edges.push({ from: exit, to: stateId(rule.Next), kind: 'choice', label: ruleLabel(rule, i) });
  });
  if (state.Default !== undefined) model.edges.push({ from: exit, to: stateId(state.Default), kind: 'default', label: 'Default' });
  for (const catcher of state.Catch ?? []) {
    if (catcher.Next !== undefined)
      model.edges.push({ from: exit, to: stateId(catcher.Next), kind: 'catch', label: `Catch ${(catcher.ErrorEquals ?? []).join(', ')}` });
  }
}

function ruleLabel(rule: { readonly Condition?: string; readonly Variable?: string }, i: number): string {
  const text = rule.Condition ?? rule.Variable ?? `Rule ${i + 1}`;
  const plain = text.replace(/^\{%\s*|\s*%\}$/g, '');
  return plain.length > 40 ? `${plain.slice(0, 39)}…` : plain;
}
