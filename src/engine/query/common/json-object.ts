// The one "is this a JSON object" test of the engine (the definition parser, JSONPath and JSONata all ask it), and
// the one way they write a member into an object they build.

/** True for a JSON object (not null, not an array): a value whose members can be read by name. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A JSON key "__proto__" is an own property; plain assignment would set the prototype instead. */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
