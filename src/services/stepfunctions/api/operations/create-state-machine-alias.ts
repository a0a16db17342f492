// CreateStateMachineAlias (https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachineAlias.html).
// Idempotent for the same name and routing; the same name with another routing is the recorded ConflictException.
import type { CreateStateMachineAliasInput, CreateStateMachineAliasOutput } from '@aws-sdk/client-sfn';
import { checkRouting } from '../alias-routing';
import { ConflictException, StateMachineDeleting, StateMachineDoesNotExist } from '../errors';
import { defineOperation } from '../operation';
import * as S from '../shapes';

export const createStateMachineAlias = defineOperation<CreateStateMachineAliasInput, CreateStateMachineAliasOutput>({
  input: S.structure({ description: S.AliasDescription, name: S.AliasName, routingConfiguration: S.RoutingConfiguration }, ['name', 'routingConfiguration']),
  handle(ctx, input) {
    const routingConfiguration = input.routingConfiguration ?? [];
    const stateMachineArn = checkRouting(ctx, routingConfiguration);
    const sm = ctx.store.getStateMachine(stateMachineArn);
    if (!sm) throw new StateMachineDoesNotExist(stateMachineArn);
    if (sm.status === 'DELETING') throw new StateMachineDeleting(sm.arn);
    const arn = `${stateMachineArn}:${input.name}`;
    const existing = ctx.store.getResource('alias', arn);
    if (existing) {
      if (JSON.stringify(existing.routingConfiguration) !== JSON.stringify(routingConfiguration)) {
        throw new ConflictException('Failed to create alias because an alias with the same name and a different routing configuration already exists.');
      }
      return { stateMachineAliasArn: arn, creationDate: existing.creationDate };
    }
    const creationDate = ctx.clock.now();
    ctx.store.putResource('alias', {
      arn,
      stateMachineArn,
      name: input.name as string,
      routingConfiguration,
      creationDate,
      ...(input.description !== undefined ? { description: input.description } : {}),
    });
    return { stateMachineAliasArn: arn, creationDate };
  },
});
