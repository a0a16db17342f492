// Fixture: fails with a custom error type, as a function signalling a business error does.
class CustomError extends Error {
  override readonly name = 'CustomError';
}

export async function handler(event: { reason?: string }) {
  throw new CustomError(event.reason ?? 'failed on purpose');
}
