// Timestamps for Wait (Timestamp/TimestampPath) and Choice Timestamp* rules: RFC 3339 with an uppercase `T` and
// a zone (`Z` or ±hh:mm); fractional seconds of any length are allowed. Recorded rejects (docs/aws-behaviour.md#wait-state): no `T`,
// no zone, month 13, hour 25, `05-12-2016T…`.

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-](\d{2}):(\d{2}))$/;

// setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMillis(year, month + 1, 0)).getUTCDate();
}

function fieldsInRange(m: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const zoneOk = m[8] === 'Z' || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59 && zoneOk;
}

export function validateTimestamp(s: string): boolean {
  const m = RFC3339.exec(s);
  return m !== null && fieldsInRange(m);
}

/**
 * Nanoseconds since the epoch, exact for any number of fraction digits up to 9 (more are truncated), so
 * TimestampEquals compares instants, not strings. Undefined when `s` is not a valid timestamp.
 */
export function timestampNanos(s: string): bigint | undefined {
  const m = RFC3339.exec(s);
  if (!m || !fieldsInRange(m)) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  let seconds = BigInt(utcMillis(year, month, day, hour, minute, second) / 1000);
  if (m[8] !== 'Z') {
    const offset = (Number(m[9]) * 60 + Number(m[10])) * 60;
    seconds -= BigInt(m[8].startsWith('+') ? offset : -offset);
  }
  const fraction = BigInt((m[7] ?? '').slice(0, 9).padEnd(9, '0'));
  return seconds * 1_000_000_000n + fraction;
}
