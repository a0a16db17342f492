// UpdateStateMachineAlias (https://docs.aws.amazon.com/step-functions/latest/apireference/API_UpdateStateMachineAlias.html).
// A missing alias is the recorded ResourceNotFound "Request references a resource that does not exist.".
import type { UpdateStateMachineAliasInput, UpdateStateMachineAliasOutput } from '@aws-sdk/client-sfn';
import { checkRouting } from '../alias-routing';
import { ResourceNotFound, ValidationException } from '../errors';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { parseQualified } from '../versions';

export const updateStateMachineAlias = defineOperation<UpdateStateMachineAliasInput, UpdateStateMachineAliasOutput>({
  input: S.structure({ stateMachineAliasArn: S.Arn, description: S.AliasDescription, routingConfiguration: S.RoutingConfiguration }, ['stateMachineAliasArn']),
  handle(ctx, input) {
    const arn = input.stateMachineAliasArn as string;
    parseQualified(arn);
    const alias = ctx.store.getResource('alias', arn);
    if (!alias) throw ResourceNotFound.reference(arn);
    const { description, routingConfiguration } = input;
    // [UNCONFIRMED] wording.
    if (description === undefined && routingConfiguration === undefined)
      throw new ValidationException('Either the description or the routing configuration must be specified');
    if (routingConfiguration !== undefined && checkRouting(ctx, routingConfiguration) !== alias.stateMachineArn) {
      // [UNCONFIRMED] wording: routing to versions of another state machine.
      throw new ValidationException(`Routing configuration must contain versions of ${alias.stateMachineArn}`, 'INVALID_ROUTING_CONFIGURATION');
    }
    const updateDate = ctx.clock.now();
    ctx.store.putResource('alias', {
      ...alias,
      ...(description !== undefined ? { description } : {}),
      ...(routingConfiguration !== undefined ? { routingConfiguration } : {}),
      updateDate,
    });
    return { updateDate };
  },
});
