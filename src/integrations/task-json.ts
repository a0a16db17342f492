// SDK v3 outputs hold Dates, byte arrays and the `$metadata` bag; a task result is plain JSON. These
// helpers render an SDK output the way Step Functions serialises it into the state's result.
import { javaInstantText, StatesError, StatesErrorName, type TaskInvocation } from '../engine';

/**
 * [UNCONFIRMED] `iso`: AWS SDK integrations render timestamps as ISO-8601 strings (the recordings mask them as
 * "<date>", docs/aws-behaviour.md#aws-sdk-integrations); we use java.time.Instant#toString's form.
 */
export type DateStyle = 'iso' | 'epoch-millis';

/** Deep copy with `$metadata` dropped, undefined members removed, bytes as base64 and dates per `dates`. */
export function toTaskJson(value: unknown, dates: DateStyle): unknown {
  if (value instanceof Date) return dates === 'iso' ? javaInstantText(value) : value.getTime();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map((item) => toTaskJson(item, dates));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (key !== '$metadata' && member !== undefined) out[key] = toTaskJson(member, dates);
    }
    return out;
  }
  return value;
}

/** The evaluated Parameters/Arguments as an object: every API-backed integration needs named members. */
export function objectArgs(invocation: TaskInvocation): Record<string, unknown> {
  const { args } = invocation;
  if (args !== null && typeof args === 'object' && !Array.isArray(args)) return args as Record<string, unknown>;
  const got = args === null ? 'null' : Array.isArray(args) ? 'array' : typeof args;
  throw new StatesError(
    StatesErrorName.Runtime,
    `The parameters of state '${invocation.stateName}' for resource '${invocation.resource.arn}' must be a JSON object, got ${got}`,
  );
}

/** Parses a JSON string, keeping the text when it is not JSON. */
export function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
