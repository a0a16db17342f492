// A scripted stand-in for the ASL engine, enough to drive the API: Pass (Result), Wait (Seconds via the
// clock, abortable), Succeed and Fail states, with history events shaped like the real engine's.
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { DefinitionError, schemaError, type Diagnostic } from '../../../src/engine/errors/definition-error';
import type { EngineDeps, ExecutionOutcome, StopReason } from '../../../src/engine/runtime/types';
import type { ExecutionRequest } from '../../../src/engine';
import type { ExecutionEngine, ParsedStateMachine } from '../../../src/services/stepfunctions/runs/engine-port';

interface FakeState {
  readonly Type: 'Pass' | 'Wait' | 'Succeed' | 'Fail';
  readonly Result?: unknown;
  readonly Seconds?: number;
  readonly Error?: string;
  readonly Cause?: string;
  readonly Next?: string;
}

export interface FakeDefinition extends ParsedStateMachine {
  readonly startAt: string;
  readonly states: Readonly<Record<string, FakeState>>;
}

export class FakeEngine implements ExecutionEngine<FakeDefinition> {
  parse(definition: string): FakeDefinition {
    const diagnostics = this.validate(definition);
    if (diagnostics.length > 0) throw new DefinitionError(diagnostics);
    const doc = JSON.parse(definition);
    return { startAt: doc.StartAt, states: doc.States, variableReferences: doc.FakeVariableReferences };
  }

  validate(definition: string): Diagnostic[] {
    if (definition.trim() === '') return [schemaError('Definition must be a valid JSON object')];
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(definition);
    } catch (err) {
      return [{ severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', message: (err as Error).message }];
    }
    const missing = ['States', 'StartAt'].filter((k) => !(k in doc));
    const diagnostics = missing.length ? [schemaError(`These fields are required: [${missing.join(', ')}]`, '/')] : [];
    if (doc.Comment === 'WARN') diagnostics.push({ severity: 'WARNING', code: 'FAKE_WARNING', message: 'a warning', location: '/Comment' });
    return diagnostics;
  }

  async run(deps: EngineDeps, request: ExecutionRequest<FakeDefinition>): Promise<ExecutionOutcome> {
    const log = new Log(deps, request.history.record.bind(request.history));
    log.add('ExecutionStarted', 0, { executionStartedEventDetails: data('input', request.input, { roleArn: request.identity.roleArn }) });
    let name: string | undefined = request.definition.startAt;
    let value = request.input;
    let previous = 0;
    while (name !== undefined) {
      const state: FakeState = request.definition.states[name];
      const entered = log.add(`${state.Type}StateEntered`, previous, { stateEnteredEventDetails: { name, ...data('input', value) } });
      if (state.Type === 'Fail') return log.end({ status: 'FAILED', error: state.Error, cause: state.Cause }, entered);
      if (state.Type === 'Wait') {
        try {
          await deps.clock.sleep((state.Seconds ?? 0) * 1000, request.signal);
        } catch {
          const reason = (request.signal?.reason ?? {}) as StopReason;
          return log.end({ status: 'ABORTED', ...reason }, 0);
        }
      }
      if (state.Type === 'Pass' && 'Result' in state) value = state.Result;
      previous = log.add(`${state.Type}StateExited`, entered, { stateExitedEventDetails: { name, ...data('output', value) } });
      name = state.Next;
    }
    return log.end({ status: 'SUCCEEDED', output: value }, previous);
  }
}

class Log {
  private id = 0;

  constructor(
    private readonly deps: EngineDeps,
    private readonly record: (event: HistoryEvent) => void,
  ) {}

  add(type: string, previousEventId: number, details: object): number {
    this.record({ timestamp: this.deps.clock.now(), type: type as HistoryEvent['type'], id: ++this.id, previousEventId, ...details });
    return this.id;
  }

  end(outcome: ExecutionOutcome, previous: number): ExecutionOutcome {
    const kind = { SUCCEEDED: 'Succeeded', FAILED: 'Failed', ABORTED: 'Aborted', TIMED_OUT: 'TimedOut' }[outcome.status];
    const details = outcome.status === 'SUCCEEDED' ? data('output', outcome.output) : { ...pick(outcome, 'error'), ...pick(outcome, 'cause') };
    this.add(`Execution${kind}`, previous, { [`execution${kind}EventDetails`]: details });
    return outcome;
  }
}

function data(key: 'input' | 'output', value: unknown, extra: object = {}): object {
  return { [key]: JSON.stringify(value), [`${key}Details`]: { truncated: false }, ...extra };
}

function pick(outcome: ExecutionOutcome, key: 'error' | 'cause'): object {
  return outcome[key] === undefined ? {} : { [key]: outcome[key] };
}
