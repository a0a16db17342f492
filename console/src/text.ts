// Shared by the pages and the DOM-free modules the Node tests import (no DOM types here).

/** A value from the API as text: a string as it is, anything else as its JSON. */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}
