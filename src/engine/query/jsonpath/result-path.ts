// ResultPath (JSONPath states): where the state's result goes in its input [DOC input-output-resultpath].
// Absent or "$" → the result replaces the input; null → the result is discarded and the input passes through;
// "$.a.b" → the result is written at that place in a copy of the input, creating missing objects on the way.
import { StatesError, StatesErrorName, stateErrorPrefix } from '../../errors/states-error';
import { isJsonObject } from '../common/json-object';
import type { EvalScope } from '../types';
import { PathSyntaxError, normalizedPath, parsePath, type PathSegment } from './path-syntax';

type Site = Pick<EvalScope, 'stateName' | 'enteredEventId'>;

const parsedCache = new Map<string, readonly PathSegment[]>();

function fail(resultPath: string, reason: string, site?: Site): StatesError {
  const prefix = site ? stateErrorPrefix(site.stateName, site.enteredEventId) : '';
  return new StatesError(StatesErrorName.Runtime, `${prefix}Invalid path '${resultPath}' : ${reason}`);
}

function segmentsOf(resultPath: string, site?: Site): readonly PathSegment[] {
  const cached = parsedCache.get(resultPath);
  if (cached) return cached;
  let parsed;
  try {
    parsed = parsePath(resultPath);
  } catch (e) {
    if (e instanceof PathSyntaxError) throw fail(resultPath, e.message, site);
    throw e;
  }
  // Only `$`-rooted definite paths can be written to; the definition validator rejects the rest up front.
  if (parsed.root.kind !== 'input' || !parsed.segments) {
    throw fail(resultPath, 'ResultPath must be a definite path rooted at $', site);
  }
  parsedCache.set(resultPath, parsed.segments);
  return parsed.segments;
}

// Copies only along the written path; untouched branches are shared with the input, which nothing mutates.
function setAt(
  container: unknown,
  segments: readonly PathSegment[],
  depth: number,
  value: unknown,
  ctx: {
    resultPath: string;
    site?: Site;
  },
): unknown {
  if (depth === segments.length) return value;
  const segment = segments[depth];
  const here = normalizedPath(segments.slice(0, depth));
  if (segment.kind === 'property') {
    const base = container === undefined ? {} : container;
    // AWS's cause for writing into a non-object is not recorded [UNCONFIRMED wording].
    if (!isJsonObject(base)) {
      throw fail(ctx.resultPath, `Cannot set property '${segment.name}' in path ${here}: the value there is not an object`, ctx.site);
    }
    return { ...base, [segment.name]: setAt(base[segment.name], segments, depth + 1, value, ctx) };
  }
  if (!Array.isArray(container) || segment.index < 0 || segment.index >= container.length) {
    throw fail(ctx.resultPath, `Cannot set index [${segment.index}] in path ${here}: no such array element`, ctx.site);
  }
  const copy: unknown[] = [...(container as unknown[])];
  copy[segment.index] = setAt(container[segment.index], segments, depth + 1, value, ctx);
  return copy;
}

export function applyResultPath(input: unknown, result: unknown, resultPath: string | null | undefined, site?: Site): unknown {
  if (resultPath === null) return input;
  if (resultPath === undefined || resultPath === '$') return result;
  return setAt(input, segmentsOf(resultPath, site), 0, result, { resultPath, site });
}
