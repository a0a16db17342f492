// State machine versions and aliases: `<sm arn>:<n>` is a published, immutable version; `<sm arn>:<name>` an
// alias routing executions to one or two versions by weight. Version numbers only grow, also after a deletion
// (recorded: publishing after deleting :2 of 1..2 gives :3).
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-version.html
// https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html
import type { RoutingConfigurationListItem } from '@aws-sdk/client-sfn';
import { parseStatesArn } from './arns';
import { StateMachineDoesNotExist } from './errors';
import type { OperationContext } from './operation';
import { sameSettings } from './settings';
import type { StateMachineAliasRecord, StateMachineRecord, StateMachineRevision, StateMachineVersionRecord } from '../store/store';

export type Qualified =
  | { readonly kind: 'unqualified'; readonly stateMachineArn: string }
  | { readonly kind: 'version'; readonly stateMachineArn: string; readonly version: number }
  | { readonly kind: 'alias'; readonly stateMachineArn: string; readonly name: string };

/** Splits `…:stateMachine:<name>[:<version>|:<alias>]` after checking it is a state machine ARN. */
export function parseQualified(arn: string): Qualified {
  const { resource } = parseStatesArn(arn, ['stateMachine']);
  const colon = resource.indexOf(':');
  if (colon < 0) return { kind: 'unqualified', stateMachineArn: arn };
  const stateMachineArn = arn.slice(0, arn.length - (resource.length - colon));
  const qualifier = resource.slice(colon + 1);
  return /^\d+$/.test(qualifier) ? { kind: 'version', stateMachineArn, version: Number(qualifier) } : { kind: 'alias', stateMachineArn, name: qualifier };
}

export function isVersionArn(arn: string): boolean {
  try {
    return parseQualified(arn).kind === 'version';
  } catch {
    return false;
  }
}

/** The versions of a state machine, newest first (the order ListStateMachineVersions pages in, recorded). */
export function versionsOf(ctx: OperationContext, stateMachineArn: string): StateMachineVersionRecord[] {
  return ctx.store
    .listResources('version')
    .filter((v) => v.stateMachineArn === stateMachineArn)
    .sort((a, b) => b.version - a.version);
}

export function aliasesOf(ctx: OperationContext, stateMachineArn: string): StateMachineAliasRecord[] {
  return ctx.store.listResources('alias').filter((a) => a.stateMachineArn === stateMachineArn);
}

/**
 * Publishes the state machine's current revision. Publishing a revision the latest version already holds
 * returns that version (recorded: test_idempotent_publish, and UpdateStateMachine with publish and no change).
 */
export function publishVersion(ctx: OperationContext, sm: StateMachineRecord, description?: string): StateMachineVersionRecord {
  const latest = versionsOf(ctx, sm.arn)[0];
  if (latest && sameSettings(latest.revision, sm.revision) && latest.revision.revisionId === sm.revision.revisionId) return latest;
  const version = (sm.lastVersion ?? 0) + 1;
  const record: StateMachineVersionRecord = {
    arn: `${sm.arn}:${version}`,
    stateMachineArn: sm.arn,
    version,
    revision: sm.revision,
    creationDate: ctx.clock.now(),
    ...(description !== undefined ? { description } : {}),
  };
  ctx.store.putResource('version', record);
  ctx.store.putStateMachine({ ...sm, lastVersion: version });
  return record;
}

/** What an execution started through `arn` runs: the state machine, the revision, and the version / alias it came through. */
export interface ExecutionTarget {
  readonly sm: StateMachineRecord;
  readonly revision: StateMachineRevision;
  readonly versionArn?: string;
  readonly aliasArn?: string;
}

export function resolveTarget(ctx: OperationContext, arn: string): ExecutionTarget {
  const qualified = parseQualified(arn);
  const sm = ctx.store.getStateMachine(qualified.stateMachineArn);
  if (!sm) throw new StateMachineDoesNotExist(arn);
  if (qualified.kind === 'unqualified') return { sm, revision: sm.revision };
  if (qualified.kind === 'version') {
    const version = ctx.store.getResource('version', arn);
    if (!version) throw new StateMachineDoesNotExist(arn);
    return { sm, revision: version.revision, versionArn: arn };
  }
  const alias = ctx.store.getResource('alias', arn);
  if (!alias) throw new StateMachineDoesNotExist(arn);
  const versionArn = chooseVersion(alias.routingConfiguration, ctx.random);
  const version = ctx.store.getResource('version', versionArn);
  if (!version) throw new StateMachineDoesNotExist(versionArn);
  return { sm, revision: version.revision, versionArn, aliasArn: arn };
}

/** Weighted choice: `random()` in [0, 1) falls into one version's share of the 100 weight points. */
export function chooseVersion(routing: readonly RoutingConfigurationListItem[], random: () => number): string {
  let point = random() * 100;
  for (const item of routing) {
    point -= item.weight ?? 0;
    if (point < 0) return item.stateMachineVersionArn as string;
  }
  // Only reached through rounding at the top of the range: the last version with any weight.
  return [...routing].reverse().find((item) => (item.weight ?? 0) > 0)?.stateMachineVersionArn as string;
}

/** DeleteStateMachine removes the state machine's versions and aliases with it. */
export function deleteVersionsAndAliases(ctx: OperationContext, stateMachineArn: string): void {
  for (const alias of aliasesOf(ctx, stateMachineArn)) ctx.store.deleteResource('alias', alias.arn);
  for (const version of versionsOf(ctx, stateMachineArn)) ctx.store.deleteResource('version', version.arn);
}
