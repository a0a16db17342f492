// A recorder that `discards` (EXPRESS executions: nobody can read their history) gets the same events,
// numbered and chained the same way, only without `<x>EventDetails`, and no details are ever built for it.
// One that `defers` (the kept EXPRESS histories) gets the details unbuilt, and building them later gives
// exactly what a full recorder got.
// (STANDARD here: with the fake clock an EXPRESS execution's 5-minute timer would fire at the first sleep.)
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { Engine, parseDefinition } from '../../../src/engine/index';
import type { HistoryRecorder } from '../../../src/engine/runtime/types';
import { FakeClock } from '../support/fake-clock';
import { FakeTaskRunner, fails } from '../support/fake-task-runner';
import { identity } from '../support/run-workflow';
import { EventLog } from '../../../src/engine/history/event-log';

const PUT = 'arn:aws:states:::dynamodb:putItem';

const DEFINITION = {
  QueryLanguage: 'JSONata',
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Assign: { table: '{% $states.input.table %}' }, Next: 'Each' },
    Each: {
      Type: 'Map',
      Items: '{% $states.input.items %}',
      ItemProcessor: {
        StartAt: 'Put',
        States: {
          Put: {
            Type: 'Task',
            Resource: PUT,
            Arguments: { TableName: '{% $table %}', Item: '{% $states.input %}' },
            Retry: [{ ErrorEquals: ['DynamoDB.ThrottlingException'], MaxAttempts: 1 }],
            End: true,
          },
        },
      },
      End: true,
    },
  },
};

async function run(recorder: (events: HistoryEvent[]) => HistoryRecorder) {
  const tasks = new FakeTaskRunner({ [PUT]: [fails('DynamoDB.ThrottlingException', 'slow down'), () => ({ written: true })] });
  const definition = parseDefinition(JSON.stringify(DEFINITION), { type: 'STANDARD', tasks });
  const engine = new Engine({ clock: new FakeClock(), region: 'us-east-1', accountId: '123456789012', uuid: () => 'u', random: () => 0.5, tasks });
  const events: HistoryEvent[] = [];
  const outcome = await engine.run({
    definition,
    input: { table: 't', items: [{ a: 1 }, { a: 2 }] },
    identity: identity('STANDARD'),
    history: recorder(events),
  });
  return { outcome, events };
}

const STATE_DETAILS = /^(state|task)\w+EventDetails$/;

describe('a discarding HistoryRecorder', () => {
  it('gets the same events and outcome as a full recorder, without state and task details', async () => {
    const full = await run((events) => ({ record: (e) => events.push(e) }));
    const bare = await run((events) => ({ record: (e) => events.push(e), discards: true }));
    expect(bare.outcome).toEqual(full.outcome);
    expect(full.outcome.status).toBe('SUCCEEDED');
    const shape = (events: HistoryEvent[]) => events.map((e) => [e.id, e.previousEventId, e.type]);
    expect(shape(bare.events)).toEqual(shape(full.events));
    expect(full.events.some((e) => Object.keys(e).some((k) => STATE_DETAILS.test(k)))).toBe(true);
    expect(bare.events.filter((e) => Object.keys(e).some((k) => STATE_DETAILS.test(k)))).toEqual([]);
    expect(shape(bare.events)).toContainEqual([expect.any(Number), expect.any(Number), 'TaskFailed']);
  });

  it('never builds lazily given details, and a full recorder gets them built', () => {
    const build = jest.fn(() => ({ stateEnteredEventDetails: { name: 'S', input: '{}' } }));
    const kept: HistoryEvent[] = [];
    new EventLog({ record: (e) => kept.push(e), discards: true }, new FakeClock()).append('PassStateEntered', 0, build);
    expect(build).not.toHaveBeenCalled();
    expect(kept).toEqual([{ timestamp: expect.any(Date), type: 'PassStateEntered', id: 1, previousEventId: 0 }]);
    new EventLog({ record: (e) => kept.push(e) }, new FakeClock()).append('PassStateEntered', 0, build);
    expect(kept[1].stateEnteredEventDetails).toEqual({ name: 'S', input: '{}' });
  });
});

describe('a deferring HistoryRecorder', () => {
  it('gets every detail a full recorder gets, built only when it asks, with the same text', async () => {
    const full = await run((events) => ({ record: (e) => events.push(e) }));
    const pending: (() => void)[] = [];
    const deferred = await run((events) => ({
      defers: true,
      record: (e, details) => {
        events.push(e);
        if (details) pending.push(() => Object.assign(e, details()));
      },
    }));
    expect(pending.length).toBeGreaterThan(0);
    expect(deferred.events.filter((e) => Object.keys(e).some((k) => STATE_DETAILS.test(k) && k.endsWith('EnteredEventDetails')))).toEqual([]);
    for (const build of pending) build();
    expect(deferred.events).toEqual(full.events);
    expect(deferred.outcome).toEqual(full.outcome);
  });
});
