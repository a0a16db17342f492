// Asserts an SDK call fails with an AWS error code and message (what SDK users match on).
export async function expectAwsError(
  call: Promise<unknown>,
  name: string,
  message?: string | RegExp,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  const err = await call.then(
    () => {
      throw new Error(`expected ${name}, but the call succeeded`);
    },
    (e: unknown) => e as Error & { $metadata?: { httpStatusCode?: number } },
  );
  expect(err.name).toBe(name);
  if (message !== undefined) expect(err.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  return err;
}
