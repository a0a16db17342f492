// CreateActivity (https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateActivity.html).
// Idempotent by name (recorded: a second create returns the same ARN and creationDate); a different
// encryption configuration is ActivityAlreadyExists, as the API reference says it cannot be updated.
import type { CreateActivityInput, CreateActivityOutput } from '@aws-sdk/client-sfn';
import { ActivityAlreadyExists } from '../errors';
import { checkName } from '../names';
import { defineOperation } from '../operation';
import { encryptionConfiguration } from '../settings';
import * as S from '../shapes';
import { mergeTags } from '../tags';

export const createActivity = defineOperation<CreateActivityInput, CreateActivityOutput>({
  input: S.structure({ name: S.Name, tags: S.TagList, encryptionConfiguration: S.EncryptionConfiguration }, ['name']),
  handle(ctx, input) {
    const name = checkName(input.name as string);
    const arn = ctx.arns.activity(name);
    const tags = mergeTags(arn, [], input.tags ?? []);
    const encryption = encryptionConfiguration(input.encryptionConfiguration);
    const existing = ctx.store.getResource('activity', arn);
    if (existing) {
      if (JSON.stringify(existing.encryptionConfiguration) !== JSON.stringify(encryption)) throw new ActivityAlreadyExists(arn);
      return { activityArn: arn, creationDate: existing.creationDate };
    }
    const creationDate = ctx.clock.now();
    ctx.store.putResource('activity', { arn, name, creationDate, tags, encryptionConfiguration: encryption });
    return { activityArn: arn, creationDate };
  },
});
