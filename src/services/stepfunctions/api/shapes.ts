// Declarative input constraints, mirroring the Step Functions service model (botocore
// `stepfunctions/2016-11-23/service-2.json`): each operation declares its input as data and one
// validator (validate-input.ts) produces AWS's "N validation error(s) detected: …" messages.

export interface StringShape {
  readonly type: 'string';
  readonly min?: number;
  readonly max?: number;
  readonly enum?: readonly string[];
  readonly pattern?: { readonly regex: RegExp; readonly source: string };
  /** Sensitive members are not echoed in validation messages. [UNCONFIRMED] exact AWS redaction. */
  readonly sensitive?: boolean;
}

export interface NumberShape {
  readonly type: 'integer' | 'long' | 'float';
  readonly min?: number;
  readonly max?: number;
}

export interface BooleanShape {
  readonly type: 'boolean';
}

export interface ListShape {
  readonly type: 'list';
  readonly member: Shape;
  readonly max?: number;
  /** How the service prints the list in a length violation (Java's toString of the items). */
  readonly render?: (items: readonly unknown[]) => string;
}

export interface StructureShape {
  readonly type: 'structure';
  readonly members: Readonly<Record<string, Shape>>;
  readonly required?: readonly string[];
}

export type Shape = StringShape | NumberShape | BooleanShape | ListShape | StructureShape;

export const structure = (members: Record<string, Shape>, required: readonly string[] = []): StructureShape => ({
  type: 'structure',
  members,
  required,
});

const str = (min?: number, max?: number, extra: Partial<StringShape> = {}): StringShape => ({ type: 'string', min, max, ...extra });
const enumOf = (...values: string[]): StringShape => ({ type: 'string', enum: values });

export const Arn = str(1, 256);
/** Map Run ARNs can be long: label and state machine name both sit in them. */
export const LongArn = str(1, 2000);
export const Name = str(1, 80);
export const Definition = str(1, 1_048_576, { sensitive: true });
export const SensitiveData = str(undefined, 262_144, { sensitive: true });
export const SensitiveError = str(0, 256, { sensitive: true });
export const SensitiveCause = str(0, 32_768, { sensitive: true });
export const VersionDescription = str(0, 256, { sensitive: true });
// `\p{ASCII}*` in the model; anchored here because Java's matches() is whole-string.
export const TraceHeader = str(0, 256, { pattern: { regex: /^[\x00-\x7f]*$/, source: '\\p{ASCII}*' } });
export const PageSize: NumberShape = { type: 'integer', min: 0, max: 1000 };
export const PageToken = str(1, 1024);
export const ClientToken = str(1, 64, { pattern: { regex: /^[!-~]+$/, source: '[!-~]+' } });
export const ListExecutionsPageToken = str(1, 3096);
export const TaskToken = str(1, 2048);
export const WorkerName = str(1, 80);
export const RevisionId = str(undefined, undefined);
export const Bool: BooleanShape = { type: 'boolean' };

export const StateMachineType = enumOf('STANDARD', 'EXPRESS');
export const IncludedData = enumOf('ALL_DATA', 'METADATA_ONLY');
// Recorded order (docs/aws-behaviour.md#api-protocol-and-errors): AWS prints this set in hash order, not model order.
export const ExecutionStatus = enumOf('SUCCEEDED', 'TIMED_OUT', 'PENDING_REDRIVE', 'ABORTED', 'FAILED', 'RUNNING');
export const ExecutionRedriveFilter = enumOf('REDRIVEN', 'NOT_REDRIVEN');
export const Severity = enumOf('ERROR', 'WARNING');
export const InspectionLevel = enumOf('INFO', 'DEBUG', 'TRACE');
export const MockResponseValidationMode = enumOf('STRICT', 'PRESENT', 'NONE');

export const LoggingConfiguration = structure({
  level: enumOf('ALL', 'ERROR', 'FATAL', 'OFF'),
  includeExecutionData: Bool,
  destinations: { type: 'list', member: structure({ cloudWatchLogsLogGroup: structure({ logGroupArn: Arn }) }) },
});
export const TracingConfiguration = structure({ enabled: Bool });
export const EncryptionConfiguration = structure(
  {
    kmsKeyId: str(1, 2048),
    kmsDataKeyReusePeriodSeconds: { type: 'integer', min: 60, max: 900 },
    type: enumOf('AWS_OWNED_KEY', 'CUSTOMER_MANAGED_KMS_KEY'),
  },
  ['type'],
);
const TagKey = str(1, 128);
export const TagList: ListShape = { type: 'list', member: structure({ key: TagKey, value: str(0, 256) }) };
export const TagKeyList: ListShape = { type: 'list', member: TagKey };

// `^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$` (CharacterRestrictedName): at least one non-digit (recorded message).
const ALIAS_NAME_SOURCE = '^(?=.*[a-zA-Z_\\-\\.])[a-zA-Z0-9_\\-\\.]+$';
export const AliasName = str(1, 80, { pattern: { regex: new RegExp(ALIAS_NAME_SOURCE), source: ALIAS_NAME_SOURCE } });
export const AliasDescription = str(0, 256, { sensitive: true });
export const RoutingConfiguration: ListShape = {
  type: 'list',
  member: structure({ stateMachineVersionArn: Arn, weight: { type: 'integer', min: 0, max: 100 } }, ['stateMachineVersionArn', 'weight']),
  max: 2,
  render: (items) =>
    `[${items
      .map((item) => {
        const { stateMachineVersionArn, weight } = item as { stateMachineVersionArn?: unknown; weight?: unknown };
        return `RoutingConfigurationListItem(stateMachineVersionArn=${String(stateMachineVersionArn)}, weight=${String(weight)})`;
      })
      .join(', ')}]`,
};
