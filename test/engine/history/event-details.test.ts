// Whole-event assertions (docs/aws-behaviour.md#history-events) a partial match cannot show: events that must carry no details
// (MapStateFailed, ParallelStateFailed), timeouts with an error but no cause, and where a nested
// EvaluationFailed points.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { StatesError } from '../../../src/engine/errors/states-error';
import { FakeClock } from '../support/fake-clock';
import { FakeTaskRunner, hangs } from '../support/fake-task-runner';
import { runWorkflow } from '../support/run-workflow';
import { FakeCallbacks } from '../support/fake-callbacks';

/** An event without its id, previousEventId and timestamp: the part a test can state exactly. */
function body(event: HistoryEvent | undefined): Record<string, unknown> {
  const { id, previousEventId, timestamp, ...rest } = event ?? {};
  return rest;
}

const byType = (events: HistoryEvent[], type: string) => events.filter((e) => e.type === type);

const LAMBDA = 'arn:aws:states:::lambda:invoke';
const failing = () =>
  new FakeTaskRunner({
    [LAMBDA]: () => {
      throw new StatesError('Boom', 'it broke');
    },
  });

describe('history event details (docs/aws-behaviour.md#history-events)', () => {
  const failingTask = { StartAt: 'T', States: { T: { Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: 'f' }, End: true } } };
  it.each([
    ['Map', { Type: 'Map', ItemProcessor: failingTask, End: true }, [1]],
    ['Parallel', { Type: 'Parallel', Branches: [failingTask], End: true }, {}],
  ])('%sStateFailed carries no details; the inner error and cause reach ExecutionFailed (item 11)', async (type, state, input) => {
    const run = await runWorkflow({ StartAt: 'S', States: { S: state } }, input, { tasks: failing() });
    expect(byType(run.events, `${type}StateFailed`).map(body)).toEqual([{ type: `${type}StateFailed` }]);
    expect(byType(run.events, 'ExecutionFailed').map(body)).toEqual([
      { type: 'ExecutionFailed', executionFailedEventDetails: { error: 'Boom', cause: 'it broke' } },
    ]);
    expect(run.events.at(-1)?.type).toBe('ExecutionFailed');
  });

  it.each([
    ['TimeoutSeconds', LAMBDA, { FunctionName: 'f' }, { TimeoutSeconds: 5 }, 'lambda', 'invoke'],
    [
      'HeartbeatSeconds',
      'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      { QueueUrl: 'q', 'MessageBody.$': '$$.Task.Token' },
      { HeartbeatSeconds: 2, TimeoutSeconds: 60 },
      'sqs',
      'sendMessage.waitForTaskToken',
    ],
  ])(
    'a %s expiry records TaskTimedOut and ExecutionFailed with States.Timeout and no cause (item 15)',
    async (_, arn, parameters, limits, resourceType, resource) => {
      const run = await runWorkflow(
        { StartAt: 'T', States: { T: { Type: 'Task', Resource: arn, Parameters: parameters, ...limits, End: true } } },
        {},
        { tasks: new FakeTaskRunner({ [arn]: hangs }), clock: new FakeClock(), callbacks: new FakeCallbacks() },
      );
      expect(byType(run.events, 'TaskTimedOut').map(body)).toEqual([
        { type: 'TaskTimedOut', taskTimedOutEventDetails: { resourceType, resource, error: 'States.Timeout' } },
      ]);
      expect(body(run.events.at(-1))).toEqual({ type: 'ExecutionFailed', executionFailedEventDetails: { error: 'States.Timeout' } });
    },
  );

  it('inside a Map iteration an EvaluationFailed points where its state entry points [UNCONFIRMED]; at top level it is 0 (pass/jsonata-undefined-second-state)', async () => {
    const run = await runWorkflow({
      QueryLanguage: 'JSONata',
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          Items: [1],
          ItemProcessor: {
            StartAt: 'First',
            States: {
              First: { Type: 'Pass', Next: 'Broken' },
              Broken: { Type: 'Pass', Output: '{% $missing %}', End: true },
            },
          },
          End: true,
        },
      },
    });
    const brokenEntered = run.events.find((e) => e.type === 'PassStateEntered' && e.stateEnteredEventDetails?.name === 'Broken')!;
    const evaluation = run.events.find((e) => e.type === 'EvaluationFailed')!;
    expect(evaluation.previousEventId).toBe(brokenEntered.previousEventId);
    expect(evaluation.previousEventId).not.toBe(0);
    expect(body(evaluation)).toEqual({
      type: 'EvaluationFailed',
      evaluationFailedEventDetails: {
        error: 'States.QueryEvaluationError',
        cause: `An error occurred while executing the state 'Broken' (entered at the event id #${brokenEntered.id}). The JSONata expression '$missing' specified for the field 'Output' returned nothing (undefined).`,
        location: 'Output',
        state: 'Broken',
      },
    });
  });
});
