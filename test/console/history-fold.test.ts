// The console's per-state summary of a history (console/src/history-fold.ts): statuses, retries, caught
// errors, redrives, and Parallel/Map events attributed to their state.
import type { HistoryEvent } from '../../console/src/api';
import { HistoryFold } from '../../console/src/history-fold';

/** Events from [type, previousEventId, details] triples, ids in order from 1. */
function history(...events: Array<[string, number, object?]>): HistoryEvent[] {
  return events.map(([type, previousEventId, details], i) => ({ id: i + 1, previousEventId, type, timestamp: 0, ...details }));
}
const entered = (name: string, input = '{}') => ({ stateEnteredEventDetails: { name, input } });
const exited = (name: string, output = '{}', assignedVariables?: object) => ({
  stateExitedEventDetails: { name, output, ...(assignedVariables ? { assignedVariables } : {}) },
});

it('counts retries, keeps the latest data and variables, and tells succeeded from not run', () => {
  const fold = new HistoryFold();
  fold.add(
    history(
      ['ExecutionStarted', 0],
      ['TaskStateEntered', 1, entered('Call', '{"n":1}')],
      ['TaskScheduled', 2],
      ['TaskStarted', 3],
      ['TaskFailed', 4, { taskFailedEventDetails: { error: 'Throttled', cause: 'slow down' } }],
      ['TaskScheduled', 5],
      ['TaskStarted', 6],
      ['TaskSucceeded', 7],
      ['TaskStateExited', 8, exited('Call', '{"ok":true}', { x: '1' })],
      ['ExecutionSucceeded', 9],
    ),
  );
  expect(fold.status('Call', false)).toBe('succeeded');
  expect(fold.status('Other', false)).toBe('not-run');
  expect(fold.states.get('Call')).toMatchObject({
    retries: 1,
    input: '{"n":1}',
    output: '{"ok":true}',
    variables: { x: '1' },
    error: 'Throttled',
    cause: 'slow down',
  });
  expect(fold.stateOf(5)).toBe('Call');
});

it('a failure followed by another state is caught; a state left open is running, then failed once the execution ended', () => {
  const fold = new HistoryFold();
  fold.add(
    history(
      ['ExecutionStarted', 0],
      ['TaskStateEntered', 1, entered('Call')],
      ['TaskFailed', 2, { taskFailedEventDetails: { error: 'E' } }],
      ['PassStateEntered', 3, entered('Handle')],
    ),
  );
  expect(fold.status('Call', true)).toBe('caught');
  expect(fold.status('Handle', true)).toBe('running');
  expect(fold.status('Handle', false)).toBe('failed');
});

it('Parallel events belong to the Parallel even when they follow a branch’s event; a redrive reopens what failed', () => {
  const fold = new HistoryFold();
  fold.add(
    history(
      ['ExecutionStarted', 0],
      ['ParallelStateEntered', 1, entered('Both')],
      ['ParallelStateStarted', 2],
      ['FailStateEntered', 3, entered('Broken')],
      ['ParallelStateFailed', 4],
      ['ExecutionFailed', 5, { executionFailedEventDetails: { error: 'Oops' } }],
    ),
  );
  expect(fold.stateOf(5)).toBe('Both');
  expect(fold.status('Both', false)).toBe('failed');
  fold.add([
    { id: 7, previousEventId: 6, type: 'ExecutionRedriven', timestamp: 0 },
    { id: 8, previousEventId: 7, type: 'ParallelStateEntered', timestamp: 0, ...entered('Both') },
    { id: 9, previousEventId: 8, type: 'ParallelStateSucceeded', timestamp: 0 },
    { id: 10, previousEventId: 9, type: 'ParallelStateExited', timestamp: 0, ...exited('Both') },
  ]);
  expect(fold.status('Both', false)).toBe('succeeded');
  // Events already folded are skipped, so overlapping pages do no harm.
  fold.add(history(['ExecutionStarted', 0]));
  expect(fold.lastId).toBe(10);
});
