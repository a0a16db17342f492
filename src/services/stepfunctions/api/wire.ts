// Wire form of responses: timestamps are epoch seconds as JSON numbers (e.g. 1693256031.104, docs/aws-behaviour.md#api-protocol-and-errors),
// and absent optional members are left out rather than sent as null.

function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

/** Deep copy with every Date turned into epoch seconds and undefined members dropped. */
export function toWire(value: unknown): unknown {
  if (value instanceof Date) return epochSeconds(value);
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = toWire(member);
    return out;
  }
  return value;
}

/** `{ [key]: value }` when value is defined, else `{}`: for spreading optional members. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
