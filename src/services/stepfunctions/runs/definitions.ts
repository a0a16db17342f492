// Parses definitions once per state machine revision and turns engine DefinitionErrors into the API's
// InvalidDefinition: `Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: <message> at <pointer>'`.
import { DefinitionError, formatDiagnostic, type StateMachineType, type TaskRunner } from '../../../engine';
import type { ExecutionEngine, ParsedStateMachine } from './engine-port';
import { InvalidDefinition } from '../api/errors';
import type { StateMachineRevision } from '../store/store';

/** The API error for a definition the engine rejected. */
export function invalidDefinition(err: DefinitionError): InvalidDefinition {
  // [UNCONFIRMED] several errors joined with ", " (one error is what the recordings show).
  const errors = err.diagnostics.filter((d) => d.severity === 'ERROR');
  return new InvalidDefinition((errors.length > 0 ? errors : err.diagnostics).map(formatDiagnostic).join(', '));
}

export class DefinitionCache<D extends ParsedStateMachine> {
  private readonly parsed = new WeakMap<StateMachineRevision, D>();

  constructor(
    private readonly engine: ExecutionEngine<D>,
    private readonly tasks: TaskRunner,
  ) {}

  /** Parses for CreateStateMachine / UpdateStateMachine; throws InvalidDefinition. */
  parse(definition: string, type: StateMachineType): D {
    try {
      return this.engine.parse(definition, { type, tasks: this.tasks });
    } catch (err) {
      if (!(err instanceof DefinitionError)) throw err;
      throw invalidDefinition(err);
    }
  }

  remember(revision: StateMachineRevision, parsed: D): void {
    this.parsed.set(revision, parsed);
  }

  /** The parsed form of a stored revision, parsing again if it was never seen (e.g. loaded from disk). */
  forRevision(revision: StateMachineRevision, type: StateMachineType): D {
    let parsed = this.parsed.get(revision);
    if (parsed === undefined) {
      parsed = this.parse(revision.definition, type);
      this.parsed.set(revision, parsed);
    }
    return parsed;
  }
}
