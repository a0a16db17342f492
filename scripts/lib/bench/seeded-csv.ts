// The benchmark's input: the same seeded orders CSV `npm run seed` makes (generateOrderRow with the seed's random
// stream, no malformed rows), built straight into a Buffer so a million rows cost ~50 MB, not a row array as well.
import { generateOrderRow, ORDER_COLUMNS, seededRandom } from '../../../src/pipeline/orders-csv';

/** Generated values are digits, letters, dashes and dots, so no field needs CSV quoting. */
export function seededOrdersCsv(rows: number, seed = 1): Buffer {
  const random = seededRandom(seed);
  const chunks: Buffer[] = [Buffer.from(ORDER_COLUMNS.join(',') + '\n')];
  let lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const row = generateOrderRow(i, random);
    lines.push(ORDER_COLUMNS.map((c) => row[c]).join(','));
    if (lines.length === 10_000) {
      chunks.push(Buffer.from(lines.join('\n') + '\n'));
      lines = [];
    }
  }
  if (lines.length) chunks.push(Buffer.from(lines.join('\n') + '\n'));
  return Buffer.concat(chunks);
}
