// The append-only log and its chains (docs/aws-behaviour.md#history-events, #previouseventid).
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { EventChain, EventLog } from '../../../src/engine/history/event-log';
import { stateExited } from '../../../src/engine/history/event-details';
import { FakeClock } from '../support/fake-clock';

function log() {
  const events: HistoryEvent[] = [];
  return { events, log: new EventLog({ record: (e) => events.push(e) }, new FakeClock()) };
}

describe('EventLog', () => {
  it('numbers events from 1 and keeps no copies of its own', () => {
    const { events, log: l } = log();
    expect(l.append('ExecutionStarted', 0)).toBe(1);
    expect(l.append('PassStateEntered', 0)).toBe(2);
    expect(l.size).toBe(2);
    expect(events.map((e) => [e.id, e.previousEventId, e.type])).toEqual([
      [1, 0, 'ExecutionStarted'],
      [2, 0, 'PassStateEntered'],
    ]);
    expect(Object.keys(l)).not.toContain('events');
  });

  it('records nothing after the terminal event', () => {
    const { events, log: l } = log();
    l.close('ExecutionSucceeded', 0);
    expect(l.append('PassStateExited', 1)).toBe(0);
    expect(events).toHaveLength(1);
  });
});

describe('EventChain', () => {
  it('chains emits, leaves emitAside out of the chain, and forks branches', () => {
    const { events, log: l } = log();
    const chain = new EventChain(l, 0);
    chain.emit('MapStateEntered');
    const started = chain.emit('MapStateStarted');
    const branch = chain.fork(started);
    branch.emit('PassStateEntered');
    chain.emitAside('MapStateSucceeded', undefined, branch.last);
    chain.emit('MapStateExited', undefined, branch.last);
    expect(events.map((e) => [e.id, e.previousEventId])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 3],
      [5, 3],
    ]);
    expect(chain.last).toBe(5);
  });
});

describe('stateExited details', () => {
  it('adds assignedVariables as JSON text only when something was assigned', () => {
    expect(stateExited('S', '1')).toEqual({ stateExitedEventDetails: { name: 'S', output: '1', outputDetails: { truncated: false } } });
    expect(stateExited('S', '1', { q: 'What?', n: [1] }).stateExitedEventDetails).toMatchObject({
      assignedVariables: { q: '"What?"', n: '[1]' },
      assignedVariablesDetails: { truncated: false },
    });
    expect(stateExited('S', '1', {}).stateExitedEventDetails).not.toHaveProperty('assignedVariables');
  });
});
