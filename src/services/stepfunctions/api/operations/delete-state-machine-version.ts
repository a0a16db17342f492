// DeleteStateMachineVersion (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DeleteStateMachineVersion.html).
// A missing version is a success (recorded); a version an alias routes to cannot go (recorded ConflictException).
import type { DeleteStateMachineVersionInput, DeleteStateMachineVersionOutput } from '@aws-sdk/client-sfn';
import { ConflictException, ValidationException } from '../errors';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { aliasesOf, parseQualified } from '../versions';

export const deleteStateMachineVersion = defineOperation<DeleteStateMachineVersionInput, DeleteStateMachineVersionOutput>({
  input: S.structure({ stateMachineVersionArn: S.LongArn }, ['stateMachineVersionArn']),
  handle(ctx, input) {
    const arn = input.stateMachineVersionArn as string;
    const qualified = parseQualified(arn);
    // [UNCONFIRMED] wording: an ARN that is not a version ARN.
    if (qualified.kind !== 'version') throw new ValidationException(`Invalid state machine version ARN: '${arn}'`);
    if (!ctx.store.getResource('version', arn)) return {};
    const referencing = aliasesOf(ctx, qualified.stateMachineArn).filter((alias) => alias.routingConfiguration.some((r) => r.stateMachineVersionArn === arn));
    if (referencing.length > 0) {
      throw new ConflictException(
        `Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [${referencing.map((a) => a.name).join(', ')}]`,
      );
    }
    ctx.store.deleteResource('version', arn);
    return {};
  },
});
