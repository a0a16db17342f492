// Workflow variables (docs/aws-behaviour.md#variables): one scope for the top level, a child scope per Parallel branch and Map
// iteration. Inner scopes read outer values; what they assign disappears with them. AWS forbids assigning
// an outer name from an inner scope; that case writes the inner scope here [UNCONFIRMED: AWS's behaviour
// at run time is not recorded].
import { StatesError, StatesErrorName, stateErrorPrefix } from '../errors/states-error';
import type { VariableReader } from '../query/types';

/** Per-variable and per-Assign size limit (docs/aws-behaviour.md#variables). */
const MAX_ASSIGN_BYTES = 262_144;

export class VariableScope implements VariableReader {
  private readonly values = new Map<string, unknown>();

  constructor(private readonly parent?: VariableScope) {}

  has(name: string): boolean {
    return this.values.has(name) || (this.parent?.has(name) ?? false);
  }

  get(name: string): unknown {
    return this.values.has(name) ? this.values.get(name) : this.parent?.get(name);
  }

  child(): VariableScope {
    return new VariableScope(this);
  }

  assign(values: Readonly<Record<string, unknown>>): void {
    for (const [name, value] of Object.entries(values)) this.values.set(name, value);
  }

  /** This scope's own values (a redrive checkpoint of the top-level variables). */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries(this.values);
  }
}

/**
 * Checks one state's assignments against the 256 KiB limits before they are committed. The error AWS
 * raises is not documented [UNCONFIRMED]; States.Runtime with a clear cause is used.
 */
export function checkAssignmentSize(values: Readonly<Record<string, unknown>>, stateName: string, enteredEventId: number): void {
  let total = 0;
  for (const [name, value] of Object.entries(values)) {
    const bytes = Buffer.byteLength(JSON.stringify(value) ?? 'null');
    total += bytes;
    if (bytes > MAX_ASSIGN_BYTES) {
      throw new StatesError(
        StatesErrorName.Runtime,
        `${stateErrorPrefix(stateName, enteredEventId)}The variable '${name}' exceeds the maximum size of 262144 bytes.`,
      );
    }
  }
  if (total > MAX_ASSIGN_BYTES) {
    throw new StatesError(
      StatesErrorName.Runtime,
      `${stateErrorPrefix(stateName, enteredEventId)}The assigned variables exceed the maximum combined size of 262144 bytes.`,
    );
  }
}
