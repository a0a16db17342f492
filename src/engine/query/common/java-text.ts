// How the JVM behind Step Functions prints values where AWS shows them as text rather than JSON:
// Double.toString for numbers (e.g. an epoch-seconds StartDate recorded as 1.688128939071E9) and
// Map/List.toString for objects and arrays (States.Format recorded `{Arg1=1, Arg2=[]}`).
// https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/Double.html#toString(double)

/** Java's Double.toString: plain between 10^-3 and 10^7, else `<d.ddd>E<exp>`; always a fractional digit. */
export function javaDoubleText(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) return withFraction(String(value));
  // toExponential() without digits gives the shortest digits that round-trip, as Java does.
  const [mantissa, exponent] = value.toExponential().split('e');
  return `${withFraction(mantissa)}E${Number(exponent)}`;
}

function withFraction(digits: string): string {
  return digits.includes('.') ? digits : `${digits}.0`;
}

/**
 * A JSON number as Jackson reads it and Java prints it: integers (up to a long) stay integers, anything
 * else is a Double. JSON `1.0` reaches us as 1 and prints as "1" [UNCONFIRMED: Java would print "1.0"].
 */
function javaNumberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 2 ** 63) return BigInt(value).toString();
  return javaDoubleText(value);
}

/** A JSON value printed with Java's toString: strings bare, `{k=v, k2=v2}` for objects, `[a, b]` for arrays. */
export function javaText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return javaNumberText(value);
  if (Array.isArray(value)) return `[${value.map(javaText).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${key}=${javaText(item)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/**
 * java.time.Instant#toString, the form Step Functions renders timestamps in (S3 listings for an ItemReader, AWS SDK
 * integration results): `2024-01-02T03:04:05Z`, or `…05.123Z` when there are milliseconds.
 */
export function javaInstantText(date: Date): string {
  const iso = date.toISOString();
  return date.getUTCMilliseconds() === 0 ? iso.replace('.000Z', 'Z') : iso;
}
