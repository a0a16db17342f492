// CreateStateMachine (https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html).
// Idempotent on name + definition (raw string, docs/aws-behaviour.md#api-operations) + type + logging/tracing/encryption settings;
// per the API reference a different roleArn or tags do not break idempotency. `publish` also publishes version 1.
import type { CreateStateMachineInput, CreateStateMachineOutput } from '@aws-sdk/client-sfn';
import { isRoleArn } from '../arns';
import { InvalidArn, StateMachineAlreadyExists, StateMachineDeleting, ValidationException } from '../errors';
import { checkName } from '../names';
import { defineOperation } from '../operation';
import { revisionSettings, sameSettings } from '../settings';
import * as S from '../shapes';
import type { StateMachineRecord, StateMachineRevision } from '../../store/store';
import { mergeTags } from '../tags';
import { publishVersion } from '../versions';
import { optional } from '../wire';

export const createStateMachine = defineOperation<CreateStateMachineInput, CreateStateMachineOutput>({
  input: S.structure(
    {
      name: S.Name,
      definition: S.Definition,
      roleArn: S.Arn,
      type: S.StateMachineType,
      loggingConfiguration: S.LoggingConfiguration,
      tags: S.TagList,
      tracingConfiguration: S.TracingConfiguration,
      publish: S.Bool,
      versionDescription: S.VersionDescription,
      encryptionConfiguration: S.EncryptionConfiguration,
    },
    ['name', 'definition', 'roleArn'],
  ),
  handle(ctx, input) {
    const name = checkName(input.name as string);
    const roleArn = input.roleArn as string;
    const definition = input.definition as string;
    if (!isRoleArn(roleArn)) throw InvalidArn.prefix(roleArn);
    checkPublish(input);
    const arn = ctx.arns.stateMachine(name);
    const tags = mergeTags(arn, [], input.tags ?? []);
    const type = input.type ?? 'STANDARD';
    const settings = revisionSettings(input);
    const parsed = ctx.definitions.parse(definition, type);
    const existing = ctx.store.getStateMachine(arn);
    if (existing) return idempotentCreate(existing, { definition, roleArn: existing.revision.roleArn, ...settings }, type);
    const now = ctx.clock.now();
    const revision: StateMachineRevision = { definition, roleArn, ...settings, updateDate: now };
    const sm: StateMachineRecord = { arn, name, type, creationDate: now, tags, revision, status: 'ACTIVE' };
    ctx.store.putStateMachine(sm);
    ctx.definitions.remember(revision, parsed);
    const version = input.publish ? publishVersion(ctx, sm, input.versionDescription) : undefined;
    return { stateMachineArn: arn, creationDate: now, ...optional('stateMachineVersionArn', version?.arn) };
  },
});

/** A version description only goes with a version (recorded). */
export function checkPublish(input: { publish?: boolean; versionDescription?: string }): void {
  if (input.versionDescription !== undefined && !input.publish) throw new ValidationException('Version description can only be set when publish is true');
}

function idempotentCreate(existing: StateMachineRecord, wanted: Omit<StateMachineRevision, 'updateDate'>, type: string): CreateStateMachineOutput {
  if (existing.status === 'DELETING') throw new StateMachineDeleting(existing.arn);
  if (existing.type !== type || !sameSettings(existing.revision, wanted)) throw new StateMachineAlreadyExists(existing.arn);
  return { stateMachineArn: existing.arn, creationDate: existing.creationDate };
}
