// Compiles the expression-bearing fields of one state (or one nested object of it) with the query
// languages, reporting problems as diagnostics and recording which workflow variables the state reads.
import { compileJsonataTemplate, isJsonataExpression } from '../query/jsonata';
import { compileIntrinsic, compilePayloadTemplate, compileReferencePath, isIntrinsicCall, type CompiledReferencePath } from '../query/jsonpath';
import type { JsonataTemplate, PayloadTemplate, ReferencePath } from '../query/types';
import { at, type Json, type ParseContext } from './parse-context';
import { intrinsicSelector } from './path-selectors';
import type { DynamicValue, PathSelector, Payload, QueryLanguage } from './types';

/** Wraps a compiled `*Path` so its miss carries the field's own wording; default: the path's "Invalid path" error. */
export type SelectorFactory = (ref: CompiledReferencePath, field: string) => PathSelector;

export interface NumberRule {
  readonly integer: boolean;
  readonly min: number;
  readonly max?: number;
}

export class FieldReader {
  constructor(
    readonly ctx: ParseContext,
    readonly stateName: string,
    readonly location: string,
    readonly language: QueryLanguage,
    /** Inside an EXPRESS machine or an EXPRESS Distributed Map child: `.sync`/`.waitForTaskToken` are refused. */
    readonly express: boolean,
  ) {}

  /** The same state, reading a nested object (ItemReader, Catch[0], ...). */
  nested(location: string): FieldReader {
    return new FieldReader(this.ctx, this.stateName, location, this.language, this.express);
  }

  private note<T extends { readonly variableReferences: readonly string[] }>(compiled: T | undefined): T | undefined {
    if (compiled) this.ctx.noteReferences(this.stateName, compiled.variableReferences);
    return compiled;
  }

  /** A reference path (`InputPath`, `ItemsPath`, ...); `null` is kept when the field allows it. */
  path(raw: Json, key: string, nullable = false): ReferencePath | null | undefined {
    const value = raw[key];
    if (value === undefined || (nullable && value === null)) return value;
    const text = this.ctx.string(raw, key, this.location);
    if (text === undefined) return undefined;
    return this.note(this.ctx.compile(at(this.location, key), () => compileReferencePath(text, key, at(this.location, key))));
  }

  /** ResultPath: a definite `$`-rooted path, or null to discard the result. */
  resultPath(raw: Json, key = 'ResultPath'): string | null | undefined {
    const value = raw[key];
    if (value === undefined || value === null) return value;
    const text = this.ctx.string(raw, key, this.location);
    if (text === undefined) return undefined;
    const location = at(this.location, key);
    const ref = this.ctx.compile(location, () => compileReferencePath(text, key, location));
    // ResultPath writes into the input, so it cannot start at the context object or a variable [wording UNCONFIRMED].
    if (ref && (!text.startsWith('$') || text.startsWith('$$') || ref.variableReferences.length > 0)) {
      this.ctx.error(`The value for the field '${key}' must be a valid ReferencePath`, location);
      return undefined;
    }
    return ref ? text : undefined;
  }

  /** A JSONPath payload template (`Parameters`, `ResultSelector`, `ItemSelector`, `Assign`). */
  payloadTemplate(raw: Json, key: string): PayloadTemplate | undefined {
    if (raw[key] === undefined) return undefined;
    return this.note(this.ctx.compile(at(this.location, key), () => compilePayloadTemplate(raw[key], key, at(this.location, key))));
  }

  /** A JSONata-state template: any JSON with `{% %}` strings at any depth. */
  jsonata(raw: Json, key: string, field = key): JsonataTemplate | undefined {
    if (raw[key] === undefined) return undefined;
    return this.note(this.ctx.compile(at(this.location, key), () => compileJsonataTemplate(raw[key], field, at(this.location, key))));
  }

  /** Parameters (JSONPath) or Arguments (JSONata) style payload in whichever language the state uses. */
  payload(raw: Json, jsonPathKey: string, jsonataKey: string): Payload | undefined {
    if (this.language === 'JSONata') {
      const template = this.jsonata(raw, jsonataKey);
      return template && { QueryLanguage: 'JSONata', template };
    }
    const template = this.payloadTemplate(raw, jsonPathKey);
    return template && { QueryLanguage: 'JSONPath', template };
  }

  /** A numeric field: literal `key`, JSONPath `<key>Path`, or a JSONata `{% %}` string in `key`. */
  number(raw: Json, key: string, rule: NumberRule, wrap?: SelectorFactory): DynamicValue<number> | undefined {
    const pathKey = `${key}Path`;
    if (this.bothPresent(raw, key, pathKey)) return undefined;
    if (raw[pathKey] !== undefined) return this.dynamicPath(raw, pathKey, wrap);
    const value = raw[key];
    if (value === undefined) return undefined;
    if (this.language === 'JSONata' && isJsonataExpression(value)) return this.dynamicJsonata(raw, key);
    const literal = rule.integer ? this.ctx.integer(raw, key, this.location, rule.min, rule.max) : this.ctx.number(raw, key, this.location, rule.min, rule.max);
    return literal === undefined ? undefined : { kind: 'literal', value: literal };
  }

  /** A string field: literal `key`, JSONPath `<key>Path` (path or intrinsic), or a JSONata string. */
  string(
    raw: Json,
    key: string,
    options: { wrap?: SelectorFactory; intrinsics?: boolean; checkLiteral?: (value: string) => string | undefined } = {},
  ): DynamicValue<string> | undefined {
    const { wrap, intrinsics = false, checkLiteral } = options;
    const pathKey = `${key}Path`;
    if (this.bothPresent(raw, key, pathKey)) return undefined;
    if (raw[pathKey] !== undefined) return this.dynamicPath(raw, pathKey, wrap, intrinsics);
    const value = this.ctx.string(raw, key, this.location);
    if (value === undefined) return undefined;
    if (this.language === 'JSONata' && isJsonataExpression(value)) return this.dynamicJsonata(raw, key);
    const problem = checkLiteral?.(value);
    if (problem) {
      this.ctx.error(problem, at(this.location, key));
      return undefined;
    }
    return { kind: 'literal', value };
  }

  private bothPresent(raw: Json, key: string, pathKey: string): boolean {
    if (raw[key] === undefined || raw[pathKey] === undefined) return false;
    // AWS's wording for two exclusive fields is not recorded [UNCONFIRMED].
    this.ctx.error(`The fields '${key}' and '${pathKey}' are mutually exclusive`, this.location);
    return true;
  }

  private dynamicPath(raw: Json, pathKey: string, wrap?: SelectorFactory, intrinsics = false): DynamicValue<never> | undefined {
    const text = this.ctx.string(raw, pathKey, this.location);
    if (text === undefined) return undefined;
    const location = at(this.location, pathKey);
    const selector: PathSelector | undefined =
      intrinsics && isIntrinsicCall(text)
        ? this.ctx.compile(location, () => intrinsicSelector(compileIntrinsic(text, pathKey, location)))
        : this.ctx.compile(location, () => {
            const ref = compileReferencePath(text, pathKey, location);
            return wrap ? wrap(ref, pathKey) : ref;
          });
    if (!selector) return undefined;
    this.note(selector);
    return { kind: 'path', field: pathKey, path: text, selector };
  }

  private dynamicJsonata(raw: Json, key: string): DynamicValue<never> | undefined {
    const template = this.jsonata(raw, key);
    return template && { kind: 'jsonata', field: key, template };
  }
}
