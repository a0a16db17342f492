// What `npm run test-state` prints for each reproduction: where the input came from, the status, output or
// error, the next state, and at DEBUG/TRACE every data-flow step TestState reported.
import type { InspectionData } from '@aws-sdk/client-sfn';
import type { Reproduction } from './reproduce';

/** The order a state's data flows through (https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html). */
const STEPS: ReadonlyArray<keyof InspectionData> = [
  'input',
  'afterInputPath',
  'afterParameters',
  'afterArguments',
  'afterItemsPath',
  'afterItemSelector',
  'afterItemBatcher',
  'maxConcurrency',
  'toleratedFailureCount',
  'toleratedFailurePercentage',
  'result',
  'afterResultSelector',
  'afterResultPath',
  'variables',
  'errorDetails',
  'request',
  'response',
];

const MAX_VALUE_CHARS = 2000;

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}… (${text.length} chars)` : text;
}

export function reproductionLines(run: Reproduction): string[] {
  const { response } = run;
  const lines: string[] = [];
  if (run.label) lines.push(`── ${run.label}`);
  if (run.walked.length > 0) lines.push(`walked      ${run.walked.join(' → ')}`);
  lines.push(`status      ${response.status}`);
  if (response.error !== undefined) lines.push(`error       ${response.error}`);
  if (response.cause !== undefined) lines.push(`cause       ${response.cause}`);
  if (response.output !== undefined) lines.push(`output      ${show(response.output)}`);
  lines.push(`next state  ${response.nextState ?? '(none)'}`);
  const data = response.inspectionData;
  if (data) {
    lines.push('steps');
    for (const step of STEPS) if (data[step] !== undefined) lines.push(`  ${step.padEnd(27)} ${show(data[step])}`);
  }
  return lines;
}

/** One line per run for many iterations: the failures first matter most. */
export function summaryLine(runs: readonly Reproduction[]): string {
  const counts = new Map<string, number>();
  for (const run of runs) counts.set(run.response.status ?? '?', (counts.get(run.response.status ?? '?') ?? 0) + 1);
  return `${runs.length} run${runs.length === 1 ? '' : 's'}: ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ')}`;
}
