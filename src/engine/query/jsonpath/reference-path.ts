// Reference paths (InputPath, OutputPath, ItemsPath, *Path fields, Choice Variable): `$…`, `$$…` or `$var…`.
// A miss is a States.Runtime error, recorded as (docs/aws-behaviour.md#jsonpath-runtime-errors):
//   Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']
import { DefinitionError, schemaError } from '../../errors/definition-error';
import { StatesError, StatesErrorName, stateErrorPrefix } from '../../errors/states-error';
import type { EvalScope, ReferencePath } from '../types';
import { resolvePath, type Resolution } from './path-resolver';
import { PathSyntaxError, parsePath, type ParsedPath } from './path-syntax';

/** Parses a path or throws the create-time diagnostic AWS gives for a malformed JSONPath field. */
export function parseFieldPath(path: string, field: string, location?: string): ParsedPath {
  try {
    return parsePath(path);
  } catch (e) {
    if (!(e instanceof PathSyntaxError)) throw e;
    throw new DefinitionError([schemaError(`The value for the field '${field}' must be a valid JSONPath`, location)]);
  }
}

function pathVariables(parsed: ParsedPath): string[] {
  return parsed.root.kind === 'variable' ? [parsed.root.name] : [];
}

export class CompiledReferencePath implements ReferencePath {
  readonly variableReferences: readonly string[];

  constructor(
    readonly path: string,
    private readonly parsed: ParsedPath,
  ) {
    this.variableReferences = pathVariables(parsed);
  }

  /** The value, or the reason it is missing; never throws. */
  resolve(doc: unknown, scope: EvalScope): Resolution {
    return resolvePath(this.parsed, doc, scope);
  }

  select(doc: unknown, scope: EvalScope): unknown {
    const result = this.resolve(doc, scope);
    if (result.found) return result.value;
    throw new StatesError(StatesErrorName.Runtime, `${stateErrorPrefix(scope.stateName, scope.enteredEventId)}Invalid path '${this.path}' : ${result.reason}`);
  }
}

export function compileReferencePath(path: string, field: string, location?: string): CompiledReferencePath {
  return new CompiledReferencePath(path, parseFieldPath(path, field, location));
}
