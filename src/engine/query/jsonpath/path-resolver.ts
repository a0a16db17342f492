// Evaluates a parsed JSONPath against the state's document, the context object or a variable. Definite paths
// return the single value (AWS "unpacks literal singleton array accesses": `$.a[0]` is the element); indefinite
// ones return the array of matches. Misses carry Jayway's wording (recorded in AWS causes, docs/aws-behaviour.md#jsonpath-runtime-errors).
import { JSONPath } from 'jsonpath-plus';
import { isJsonObject } from '../common/json-object';
import type { EvalScope } from '../types';
import { normalizedPath, type ParsedPath, type PathSegment } from './path-syntax';

export type Resolution = { readonly found: true; readonly value: unknown } | { readonly found: false; readonly reason: string };

const miss = (reason: string): Resolution => ({ found: false, reason });

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function step(current: unknown, segment: PathSegment, walked: PathSegment[], isLeaf: boolean): Resolution {
  const here = normalizedPath(walked);
  const there = normalizedPath([...walked, segment]);
  if (segment.kind === 'property') {
    if (!isJsonObject(current)) {
      // Jayway: "Expected to find an object with property ['b'] in path $['a'] but found '<java class>'. …";
      // we name the JSON type instead of a Java class [UNCONFIRMED].
      return miss(`Expected to find an object with property ['${segment.name}'] in path ${here} but found '${jsonType(current)}'.`);
    }
    if (Object.hasOwn(current, segment.name)) return { found: true, value: current[segment.name] };
    return miss(isLeaf ? `No results for path: ${there}` : `Missing property in path ${there}`);
  }
  if (current === null || current === undefined) return miss(`The path ${here} is null`);
  if (!Array.isArray(current)) {
    return miss(`Filter: [${segment.index}] can only be applied to arrays. Current context is: ${JSON.stringify(current)}`);
  }
  const index = segment.index < 0 ? current.length + segment.index : segment.index;
  if (index >= 0 && index < current.length) return { found: true, value: current[index] };
  return miss(`No results for path: ${there}`);
}

function walk(root: unknown, segments: readonly PathSegment[]): Resolution {
  let current = root;
  for (let i = 0; i < segments.length; i++) {
    const result = step(current, segments[i], segments.slice(0, i), i === segments.length - 1);
    if (!result.found) return result;
    current = result.value;
  }
  return { found: true, value: current };
}

function rootValue(parsed: ParsedPath, doc: unknown, scope: EvalScope): Resolution {
  switch (parsed.root.kind) {
    case 'input':
      return { found: true, value: doc };
    case 'context':
      return { found: true, value: scope.context };
    case 'variable': {
      const { name } = parsed.root;
      // AWS's wording for an unset variable read from a JSONPath field is not recorded [UNCONFIRMED].
      if (!scope.variables.has(name)) return miss(`The variable '$${name}' is not defined`);
      return { found: true, value: scope.variables.get(name) };
    }
  }
}

export function resolvePath(parsed: ParsedPath, doc: unknown, scope: EvalScope): Resolution {
  const root = rootValue(parsed, doc, scope);
  if (!root.found) return root;
  if (parsed.segments) return walk(root.value, parsed.segments);
  // Indefinite paths never miss: no match is an empty list (Jayway returns [] for indefinite paths).
  const json = root.value as null | boolean | number | string | object;
  const matches = JSONPath<unknown[]>({ path: parsed.indefinite ?? '$', json, wrap: true });
  return { found: true, value: [...matches] };
}
