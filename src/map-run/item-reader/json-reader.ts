// JSON items (docs/aws-behaviour.md#item-readers): the object must hold a JSON array; each element is an item with its JSON types kept.
// A JSON document cannot be parsed before it is complete, so the sandbox buffers it, up to limits.maxJsonBytes
// (256 MiB by default); a larger object fails clearly instead of exhausting memory. JSONL or CSV stream instead.
import { objectLocation, type ItemReaderLimits, type ItemReaderSpec } from './item-reader-spec';
import { itemReaderFailed } from './reader-error';

export const NON_ITERABLE = 'Attempting to map over non-iterable node.';

export async function* readJson(chunks: AsyncIterable<Buffer>, spec: ItemReaderSpec, limits: ItemReaderLimits): AsyncGenerator<unknown> {
  const where = objectLocation(spec);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > limits.maxJsonBytes) {
      throw itemReaderFailed(
        `The JSON object ${where} is larger than the ${limits.maxJsonBytes} bytes the sandbox buffers to parse it; use JSONL or CSV for larger data sets.`,
      );
    }
    parts.push(chunk);
  }
  const document = parse(Buffer.concat(parts, size).toString('utf8'), where);
  parts.length = 0;
  if (!Array.isArray(document)) throw itemReaderFailed(NON_ITERABLE);
  yield* document;
}

function parse(text: string, where: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (thrown) {
    throw itemReaderFailed(`The object ${where} is not valid JSON: ${(thrown as Error).message}`);
  }
}
