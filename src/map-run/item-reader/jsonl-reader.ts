// JSONL items (docs/aws-behaviour.md#item-readers): one JSON value per line, streamed line by line. Lines end at `\n` (a `\r` before it
// is whitespace to JSON.parse). [UNCONFIRMED] choices: a blank or whitespace-only line makes no item and is
// counted in stats.blankLinesSkipped; an invalid line fails the read naming its line number; a line longer than
// limits.maxRowBytes fails the same way instead of being buffered without bound; a leading UTF-8 BOM is stripped.
import { objectLocation, type ItemReaderLimits, type ItemReaderSpec, type ItemReaderStats } from './item-reader-spec';
import { itemReaderFailed } from './reader-error';

const LF = 0x0a;

export async function* readJsonl(
  chunks: AsyncIterable<Buffer>,
  spec: ItemReaderSpec,
  stats: ItemReaderStats,
  limits: ItemReaderLimits,
): AsyncGenerator<unknown> {
  const where = objectLocation(spec);
  const tooLong = (line: number) => itemReaderFailed(`Line ${line} of ${where} exceeds ${limits.maxRowBytes} bytes.`);
  for await (const { bytes, line } of splitLines(chunks, limits.maxRowBytes, tooLong)) {
    let text = bytes.toString('utf8');
    if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') {
      stats.blankLinesSkipped++;
      continue;
    }
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch (thrown) {
      throw itemReaderFailed(`Line ${line} of ${where} is not valid JSON: ${(thrown as Error).message}`);
    }
    stats.rowsRead++;
    yield item;
  }
}

/** Splits a byte stream at `\n`; a final line without `\n` is a line, the empty tail after a last `\n` is not. */
async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes: number, tooLong: (line: number) => Error): AsyncGenerator<{ bytes: Buffer; line: number }> {
  let carry: Buffer[] = [];
  let carryBytes = 0;
  let line = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(LF); nl !== -1; nl = chunk.indexOf(LF, start)) {
      if (carryBytes + nl - start > maxBytes) throw tooLong(line + 1);
      const bytes = carryBytes === 0 ? chunk.subarray(start, nl) : Buffer.concat([...carry, chunk.subarray(start, nl)]);
      carry = [];
      carryBytes = 0;
      yield { bytes, line: ++line };
      start = nl + 1;
    }
    carryBytes += chunk.length - start;
    if (carryBytes > maxBytes) throw tooLong(line + 1);
    if (start < chunk.length) carry.push(chunk.subarray(start));
  }
  if (carryBytes > 0) yield { bytes: Buffer.concat(carry), line: line + 1 };
}
