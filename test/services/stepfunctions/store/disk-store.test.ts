// The disk store's log: what a reopened store holds, cleared fields, a torn last line, interrupted runs, compaction.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDiskStore } from '../../../../src/services/stepfunctions/store/disk-store';
import { zero } from '../../../../src/services/stepfunctions/map-runs/redrive-map-run';
import type { ExecutionRecord, MapRunRecord, StateMachineRevision } from '../../../../src/services/stepfunctions/store/store';

const NOW = new Date('2026-11-25T10:00:00.000Z');
const revision: StateMachineRevision = {
  definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}',
  roleArn: 'arn:aws:iam::000000000000:role/r',
  loggingConfiguration: { level: 'OFF', includeExecutionData: false },
  tracingConfiguration: { enabled: false },
  encryptionConfiguration: { type: 'AWS_OWNED_KEY' },
  updateDate: NOW,
};
const SM = 'arn:aws:states:us-east-1:000000000000:stateMachine:sm';
const execution = (name: string, over: Partial<ExecutionRecord> = {}): ExecutionRecord => ({
  arn: `arn:aws:states:us-east-1:000000000000:execution:sm:${name}`,
  name,
  stateMachineArn: SM,
  type: 'STANDARD',
  startDate: NOW,
  status: 'RUNNING',
  input: '{}',
  revision,
  ...over,
});
const event = (id: number, type: HistoryEvent['type']): HistoryEvent => ({ timestamp: NOW, type, id, previousEventId: id - 1 });

