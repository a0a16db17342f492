// Runs every test/conformance/asl/<group>/<case>.json against the engine with the scripted fakes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDefinition } from '../../src/engine';
import { StatesError } from '../../src/engine/errors/states-error';
import { FakeClock } from '../engine/support/fake-clock';
import { FakeTaskRunner, hangs, type TaskScript } from '../engine/support/fake-task-runner';
import { runWorkflow, shape } from '../engine/support/run-workflow';
import type { ConformanceCase, ScriptedCall } from './conformance-case';
import { FakeCallbacks } from '../engine/support/fake-callbacks';

const ROOT = join(__dirname, 'asl');

function script(call: ScriptedCall): TaskScript {
  if ('hang' in call) return hangs;
  if ('error' in call)
    return () => {
      throw new StatesError(call.error, call.cause);
    };
  return () => structuredClone(call.result);
}

function fakeTasks(tasks: ConformanceCase['tasks'] = {}): FakeTaskRunner {
  return new FakeTaskRunner(Object.fromEntries(Object.entries(tasks).map(([arn, calls]) => [arn, calls.map(script)])));
}

async function check(c: ConformanceCase): Promise<void> {
  // A string definition is sent as raw text (to test non-JSON input); anything else is serialized.
  const definition = typeof c.definition === 'string' ? c.definition : JSON.stringify(c.definition);
  if (c.diagnostics) {
    const diagnostics = validateDefinition(definition, { type: c.type, tasks: fakeTasks() });
    expect(diagnostics.map(({ code, message, location }) => ({ code, message, ...(location !== undefined && { location }) }))).toEqual(c.diagnostics);
    return;
  }
  const expected = c.expect!;
  const run = await runWorkflow(definition, c.input ?? {}, { tasks: fakeTasks(c.tasks), clock: new FakeClock(), type: c.type, callbacks: new FakeCallbacks() });
  const { status, output, error, cause } = run.outcome;
  expect({ status, output, error, cause }).toEqual({ status: expected.status, output: expected.output, error: expected.error, cause: expected.cause });
  if (expected.events) expect(shape(run.events)).toEqual(expected.events);
  for (const [index, details] of Object.entries(expected.eventDetails ?? {})) expect(run.events[Number(index)]).toMatchObject(details);
  if (expected.sleeps) expect(run.clock.sleeps).toEqual(expected.sleeps);
  if (expected.calls) expect(run.tasks.calls.map(({ arn, args }) => ({ arn, args }))).toEqual(expected.calls);
}

for (const group of readdirSync(ROOT).sort()) {
  describe(group, () => {
    for (const file of readdirSync(join(ROOT, group))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const c = JSON.parse(readFileSync(join(ROOT, group, file), 'utf8')) as ConformanceCase;
      it(`${file.replace(/\.json$/, '')}: ${c.description}`, () => check(c));
    }
  });
}
