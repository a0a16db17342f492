// The JSON.stringify form of an awsJson request body, for the in-process send's own body writers
// (dynamodb-json-body.ts, sfn-json-body.ts): the SDK writes a structure's members in its schema's order and
// skips absent ones, so an input whose every member the writer accepts is that object, rebuilt in that order.

/**
 * `input` as the SDK writes it, given the operation's member order (read from the SDK's serializer); undefined
 * when a member is not one `accepts`, or is unknown to the order, and the SDK's serializer must write it.
 */
export function jsonBodyInOrder(
  input: Readonly<Record<string, unknown>>,
  memberOrder: readonly string[],
  accepts: (name: string, value: unknown) => boolean,
): string | undefined {
  const ordered: Record<string, unknown> = {};
  let members = 0;
  for (const name of memberOrder) {
    const value = input[name];
    if (value === undefined || !Object.hasOwn(input, name)) continue;
    if (!accepts(name, value)) return undefined;
    ordered[name] = value;
    members += 1;
  }
  // Every member the input has must have been written: an unknown one is the SDK's to drop (or not).
  return members === Object.keys(input).length ? JSON.stringify(ordered) : undefined;
}
