// Retry/Catch matching (docs/aws-behaviour.md#error-names-and-matching): exact, case-sensitive names; States.ALL matches everything catchable;
// States.TaskFailed matches any error of a Task state except States.Timeout [DOC concepts-error-handling];
// States.Runtime (and terminal errors) are never matched, even when named explicitly (recorded).
import { HeartbeatTimeoutError } from './states-error-kinds';
import { StatesErrorName, type StatesError } from './states-error';

export function matchesErrorEquals(names: readonly string[], error: StatesError, inTaskState: boolean): boolean {
  if (!error.catchable) return false;
  return names.some((name) => {
    if (name === error.error || name === StatesErrorName.ALL) return true;
    if (name === StatesErrorName.TaskFailed) return inTaskState && error.error !== StatesErrorName.Timeout;
    return name === StatesErrorName.HeartbeatTimeout && error instanceof HeartbeatTimeoutError;
  });
}
