// Fixture: the callback style of Node.js handlers.
export function handler(event: { n: number }, _context: unknown, callback: (error: unknown, result?: unknown) => void) {
  setImmediate(() => callback(null, { doubled: event.n * 2 }));
}
