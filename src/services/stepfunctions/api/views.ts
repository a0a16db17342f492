// Pieces of responses shared by several operations.
import type { LoggingConfiguration, TracingConfiguration } from '@aws-sdk/client-sfn';
import type { ParsedStateMachine } from '../runs/engine-port';
import type { MapRunRecord } from '../store/store';

const DEFAULT_LOGGING: LoggingConfiguration = { level: 'OFF', includeExecutionData: false };
const DEFAULT_TRACING: TracingConfiguration = { enabled: false };

/** DescribeStateMachine `variableReferences`: present only when some state references variables. */
export function variableReferences(parsed: ParsedStateMachine): Record<string, string[]> | undefined {
  const refs = Object.entries(parsed.variableReferences ?? {}).filter(([, names]) => names.length > 0);
  return refs.length > 0 ? Object.fromEntries(refs.map(([state, names]) => [state, [...names]])) : undefined;
}

/**
 * The Map Run child "state machine" `…:stateMachine:<sm>/<label>` (docs/aws-behaviour.md#distributed-map): its definition is the
 * ItemProcessor. [UNCONFIRMED] `name` is the `<sm>/<label>` resource part, like any state machine's name.
 */
export function childStateMachine(run: MapRunRecord) {
  return {
    stateMachineArn: run.stateMachineArn,
    name: run.stateMachineArn.slice(run.stateMachineArn.indexOf(':stateMachine:') + ':stateMachine:'.length),
    definition: run.definition,
    roleArn: run.roleArn,
    type: run.executionType,
    loggingConfiguration: DEFAULT_LOGGING,
    tracingConfiguration: DEFAULT_TRACING,
    label: run.label,
  };
}
