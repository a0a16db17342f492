// PublishStateMachineVersion (https://docs.aws.amazon.com/step-functions/latest/apireference/API_PublishStateMachineVersion.html).
// With a revisionId, publishes only if it is still the current revision (recorded ConflictException text).
import type { PublishStateMachineVersionInput, PublishStateMachineVersionOutput } from '@aws-sdk/client-sfn';
import { ConflictException, StateMachineDeleting } from '../errors';
import { requireStateMachine } from '../lookups';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { publishVersion } from '../versions';

export const publishStateMachineVersion = defineOperation<PublishStateMachineVersionInput, PublishStateMachineVersionOutput>({
  input: S.structure({ stateMachineArn: S.Arn, revisionId: S.RevisionId, description: S.VersionDescription }, ['stateMachineArn']),
  handle(ctx, input) {
    const sm = requireStateMachine(ctx, input.stateMachineArn as string);
    if (sm.status === 'DELETING') throw new StateMachineDeleting(sm.arn);
    const current = sm.revision.revisionId;
    if (input.revisionId !== undefined && input.revisionId !== current) {
      throw new ConflictException(
        `Failed to publish the State Machine version for revision ${input.revisionId}. The current State Machine revision is ${current}.`,
      );
    }
    const version = publishVersion(ctx, sm, input.description);
    return { stateMachineVersionArn: version.arn, creationDate: version.creationDate };
  },
});
