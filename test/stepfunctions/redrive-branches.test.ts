// RedriveExecution of a failed top-level Parallel / Inline Map (docs/aws-behaviour.md#redrive): only the branches / iterations
// that did not succeed run again (the others leave no events and their Tasks do not repeat), and the state's
// output equals a clean run's. Also: a `#TestCase` start keeps its mocks on redrive, in Distributed Map children.
import { CreateStateMachineCommand, RedriveExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { AwsClients } from '../../src/config/clients';
import { enteredStates, inlineMapMachine, parallelMachine, runsOf, startedIterations } from './redrive-branches-support';
import { historyOf, createTable, ROLE_ARN, waitForExecution } from './redrive-support';
import { useEmbeddedSandbox } from './support/embedded-sandbox';

const MAP_ITEMS = [false, true, false, true, false];

describe('RedriveExecution of a top-level Parallel / Inline Map', () => {
  const target = useEmbeddedSandbox();
  let clients: AwsClients;
  let sequence = 0;
  const counts = 'redrive-branches-counts';

  beforeAll(async () => {
    ({ clients } = target);
    await createTable(clients.dynamodb, counts);
  });

  async function start(definition: string, input: object): Promise<string> {
    const name = `branches-${++sequence}`;
    const { stateMachineArn } = await clients.sfn.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN }));
    const { executionArn } = await clients.sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }));
    return executionArn!;
  }

  /** The same machine where the late table exists from the start: the output a redrive must reproduce. */
  async function cleanOutput(definition: string, extra: object = {}): Promise<unknown> {
    const late = `redrive-branches-clean-${++sequence}`;
    await createTable(clients.dynamodb, late);
    const done = await waitForExecution(clients.sfn, await start(definition, { counts, late, run: late, ...extra }));
    expect(done.status).toBe('SUCCEEDED');
    return JSON.parse(done.output!);
  }

  /** Fails at the late table, creates it, redrives; returns the redrive's part of the history and the output. */
  async function failThenRedrive(definition: string, run: string, extra: object = {}) {
    const late = `redrive-branches-late-${run}`;
    const executionArn = await start(definition, { counts, late, run, ...extra });
    const failed = await waitForExecution(clients.sfn, executionArn);
    expect({ status: failed.status, error: failed.error }).toEqual({ status: 'FAILED', error: 'DynamoDB.ResourceNotFoundException' });
    const before = await historyOf(clients.sfn, executionArn);
    await createTable(clients.dynamodb, late);
    await clients.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const done = await waitForExecution(clients.sfn, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    const after = await historyOf(clients.sfn, executionArn);
    expect(after.slice(0, before.length)).toEqual(before);
    return { added: after.slice(before.length), output: JSON.parse(done.output!) as unknown };
  }

  it('Parallel: only the failed branch runs again; the succeeded branches keep their outputs', async () => {
    const { added, output } = await failThenRedrive(parallelMachine, 'parallel');

    expect(await Promise.all([0, 1, 2].map((i) => runsOf(clients.dynamodb, counts, 'parallel', i)))).toEqual([1, 2, 1]);
    expect(added.map((e) => e.type).slice(0, 3)).toEqual(['ExecutionRedriven', 'ParallelStateEntered', 'ParallelStateStarted']);
    expect(enteredStates(added).filter((name) => name === 'Work' || name === 'Put' || name === 'Done')).toEqual(['Work', 'Put', 'Done']);
    expect(added.map((e) => e.type).slice(-3)).toEqual(['ParallelStateSucceeded', 'ParallelStateExited', 'ExecutionSucceeded']);
    expect(output).toEqual({
      results: [
        { item: 0, table: 'counts' },
        { item: 1, table: 'late' },
        { item: 2, table: 'counts' },
      ],
      branches: 3,
    });
    expect(output).toEqual(await cleanOutput(parallelMachine));
  });

  it('Inline Map (MaxConcurrency 2, items 1 and 3 late): the succeeded iterations 0 and 2 are neither run nor recorded again', async () => {
    const { added, output } = await failThenRedrive(inlineMapMachine, 'map', { items: MAP_ITEMS });

    expect(startedIterations(added)).toEqual([1, 3, 4]);
    const runs = await Promise.all(MAP_ITEMS.map((_, i) => runsOf(clients.dynamodb, counts, 'map', i)));
    // Items 1 and 3 fail at about the same time: the first failure may abort the other before its Work task.
    expect({ 0: runs[0], 2: runs[2], 4: runs[4] }).toEqual({ 0: 1, 2: 1, 4: 1 });
    expect(runs[1]).toBeGreaterThanOrEqual(1);
    expect(runs[3]).toBeGreaterThanOrEqual(1);
    expect(added.map((e) => e.type).slice(-3)).toEqual(['MapStateSucceeded', 'MapStateExited', 'ExecutionSucceeded']);
    expect((output as { results: unknown[] }).results).toEqual(MAP_ITEMS.map((late, item) => ({ item, table: late ? 'late' : 'counts' })));
    expect(output).toEqual(await cleanOutput(inlineMapMachine, { items: MAP_ITEMS }));
  });

  it('[UNCONFIRMED] a nested Parallel inside a re-run branch is re-run whole; a Parallel whose error was caught leaves nothing to redrive', async () => {
    // The outer Parallel's branch 0 succeeds; branch 1 is a nested Parallel whose own branch 0 succeeds and branch 1 fails.
    const inner = JSON.parse(parallelMachine).States.Fan;
    const nested = JSON.stringify({
      QueryLanguage: 'JSONata',
      StartAt: 'Outer',
      States: {
        Outer: {
          Type: 'Parallel',
          Branches: [inner.Branches[0], { StartAt: 'Inner', States: { Inner: { ...inner, Branches: [inner.Branches[2], inner.Branches[1]], End: true } } }],
          End: true,
        },
      },
    });
    const { output } = await failThenRedrive(nested, 'nested');
    // Outer branch 0 kept; inner branches: the succeeded one (counter 2) ran again with the failed one (counter 1).
    expect(await Promise.all([0, 1, 2].map((i) => runsOf(clients.dynamodb, counts, 'nested', i)))).toEqual([1, 2, 2]);
    expect(output).toEqual([
      { item: 0, table: 'counts' },
      {
        results: [
          { item: 2, table: 'counts' },
          { item: 1, table: 'late' },
        ],
        branches: 2,
      },
    ]);

    const caught = JSON.parse(parallelMachine);
    caught.States.Fan = { ...caught.States.Fan, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Fallback' }], End: undefined, Next: 'Gone' };
    caught.States.Fallback = { Type: 'Fail', Error: 'Fallback' };
    caught.States.Gone = { Type: 'Succeed' };
    const executionArn = await start(JSON.stringify(caught), { counts, late: 'redrive-branches-never', run: 'caught' });
    const failed = await waitForExecution(clients.sfn, executionArn);
    expect(failed.error).toBe('Fallback');
    // The redrive resumes at the Fail state the Catch went to, not in the Parallel: no branch runs again.
    await clients.sfn.send(new RedriveExecutionCommand({ executionArn }));
    const again = await waitForExecution(clients.sfn, executionArn, (d) => d.status !== 'RUNNING' && d.redriveCount === 1);
    expect({ status: again.status, error: again.error }).toEqual({ status: 'FAILED', error: 'Fallback' });
    expect(await Promise.all([0, 1, 2].map((i) => runsOf(clients.dynamodb, counts, 'caught', i)))).toEqual([1, 1, 1]);
  });
});
