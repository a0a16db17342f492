// What the sandbox keeps of executions, decided once for the runner rather than per request. AWS describes
// and lists STANDARD executions with their histories; EXPRESS executions are neither describable nor listable,
// except that ListExecutions lists the EXPRESS children of a Map Run
// (docs/aws-behaviour.md#express-and-standard-workflows). Beyond AWS, the sandbox keeps the histories of the
// latest EXPRESS executions for the console (SANDBOX_EXPRESS_HISTORIES, docs/console.md).
import type { StateMachineType } from '../../../engine';

/** How much of one execution is kept: everything (record, input, output, history), the list fields only, or nothing. */
export type Retention = 'full' | 'list-only' | 'none';

export interface RetentionPolicy {
  /** What is kept of an execution of this type, started by a Map Run (a child) or not. */
  of(type: StateMachineType, mapRunChild: boolean): Retention;
  /** How many of the latest EXPRESS executions keep their history for the console; 0 keeps none. */
  readonly expressHistories: number;
}

export function retentionPolicy(expressHistories: number): RetentionPolicy {
  return {
    expressHistories,
    of: (type, mapRunChild) => (type === 'STANDARD' ? 'full' : mapRunChild ? 'list-only' : 'none'),
  };
}
