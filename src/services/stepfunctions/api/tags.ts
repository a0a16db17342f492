// Tags of the taggable resources: state machines and activities. Versions and aliases cannot be tagged
// (recorded: TagResource on `<sm>:1` is "Resource not found: '<arn>'").
// https://docs.aws.amazon.com/step-functions/latest/dg/sfn-best-practices.html#concepts-tagging
import type { Tag } from '@aws-sdk/client-sfn';
import { parseStatesArn } from './arns';
import { ResourceNotFound, TooManyTags } from './errors';
import type { OperationContext } from './operation';

/** AWS's limit of tags per resource. */
const MAX_TAGS = 50;

export interface TaggedResource {
  readonly tags: readonly Tag[];
  /** Stores the resource with these tags instead. */
  retag(tags: readonly Tag[]): void;
}

export function requireTagged(ctx: OperationContext, arn: string): TaggedResource {
  const { resourceType } = parseStatesArn(arn, ['stateMachine', 'activity']);
  if (resourceType === 'activity') {
    const activity = ctx.store.getResource('activity', arn);
    if (!activity) throw new ResourceNotFound(arn);
    return { tags: activity.tags, retag: (tags) => ctx.store.putResource('activity', { ...activity, tags }) };
  }
  const sm = ctx.store.getStateMachine(arn);
  if (!sm) throw new ResourceNotFound(arn);
  return { tags: sm.tags, retag: (tags) => ctx.store.putStateMachine({ ...sm, tags }) };
}

/** Tags as stored: a later duplicate key replaces the earlier value, and the total is limited. */
export function mergeTags(arn: string, current: readonly Tag[], added: readonly Tag[]): Tag[] {
  const byKey = new Map<string, string | undefined>(current.map((tag) => [tag.key as string, tag.value]));
  for (const tag of added) byKey.set(tag.key as string, tag.value);
  if (byKey.size > MAX_TAGS) throw new TooManyTags(arn, MAX_TAGS);
  return [...byKey].map(([key, value]) => ({ key, value }));
}
