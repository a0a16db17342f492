// Task (docs/aws-behaviour.md#task-state, #service-integrations): the Resource is resolved once through the TaskRunner. Recorded refusals:
// unknown resources ("The resource provided <arn> is not recognized. …"), `.sync`/`.waitForTaskToken` in
// EXPRESS machines ("Express state machine does not support '.sync' service integration "), and the
// ItemReader/ResultWriter-only `s3:getObject`/`s3:putObject` used as a Task (docs/aws-behaviour.md#s3-resources-of-itemreader-and-resultwriter).
import type { ResolvedResource } from '../../integrations/types';
import { parseCatch, parseRetry } from '../error-handling';
import type { FieldReader } from '../field-reader';
import { at, type Json } from '../parse-context';
import type { DynamicValue, Payload, TaskState } from '../types';
import type { StateParser } from './state-parser';

const MAP_ONLY_S3 = /^arn:aws:states:::s3:(getObject|putObject)$/;
// Activities are served by workers (GetActivityTask), not by an integration; whether one exists is checked when the state runs (recorded).
const ACTIVITY_ARN = /^arn:aws(?:-cn|-us-gov)?:states:[a-z0-9-]+:\d{12}:activity:[^:\s]{1,80}$/;
const MAX_SECONDS = 99999999;

export function notRecognized(arn: string): string {
  return `The resource provided ${arn} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`;
}

function resolveResource(reader: FieldReader, arn: string, location: string): ResolvedResource | undefined {
  if (MAP_ONLY_S3.test(arn)) {
    reader.ctx.error(notRecognized(arn), location);
    return undefined;
  }
  if (ACTIVITY_ARN.test(arn)) {
    // Recorded wording; Express workflows do not run activities.
    if (reader.express) reader.ctx.error('Express state machine does not support Activity ARN', location);
    return { arn, resourceType: 'activity', resource: arn, pattern: 'ACTIVITY' };
  }
  const resolved = reader.ctx.options.tasks.resolve(arn);
  if ('unrecognized' in resolved) {
    reader.ctx.error(resolved.unrecognized || notRecognized(arn), location);
    return undefined;
  }
  if (reader.express && resolved.pattern !== 'REQUEST_RESPONSE') {
    const suffix = resolved.pattern === 'RUN_JOB' ? '.sync' : '.waitForTaskToken';
    // The trailing space is in the recorded message.
    reader.ctx.error(`Express state machine does not support '${suffix}' service integration `, location);
  }
  return resolved;
}

function credentials(reader: FieldReader, raw: Json): Payload | undefined {
  const value = reader.ctx.object(raw, 'Credentials', reader.location);
  if (!value) return undefined;
  const location = at(reader.location, 'Credentials');
  if (value.RoleArn === undefined && value['RoleArn.$'] === undefined) reader.ctx.requiredField(value, 'RoleArn', location);
  return reader.payload(raw, 'Credentials', 'Credentials');
}

function checkHeartbeat(reader: FieldReader, timeout?: DynamicValue<number>, heartbeat?: DynamicValue<number>): void {
  if (timeout?.kind !== 'literal' || heartbeat?.kind !== 'literal') return;
  // Wording from LocalStack's static check [UNCONFIRMED for AWS].
  if (heartbeat.value >= timeout.value) reader.ctx.error('HeartbeatSeconds must be smaller than TimeoutSeconds', reader.location);
}

export const parseTask: StateParser<'Task'> = (raw, base, reader): TaskState => {
  const { ctx } = reader;
  ctx.required(raw, ['Resource'], base.location);
  const arn = ctx.string(raw, 'Resource', base.location) ?? '';
  const resource = arn ? resolveResource(reader, arn, at(base.location, 'Resource')) : undefined;
  const TimeoutSeconds = reader.number(raw, 'TimeoutSeconds', { integer: true, min: 1, max: MAX_SECONDS });
  const HeartbeatSeconds = reader.number(raw, 'HeartbeatSeconds', { integer: true, min: 1, max: MAX_SECONDS });
  checkHeartbeat(reader, TimeoutSeconds, HeartbeatSeconds);
  return {
    ...base,
    Type: 'Task',
    Resource: arn,
    // Only reached at run time when the definition had no errors, so the resource always resolved then.
    resource: resource ?? { arn, resourceType: '', resource: '', pattern: 'REQUEST_RESPONSE' },
    TimeoutSeconds,
    HeartbeatSeconds,
    Credentials: credentials(reader, raw),
    Retry: parseRetry(reader, raw),
    Catch: parseCatch(reader, raw),
  };
};
