// `npm run test-state`: reproduce one state of the pipeline on the sandbox from production evidence (an
// exported execution history, a local execution, or a FAILED_n.json entry) with the local definition.
import { DescribeStateMachineForExecutionCommand, type InspectionLevel, type MockInput, type SFNClient } from '@aws-sdk/client-sfn';
import { readFileSync } from 'node:fs';
import type { SandboxConfig } from '../../config/config';
import { loadDefinition, renderValuesFrom } from '../render-definition';
import { PIPELINE_FILES } from '../deploy';
import { parseResultEntries } from '../result-files';
import { fetchHistory, readHistoryFile, type LoadedHistory } from './history';
import { allStateNames, locateState, type RawProgram } from './locate-state';
import { reproduceState, type Reproduction, type StartPoint } from './reproduce';
import { findStateEntry } from './state-entry';

export interface TestStateOptions {
  readonly state: string;
  /** An exported history file. */
  readonly history?: string;
  /** An execution on this sandbox. */
  readonly execution?: string;
  /** A ResultWriter FAILED_n.json and the 1-based entry to take (default 1). */
  readonly failed?: string;
  readonly entry?: number;
  /** The input (JSON), with optional variables (JSON object): the start of the state's block. */
  readonly input?: string;
  readonly variables?: string;
  readonly eventId?: number;
  /** A definition file (statemachines/<file> or a path); default: the pipeline definition with the state. */
  readonly definition?: string;
  readonly mock?: MockInput;
  readonly level: InspectionLevel;
}

export interface TestStateReport {
  /** Where the state's input came from, for the report's first lines. */
  readonly source: string;
  readonly definition: string;
  readonly runs: readonly Reproduction[];
}

export async function testStateFromEvidence(sfn: SFNClient, config: SandboxConfig, options: TestStateOptions): Promise<TestStateReport> {
  const sources = [options.history, options.execution, options.failed, options.input].filter((s) => s !== undefined);
  if (sources.length !== 1) throw new Error('give exactly one of --history FILE, --execution ARN, --failed FAILED_n.json or --input JSON');
  const history = options.history ? readHistoryFile(options.history) : options.execution ? await fetchHistory(sfn, options.execution) : undefined;
  const { definition, name } = await chooseDefinition(sfn, config, options);
  const start = history ? historyStart(history, options) : inputStart(options);
  const runs = await reproduceState(sfn, {
    definition,
    stateName: options.state,
    start: start.point,
    level: options.level,
    roleArn: config.roleArn,
    mock: options.mock,
  });
  return { source: start.source, definition: name, runs };
}

function historyStart(history: LoadedHistory, options: TestStateOptions): { point: StartPoint; source: string } {
  const entry = findStateEntry(history, options.state, options.eventId);
  const failed = entry.failure ? `, which led to ${entry.failure.type} ${entry.failure.error ?? ''}`.trimEnd() : '';
  return { point: { kind: 'entry', entry }, source: `event ${entry.enteredEventId} of ${history.source}${failed}` };
}

function inputStart(options: TestStateOptions): { point: StartPoint; source: string } {
  const variables = options.variables === undefined ? {} : parseJson(options.variables, '--variables');
  if (options.failed) {
    const entries = parseResultEntries(readFileSync(options.failed, 'utf8'));
    const index = (options.entry ?? 1) - 1;
    const entry = entries[index];
    if (!entry) throw new Error(`${options.failed}: no entry ${index + 1} (the file has ${entries.length})`);
    if (entry.Input === undefined) throw new Error(`${options.failed}: entry ${index + 1} has no Input`);
    const failure = entry.Error ? ` (failed there with ${entry.Error})` : '';
    return {
      point: { kind: 'input', input: JSON.parse(entry.Input), variables: variables as Record<string, unknown> },
      source: `entry ${index + 1} of ${options.failed}${failure}`,
    };
  }
  return { point: { kind: 'input', input: parseJson(options.input as string, '--input'), variables: variables as Record<string, unknown> }, source: '--input' };
}

async function chooseDefinition(sfn: SFNClient, config: SandboxConfig, options: TestStateOptions): Promise<{ definition: RawProgram; name: string }> {
  const values = renderValuesFrom(config);
  if (options.definition) return { definition: JSON.parse(loadDefinition(options.definition, values)) as RawProgram, name: options.definition };
  if (options.execution) {
    const described = await sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn: options.execution }));
    return { definition: JSON.parse(described.definition as string) as RawProgram, name: described.stateMachineArn ?? options.execution };
  }
  const candidates = Object.values(PIPELINE_FILES).map((file) => ({
    name: `statemachines/${file}`,
    definition: JSON.parse(loadDefinition(file, values)) as RawProgram,
  }));
  const matching = candidates.filter((c) => locateState(c.definition, options.state));
  if (matching.length === 1) return matching[0];
  const names = candidates.flatMap((c) => allStateNames(c.definition).map((n) => `'${n}'`));
  throw new Error(
    matching.length === 0
      ? `no state named '${options.state}' in the pipeline's definitions (states: ${names.join(', ')}); pass --definition FILE`
      : `'${options.state}' is in several definitions (${matching.map((m) => m.name).join(', ')}): pass --definition FILE`,
  );
}

function parseJson(text: string, flag: string): unknown {
  const raw = text.startsWith('@') ? readFileSync(text.slice(1), 'utf8') : text;
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new Error(`${flag}: not JSON (${(err as Error).message})`);
  }
}

/** `--mock` takes the API's mock member: `{"result": "<json>"}` or `{"errorOutput": {"error": …, "cause": …}}`, inline or @file. */
export function parseMockFlag(text: string): MockInput {
  const mock = parseJson(text, '--mock') as Record<string, unknown>;
  if (mock === null || typeof mock !== 'object' || Array.isArray(mock))
    throw new Error('--mock: expected an object such as {"result": "{}"} or {"errorOutput": {"error": "E"}}');
  // A result given as a JSON value rather than JSON text is accepted for convenience.
  if (mock.result !== undefined && typeof mock.result !== 'string') mock.result = JSON.stringify(mock.result);
  return mock;
}
