// Task results above the 256 KiB payload quota fail the task with States.DataLimitExceeded (docs/aws-behaviour.md#api-limits,
// #error-names-and-matching). The recorded cause names the resource type for optimized integrations (`'lambda'`) and the
// function ARN for the legacy Lambda resource; a task-level Catch on States.ALL caught it (recorded).
import { MAX_PAYLOAD_BYTES, StatesError, StatesErrorName, type ResolvedResource } from '../engine';

export function checkResultSize(result: unknown, resource: ResolvedResource): void {
  const text = JSON.stringify(result);
  if (text === undefined || Buffer.byteLength(text, 'utf8') <= MAX_PAYLOAD_BYTES) return;
  const subject = resource.legacyLambda ? resource.arn : resource.resourceType;
  throw new StatesError(
    StatesErrorName.DataLimitExceeded,
    `The state/task '${subject}' returned a result with a size exceeding the maximum number of bytes service limit.`,
  );
}
