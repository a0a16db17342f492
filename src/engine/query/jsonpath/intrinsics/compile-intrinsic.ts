// Compiles an intrinsic call once (names, arity, nesting and argument paths checked at create time) and
// evaluates it against a state's document. Argument failures become States.IntrinsicFailure.
import { randomUUID } from 'node:crypto';
import { DefinitionError, schemaError } from '../../../errors/definition-error';
import { StatesError, StatesErrorName, stateErrorPrefix } from '../../../errors/states-error';
import type { EvalScope } from '../../types';
import { pathNotFound } from '../path-not-found';
import { CompiledReferencePath, parseFieldPath } from '../reference-path';
import { protectTemplate } from './generic';
import { IntrinsicArgumentError, type IntrinsicEnv } from './intrinsic-function';
import { IntrinsicSyntaxError, parseIntrinsic, type IntrinsicArg, type IntrinsicCall } from './intrinsic-syntax';
import { intrinsicFunctions } from './registry';

type Evaluator = (doc: unknown, scope: EvalScope) => unknown;

interface Site {
  readonly text: string;
  readonly field: string;
  readonly location?: string;
  readonly variables: Set<string>;
}

/**
 * AWS's recorded text for a call it cannot parse (e.g. an illegal escape) has no detail; the sandbox adds one
 * only for what parses but is still wrong (unknown function, arity), where AWS's text is not recorded.
 */
function invalid(site: Site, detail?: string): DefinitionError {
  const suffix = detail === undefined ? '' : ` (${detail})`;
  return new DefinitionError([
    schemaError(`The value for the field '${site.field}' must be a valid JSONPath or a valid intrinsic function call${suffix}`, site.location),
  ]);
}

function environment(scope: EvalScope): IntrinsicEnv {
  return { random: scope.random ?? Math.random, uuid: scope.uuid ?? randomUUID };
}

function compileArg(arg: IntrinsicArg, site: Site, formatTemplate: boolean): Evaluator {
  if (arg.kind === 'call') return compileCall(arg, site);
  if (arg.kind === 'literal') {
    const value = formatTemplate && arg.raw !== undefined ? protectTemplate(arg.raw) : arg.value;
    return () => value;
  }
  const path = new CompiledReferencePath(arg.path, parseFieldPath(arg.path, site.field, site.location));
  path.variableReferences.forEach((name) => site.variables.add(name));
  return (doc, scope) => {
    const result = path.resolve(doc, scope);
    if (!result.found) throw pathNotFound(scope, arg.path, site.field, doc);
    return result.value;
  };
}

function compileCall(call: IntrinsicCall, site: Site): Evaluator {
  const fn = intrinsicFunctions[call.name];
  if (!fn) throw invalid(site, `unknown intrinsic function '${call.name}'`);
  if (call.args.length < fn.minArgs || call.args.length > fn.maxArgs) {
    const expected = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
    throw invalid(site, `${call.name} takes ${expected} argument(s) but was given ${call.args.length}`);
  }
  const args = call.args.map((arg, i) => compileArg(arg, site, call.name === 'States.Format' && i === 0));
  return (doc, scope) => {
    const values = args.map((evaluate) => evaluate(doc, scope));
    try {
      return fn.call(values, environment(scope));
    } catch (e) {
      if (!(e instanceof IntrinsicArgumentError)) throw e;
      throw new StatesError(
        StatesErrorName.IntrinsicFailure,
        `${stateErrorPrefix(scope.stateName, scope.enteredEventId)}Invalid arguments in ${call.name} ` +
          `(field '${site.field}', expression '${site.text}'): ${e.message}`,
      );
    }
  };
}

export interface CompiledIntrinsic {
  readonly variableReferences: readonly string[];
  evaluate(doc: unknown, scope: EvalScope): unknown;
}

/** `field` is the key as written (e.g. "value.$"); `location` the JSON pointer for create-time diagnostics. */
export function compileIntrinsic(text: string, field: string, location?: string): CompiledIntrinsic {
  const site: Site = { text, field, location, variables: new Set() };
  let call: IntrinsicCall;
  try {
    call = parseIntrinsic(text);
  } catch (e) {
    if (e instanceof IntrinsicSyntaxError) throw invalid(site);
    throw e;
  }
  const evaluate = compileCall(call, site);
  return { variableReferences: [...site.variables].sort(), evaluate };
}
