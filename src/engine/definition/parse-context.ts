// Shared state of one definition parse: collected diagnostics, the options, and small readers that
// report type problems at JSON-pointer locations instead of throwing, so validateDefinition can
// return every problem at once (AWS reports several diagnostics per response).
import { DefinitionError, schemaError, type Diagnostic } from '../errors/definition-error';
import type { TaskRunner } from '../integrations/types';
import type { StateMachineType } from '../runtime/types';
import { isJsonObject } from '../query/common/json-object';
import type { QueryLanguage } from './types';

export type Json = Record<string, unknown>;

/** AWS writes array positions as `[i]` inside its pointers (`/States/C/Choices[0]/Next`). */
export function at(location: string, key: string | number): string {
  if (typeof key === 'number') return `${location}[${key}]`;
  return location === '/' ? `/${key}` : `${location}/${key}`;
}

export interface ParseOptions {
  readonly type: StateMachineType;
  readonly tasks: TaskRunner;
}

export class ParseContext {
  /** State name → variables it reads; names may repeat across branches, so references merge. */
  readonly variableReferences = new Map<string, Set<string>>();

  constructor(
    readonly options: ParseOptions,
    /** The whole machine's QueryLanguage: nested programs inherit it, not their parent state's. */
    readonly machineLanguage: QueryLanguage,
    readonly diagnostics: Diagnostic[] = [],
    private readonly parent?: ParseContext,
  ) {}

  /** Same diagnostics, own variable references (a Distributed Map child machine); notes still reach this one. */
  child(): ParseContext {
    return new ParseContext(this.options, this.machineLanguage, this.diagnostics, this);
  }

  /** Sorted references per state, as DescribeStateMachine shows them. */
  referencesByState(): Record<string, readonly string[]> {
    return Object.fromEntries([...this.variableReferences].map(([name, set]) => [name, [...set].sort()]));
  }

  error(message: string, location?: string, code = 'SCHEMA_VALIDATION_FAILED'): void {
    this.diagnostics.push(code === 'SCHEMA_VALIDATION_FAILED' ? schemaError(message, location) : { severity: 'ERROR', code, message, location });
  }

  /** Runs a query-language compiler; its DefinitionError becomes diagnostics (located at `location` if it has none). */
  compile<T>(location: string, compile: () => T): T | undefined {
    try {
      return compile();
    } catch (thrown) {
      if (!(thrown instanceof DefinitionError)) throw thrown;
      for (const d of thrown.diagnostics) this.diagnostics.push(d.location ? d : { ...d, location });
      return undefined;
    }
  }

  noteReferences(stateName: string, names: Iterable<string>): void {
    let set = this.variableReferences.get(stateName);
    for (const name of names) {
      if (!set) this.variableReferences.set(stateName, (set = new Set()));
      set.add(name);
    }
    this.parent?.noteReferences(stateName, names);
  }

  // Type checks. AWS's wording for a wrongly typed field is not recorded [UNCONFIRMED]; these name the
  // expected type and the field's pointer.
  string(obj: Json, key: string, location: string): string | undefined {
    const value = obj[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    this.error(`Expected value of type String`, at(location, key));
    return undefined;
  }

  boolean(obj: Json, key: string, location: string): boolean | undefined {
    const value = obj[key];
    if (value === undefined || typeof value === 'boolean') return value;
    this.error(`Expected value of type Boolean`, at(location, key));
    return undefined;
  }

  /** Integer literal within [min, max]. */
  integer(obj: Json, key: string, location: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const value = obj[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.error(`Expected value of type Integer`, at(location, key));
      return undefined;
    }
    if (value < min || value > max) {
      this.error(`Value must be between ${min} and ${max}`, at(location, key));
      return undefined;
    }
    return value;
  }

  number(obj: Json, key: string, location: string, min: number, max = Number.MAX_VALUE): number | undefined {
    const value = obj[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.error(`Expected value of type Number`, at(location, key));
      return undefined;
    }
    if (value < min || value > max) {
      this.error(`Value must be between ${min} and ${max}`, at(location, key));
      return undefined;
    }
    return value;
  }

  object(obj: Json, key: string, location: string): Json | undefined {
    const value = obj[key];
    if (value === undefined) return undefined;
    if (isJsonObject(value)) return value;
    this.error(`Expected value of type Object`, at(location, key));
    return undefined;
  }

  array(obj: Json, key: string, location: string): unknown[] | undefined {
    const value = obj[key];
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value as unknown[];
    this.error(`Expected value of type Array`, at(location, key));
    return undefined;
  }

  /** One of a fixed set of values (message modeled on the recorded `Type` diagnostic). */
  oneOf<T extends string>(obj: Json, key: string, location: string, values: readonly T[]): T | undefined {
    const value = obj[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
    this.error(`The field '${key}' should have one of these values: [${values.join(', ')}]`, at(location, key));
    return undefined;
  }

  /** Recorded at the document root: "These fields are required: [States, StartAt]" (even for one field). */
  required(obj: Json, keys: readonly string[], location: string): boolean {
    const missing = keys.filter((k) => obj[k] === undefined);
    if (missing.length > 0) this.error(`These fields are required: [${missing.join(', ')}]`, location);
    return missing.length === 0;
  }

  /** Recorded inside nested objects: "The field 'RoleArn' is required but was missing" (docs/aws-behaviour.md#task-state). */
  requiredField(obj: Json, key: string, location: string): boolean {
    if (obj[key] !== undefined) return true;
    this.error(`The field '${key}' is required but was missing`, location);
    return false;
  }
}