describe('openDiskStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sfn-disk-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps activities, versions and aliases, deletions included, through a reopen and its compaction', async () => {
    const store = openDiskStore(dir, () => NOW);
    const activity = {
      arn: 'arn:aws:states:us-east-1:000000000000:activity:a',
      name: 'a',
      creationDate: NOW,
      tags: [{ key: 'k', value: 'v' }],
      encryptionConfiguration: { type: 'AWS_OWNED_KEY' as const },
    };
    store.putResource('activity', activity);
    store.putResource('activity', { ...activity, arn: `${activity.arn}-gone`, name: 'a-gone' });
    store.deleteResource('activity', `${activity.arn}-gone`);
    store.putResource('version', { arn: `${SM}:1`, stateMachineArn: SM, version: 1, revision, creationDate: NOW });
    store.putResource('alias', {
      arn: `${SM}:live`,
      stateMachineArn: SM,
      name: 'live',
      routingConfiguration: [{ stateMachineVersionArn: `${SM}:1`, weight: 100 }],
      creationDate: NOW,
    });
    await store.close();

    for (let reopen = 0; reopen < 2; reopen++) {
      const reopened = openDiskStore(dir, () => NOW);
      expect(reopened.listResources('activity')).toEqual([activity]);
      expect(reopened.getResource('version', `${SM}:1`)?.revision.updateDate).toEqual(NOW);
      expect(reopened.getResource('alias', `${SM}:live`)?.routingConfiguration).toEqual([{ stateMachineVersionArn: `${SM}:1`, weight: 100 }]);
      await reopened.close();
    }
  });

  it('reopens with everything written, dates revived, cleared fields cleared', async () => {
    const store = openDiskStore(dir, () => NOW);
    store.putStateMachine({ arn: SM, name: 'sm', type: 'STANDARD', creationDate: NOW, tags: [], revision, status: 'ACTIVE' });
    const done = execution('done');
    store.putExecution(done);
    store.appendHistory(done.arn, event(1, 'ExecutionStarted'));
    store.updateExecution(done.arn, { status: 'FAILED', stopDate: NOW, error: 'Boom' });
    store.updateExecution(done.arn, { status: 'SUCCEEDED', error: undefined, output: '"ok"', redriveCount: 1, redriveDate: NOW });
    await store.close();

    const reopened = openDiskStore(dir, () => NOW);
    expect(reopened.getStateMachine(SM)?.creationDate).toEqual(NOW);
    const record = reopened.getExecution(done.arn)!;
    expect({ status: record.status, error: record.error, output: record.output, redriveCount: record.redriveCount }).toEqual({
      status: 'SUCCEEDED',
      error: undefined,
      output: '"ok"',
      redriveCount: 1,
    });
    expect(record.redriveDate).toEqual(NOW);
    expect(reopened.getHistory(done.arn)).toEqual([event(1, 'ExecutionStarted')]);
    await reopened.close();
  });

  it('marks RUNNING executions and Map Runs as interrupted, skips a torn last line, and compacts the log', async () => {
    const store = openDiskStore(dir, () => NOW);
    const parent = execution('parent');
    store.putExecution(parent);
    store.appendHistory(parent.arn, event(1, 'ExecutionStarted'));
    store.appendHistory(parent.arn, event(2, 'MapStateEntered'));
    const run: MapRunRecord = {
      arn: 'arn:aws:states:us-east-1:000000000000:mapRun:sm/L:u',
      executionArn: parent.arn,
      stateMachineArn: `${SM}/L`,
      label: 'L',
      executionType: 'EXPRESS',
      definition: '',
      roleArn: revision.roleArn,
      startDate: NOW,
      status: 'RUNNING',
      maxConcurrency: 1,
      itemCounts: { ...zero(), pending: 4, total: 4 },
      executionCounts: zero(),
    };
    store.putMapRun(run);
    const child = (name: string, status: ExecutionRecord['status'], itemIndex: number): ExecutionRecord =>
      execution(name, { type: 'EXPRESS', mapRunArn: run.arn, itemCount: 1, itemIndex, status, input: undefined, revision: undefined });
    store.putExecution(child('c0', 'SUCCEEDED', 0));
    store.putExecution(child('c1', 'RUNNING', 1));
    await store.close();
    appendFileSync(join(dir, 'log.jsonl'), '{"k":"ev","a":"torn');

    const reopened = openDiskStore(dir, () => NOW);
    expect(reopened.getExecution(parent.arn)).toMatchObject({ status: 'FAILED', error: 'Sandbox.EndpointRestarted', stopDate: NOW });
    expect(reopened.getHistory(parent.arn).at(-1)).toMatchObject({ id: 3, previousEventId: 2, type: 'ExecutionFailed' });
    expect(reopened.getMapRun(run.arn)).toMatchObject({
      status: 'FAILED',
      itemCounts: { succeeded: 1, failed: 1, pending: 2, running: 0, total: 4 },
      executionCounts: { succeeded: 1, failed: 1, total: 2 },
    });
    await reopened.close();
    const lines = readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n');
    // Compacted: the Map Run, three executions and three events, one record each.
    expect(lines).toHaveLength(7);
  });

  it('adds redrive branch outputs to the resume point as small deltas, replays them, and reads points without any', async () => {
    const store = openDiskStore(dir, () => NOW);
    const old = execution('old', { status: 'FAILED', resumePoint: { stateName: 'Put', input: '{}', variables: '{}' } });
    const fan = execution('fan');
    store.putExecution(old);
    store.putExecution(fan);
    store.updateExecution(fan.arn, { resumePoint: { stateName: 'Fan', input: '{"big":"input"}', variables: '{}' } });
    store.updateExecution(fan.arn, { completedIteration: { index: 2, output: '{"b":2}' } });
    store.updateExecution(fan.arn, { completedIteration: { index: 0, output: '"zero"' } });
    expect(store.getExecution(fan.arn)?.resumePoint?.completed).toEqual({ 0: '"zero"', 2: '{"b":2}' });
    expect(store.getExecution(fan.arn)).not.toHaveProperty('completedIteration');
    await store.close();
    const log = readFileSync(join(dir, 'log.jsonl'), 'utf8');
    // One input in the log: the deltas do not repeat the resume point.
    expect(log.split('"big').length - 1).toBe(1);

    for (let reopen = 0; reopen < 2; reopen++) {
      // First the deltas are replayed, then the compacted record is read back.
      const reopened = openDiskStore(dir, () => NOW);
      expect(reopened.getExecution(fan.arn)?.resumePoint).toEqual({
        stateName: 'Fan',
        input: '{"big":"input"}',
        variables: '{}',
        completed: { 0: '"zero"', 2: '{"b":2}' },
      });
      expect(reopened.getExecution(old.arn)?.resumePoint).toEqual({ stateName: 'Put', input: '{}', variables: '{}' });
      await reopened.close();
    }
  });
});
