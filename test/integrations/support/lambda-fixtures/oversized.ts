// Fixture: a response just over the 256 KiB Step Functions payload quota.
export async function handler() {
  return { data: 'x'.repeat(262_144) };
}
