// UpdateStateMachine (https://docs.aws.amazon.com/step-functions/latest/apireference/API_UpdateStateMachine.html).
// A new revisionId only when something changed; an identical update keeps the previous one (docs/aws-behaviour.md#api-operations).
// Running executions keep the revision they started with. `publish` publishes the resulting revision.
import type { UpdateStateMachineInput, UpdateStateMachineOutput } from '@aws-sdk/client-sfn';
import { isRoleArn, parseStatesArn } from '../arns';
import { InvalidArn, MissingRequiredParameter, StateMachineDeleting } from '../errors';
import { requireStateMachine } from '../lookups';
import { defineOperation } from '../operation';
import { revisionSettings, sameSettings } from '../settings';
import * as S from '../shapes';
import type { StateMachineRevision } from '../../store/store';
import { optional } from '../wire';
import { checkPublish } from './create-state-machine';
import { publishVersion } from '../versions';

export const updateStateMachine = defineOperation<UpdateStateMachineInput, UpdateStateMachineOutput>({
  input: S.structure(
    {
      stateMachineArn: S.Arn,
      definition: S.Definition,
      roleArn: S.Arn,
      loggingConfiguration: S.LoggingConfiguration,
      tracingConfiguration: S.TracingConfiguration,
      publish: S.Bool,
      versionDescription: S.VersionDescription,
      encryptionConfiguration: S.EncryptionConfiguration,
    },
    ['stateMachineArn'],
  ),
  handle(ctx, input) {
    const arn = input.stateMachineArn as string;
    parseStatesArn(arn, ['stateMachine']);
    const { definition, roleArn } = input;
    if (definition === undefined && roleArn === undefined && !input.loggingConfiguration && !input.tracingConfiguration && !input.encryptionConfiguration) {
      throw new MissingRequiredParameter('Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified');
    }
    if (roleArn !== undefined && !isRoleArn(roleArn)) throw InvalidArn.prefix(roleArn);
    checkPublish(input);
    const sm = requireStateMachine(ctx, arn);
    if (sm.status === 'DELETING') throw new StateMachineDeleting(arn);
    const current = sm.revision;
    const parsed = definition !== undefined ? ctx.definitions.parse(definition, sm.type) : ctx.definitions.forRevision(current, sm.type);
    const wanted = {
      definition: definition ?? current.definition,
      roleArn: roleArn ?? current.roleArn,
      ...revisionSettings(input, current),
    };
    const updateDate = ctx.clock.now();
    const changed = !sameSettings(current, wanted);
    const updated = changed ? { ...sm, revision: { ...wanted, revisionId: ctx.uuid(), updateDate } as StateMachineRevision } : sm;
    if (changed) {
      ctx.store.putStateMachine(updated);
      ctx.definitions.remember(updated.revision, parsed);
    }
    // Publishing an unchanged revision returns the version that already holds it (recorded).
    const version = input.publish ? publishVersion(ctx, updated, input.versionDescription) : undefined;
    return { updateDate, ...optional('revisionId', updated.revision.revisionId), ...optional('stateMachineVersionArn', version?.arn) };
  },
});
