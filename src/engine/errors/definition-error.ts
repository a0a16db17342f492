// Create-time problems with a definition, reported the way ValidateStateMachineDefinition does.

export interface Diagnostic {
  readonly severity: 'ERROR' | 'WARNING';
  /** e.g. SCHEMA_VALIDATION_FAILED, INVALID_JSON_DESCRIPTION. */
  readonly code: string;
  readonly message: string;
  /** JSON pointer into the definition, e.g. "/States/Pass/Type"; absent for whole-document problems. */
  readonly location?: string;
}

export class DefinitionError extends Error {
  override readonly name = 'DefinitionError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('; '));
  }
}

/** "SCHEMA_VALIDATION_FAILED: <message> at <location>", the form CreateStateMachine's InvalidDefinition quotes. */
export function formatDiagnostic(d: Diagnostic): string {
  // Some recorded messages end with a space ("… service integration "): CreateStateMachine shows one space before "at".
  return d.location ? `${d.code}: ${d.message.trimEnd()} at ${d.location}` : `${d.code}: ${d.message}`;
}

export function schemaError(message: string, location?: string): Diagnostic {
  return { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message, location };
}
