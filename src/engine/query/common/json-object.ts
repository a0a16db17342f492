// The one "is this a JSON object" test of the engine: the definition parser, JSONPath and JSONata all ask it.

/** True for a JSON object (not null, not an array): a value whose members can be read by name. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
