// State machine settings as CreateStateMachine/UpdateStateMachine accept them, normalized to what
// DescribeStateMachine returns (defaults recorded in docs/aws-behaviour.md#api-operations).
import type { EncryptionConfiguration, LoggingConfiguration, TracingConfiguration } from '@aws-sdk/client-sfn';
import { InvalidEncryptionConfiguration, InvalidLoggingConfiguration } from './errors';
import type { StateMachineRevision } from '../store/store';

export type RevisionSettings = Pick<StateMachineRevision, 'loggingConfiguration' | 'tracingConfiguration' | 'encryptionConfiguration'>;

function loggingConfiguration(input: LoggingConfiguration | undefined): LoggingConfiguration {
  const level = input?.level ?? 'OFF';
  const destinations = input?.destinations ?? [];
  // AWS takes one CloudWatch Logs destination; logging anything needs one.
  if (destinations.length > 1 || (level !== 'OFF' && destinations.length !== 1)) {
    throw new InvalidLoggingConfiguration('Must specify exactly one Log Destination.');
  }
  if (destinations.length === 1 && !destinations[0].cloudWatchLogsLogGroup?.logGroupArn) {
    throw new InvalidLoggingConfiguration('Log Destination not found.');
  }
  return { level, includeExecutionData: input?.includeExecutionData ?? false, ...(destinations.length ? { destinations } : {}) };
}

function tracingConfiguration(input: TracingConfiguration | undefined): TracingConfiguration {
  return { enabled: input?.enabled ?? false };
}

export function encryptionConfiguration(input: EncryptionConfiguration | undefined): EncryptionConfiguration {
  if (!input) return { type: 'AWS_OWNED_KEY' };
  if (input.type === 'CUSTOMER_MANAGED_KMS_KEY' && !input.kmsKeyId) {
    // [UNCONFIRMED] wording.
    throw new InvalidEncryptionConfiguration('Invalid Encryption Configuration: kmsKeyId is required for CUSTOMER_MANAGED_KMS_KEY');
  }
  return input;
}

/** Settings from a request, each falling back to `current` when the request leaves it out. */
export function revisionSettings(
  input: { loggingConfiguration?: LoggingConfiguration; tracingConfiguration?: TracingConfiguration; encryptionConfiguration?: EncryptionConfiguration },
  current?: RevisionSettings,
): RevisionSettings {
  return {
    loggingConfiguration: input.loggingConfiguration || !current ? loggingConfiguration(input.loggingConfiguration) : current.loggingConfiguration,
    tracingConfiguration: input.tracingConfiguration || !current ? tracingConfiguration(input.tracingConfiguration) : current.tracingConfiguration,
    encryptionConfiguration:
      input.encryptionConfiguration || !current ? encryptionConfiguration(input.encryptionConfiguration) : current.encryptionConfiguration,
  };
}

/** True when two revisions would behave and describe the same (UpdateStateMachine keeps revisionId then). */
export function sameSettings(a: Omit<StateMachineRevision, 'updateDate' | 'revisionId'>, b: Omit<StateMachineRevision, 'updateDate' | 'revisionId'>): boolean {
  return (
    a.definition === b.definition &&
    a.roleArn === b.roleArn &&
    JSON.stringify(a.loggingConfiguration) === JSON.stringify(b.loggingConfiguration) &&
    JSON.stringify(a.tracingConfiguration) === JSON.stringify(b.tracingConfiguration) &&
    JSON.stringify(a.encryptionConfiguration) === JSON.stringify(b.encryptionConfiguration)
  );
}
