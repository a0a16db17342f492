// One state's entry as a history recorded it: its input, the workflow variables assigned before it (from
// the `assignedVariables` of earlier StateExited events), and the context object fields the history knows.
// When the state ran several times (Map iterations, loops), the entry that led to a failure is taken, else
// the last one, unless an event id is given.
import { isoTime, type ExportedEvent, type LoadedHistory } from './history';

export interface StateEntry {
  readonly enteredEventId: number;
  readonly input: unknown;
  readonly variables: Record<string, unknown>;
  /** Execution / StateMachine / State members the history gives (TestState's `context`). */
  readonly context: Record<string, Record<string, unknown>>;
  /** The failure event this entry led to, when there is one. */
  readonly failure?: { readonly error?: string; readonly cause?: string; readonly type: string };
}

const FAILURE_DETAILS = [
  'taskFailedEventDetails',
  'lambdaFunctionFailedEventDetails',
  'executionFailedEventDetails',
  'activityFailedEventDetails',
  'taskTimedOutEventDetails',
  'mapRunFailedEventDetails',
  'evaluationFailedEventDetails',
] as const;

export function findStateEntry(history: LoadedHistory, stateName: string, eventId?: number): StateEntry {
  const { events } = history;
  const byId = new Map(events.map((e) => [Number(e.id), e]));
  const entries = events.filter((e) => e.type?.endsWith('StateEntered') && e.stateEnteredEventDetails?.name === stateName);
  if (entries.length === 0) {
    const names = [...new Set(events.filter((e) => e.type?.endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails?.name))];
    throw new Error(
      `${history.source}: no state named '${stateName}' was entered in this history (entered: ${names.map((n) => `'${n}'`).join(', ') || 'none'})`,
    );
  }
  const failures = events.filter((e) => FAILURE_DETAILS.some((key) => e[key as keyof ExportedEvent] !== undefined));
  const failedEntry = (entered: ExportedEvent) => failures.find((f) => enteredEventOf(f, byId)?.id === entered.id);
  let chosen: ExportedEvent | undefined;
  if (eventId !== undefined) {
    chosen = entries.find((e) => Number(e.id) === eventId);
    if (!chosen)
      throw new Error(`${history.source}: event ${eventId} is not a StateEntered event of '${stateName}' (those are: ${entries.map((e) => e.id).join(', ')})`);
  } else {
    chosen = [...entries].reverse().find((e) => failedEntry(e)) ?? entries[entries.length - 1];
  }
  const details = chosen.stateEnteredEventDetails!;
  if (details.input === undefined) throw new Error(`${history.source}: event ${chosen.id} has no input (was the history exported without execution data?)`);
  const failure = failedEntry(chosen);
  return {
    enteredEventId: Number(chosen.id),
    input: JSON.parse(details.input),
    variables: variablesBefore(events, Number(chosen.id)),
    context: contextOf(history, chosen, stateName),
    failure: failure && { type: String(failure.type), ...failureFields(failure) },
  };
}

/** Follows previousEventId back from an event to the StateEntered event of the state it belongs to. */
function enteredEventOf(event: ExportedEvent, byId: ReadonlyMap<number, ExportedEvent>): ExportedEvent | undefined {
  let current: ExportedEvent | undefined = event;
  for (let guard = 0; current && guard < 10_000; guard++) {
    if (current !== event && current.type?.endsWith('StateEntered')) return current;
    current = byId.get(Number(current.previousEventId));
  }
  return undefined;
}

function failureFields(event: ExportedEvent): { error?: string; cause?: string } {
  for (const key of FAILURE_DETAILS) {
    const details = event[key as keyof ExportedEvent] as { error?: string; cause?: string } | undefined;
    if (details) return { error: details.error, cause: details.cause };
  }
  return {};
}

/** Every variable assigned by a state that exited before the entry (inner scopes' assignments included). */
function variablesBefore(events: readonly ExportedEvent[], enteredId: number): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const event of events) {
    if (Number(event.id) >= enteredId) break;
    const assigned = event.stateExitedEventDetails?.assignedVariables;
    if (assigned) for (const [name, json] of Object.entries(assigned)) variables[name] = JSON.parse(json);
  }
  return variables;
}

function contextOf(history: LoadedHistory, entered: ExportedEvent, stateName: string): Record<string, Record<string, unknown>> {
  const started = history.events.find((e) => e.type === 'ExecutionStarted');
  const execution: Record<string, unknown> = {};
  const arn = history.executionArn;
  if (arn) {
    execution.Id = arn;
    execution.Name = arn.split(':').pop();
  }
  const startedDetails = started?.executionStartedEventDetails;
  if (startedDetails?.input !== undefined) execution.Input = JSON.parse(startedDetails.input);
  if (startedDetails?.roleArn) execution.RoleArn = startedDetails.roleArn;
  const startTime = isoTime(started?.timestamp);
  if (startTime) execution.StartTime = startTime;
  const context: Record<string, Record<string, unknown>> = { Execution: execution };
  const state: Record<string, unknown> = { Name: stateName };
  const enteredTime = isoTime(entered.timestamp);
  if (enteredTime) state.EnteredTime = enteredTime;
  context.State = state;
  if (arn) {
    // arn:aws:states:<region>:<account>:execution:<machine>:<name>
    const parts = arn.split(':');
    if (parts.length >= 8) context.StateMachine = { Id: [...parts.slice(0, 5), 'stateMachine', parts[6]].join(':'), Name: parts[6] };
  }
  return context;
}
