// CSV items (docs/aws-behaviour.md#item-readers, #csv-reading): each data row becomes `{header: value}` with every value a string. A row with
// fewer fields gets "" for the missing ones; extra fields are dropped; whitespace is kept; header text is the key
// verbatim (including ""). Tokenizing rules and [UNCONFIRMED] choices: csv-tokenizer.ts and CSV-RULES.md.
import { CsvSyntaxError, CsvTokenizer, type CsvRecord } from './csv-tokenizer';
import { DELIMITER_BYTES, objectLocation, type ItemReaderLimits, type ItemReaderSpec, type ItemReaderStats } from './item-reader-spec';
import { itemReaderFailed } from './reader-error';

export const DUPLICATE_HEADERS = 'CSV headers cannot contain duplicates.';

export async function* readCsv(
  chunks: AsyncIterable<Buffer>,
  spec: ItemReaderSpec,
  stats: ItemReaderStats,
  limits: ItemReaderLimits,
): AsyncGenerator<Record<string, string>> {
  const where = objectLocation(spec);
  let headers = givenHeaders(spec, limits);
  const tokenizer = new CsvTokenizer(DELIMITER_BYTES[spec.csvDelimiter ?? 'COMMA'], limits.maxRowBytes);
  for await (const records of recordBatches(chunks, tokenizer, where)) {
    stats.blankLinesSkipped = tokenizer.blankLines;
    for (const record of records) {
      if (headers === undefined) {
        headers = headerRow(record, where, limits);
        continue;
      }
      stats.rowsRead++;
      yield toItem(headers, record.fields);
    }
  }
}

/** The records completed by each chunk, then the last one at EOF; tokenizer errors become ItemReaderFailed. */
async function* recordBatches(chunks: AsyncIterable<Buffer>, tokenizer: CsvTokenizer, where: string): AsyncGenerator<CsvRecord[]> {
  try {
    for await (const chunk of chunks) yield tokenizer.push(chunk);
    yield tokenizer.end();
  } catch (thrown) {
    if (thrown instanceof CsvSyntaxError) throw itemReaderFailed(`Invalid CSV in ${where}: ${thrown.message}.`);
    throw thrown;
  }
}

function givenHeaders(spec: ItemReaderSpec, limits: ItemReaderLimits): string[] | undefined {
  if ((spec.csvHeaderLocation ?? 'FIRST_ROW') === 'FIRST_ROW') return undefined;
  const headers = spec.csvHeaders;
  if (!Array.isArray(headers) || headers.length === 0 || !headers.every((h) => typeof h === 'string')) {
    throw itemReaderFailed('CSVHeaders must be a non-empty array of strings when CSVHeaderLocation is GIVEN.');
  }
  const delimiter = String.fromCharCode(DELIMITER_BYTES[spec.csvDelimiter ?? 'COMMA']);
  checkHeaders(headers, Buffer.byteLength(headers.join(delimiter)), 'CSVHeaders', limits);
  return [...headers];
}

function headerRow(record: CsvRecord, where: string, limits: ItemReaderLimits): string[] {
  checkHeaders(record.fields, record.bytes, `the header row of ${where}`, limits);
  return record.fields;
}

function checkHeaders(headers: readonly string[], bytes: number, what: string, limits: ItemReaderLimits): void {
  if (bytes > limits.maxHeaderBytes) {
    throw itemReaderFailed(`CSV headers exceed ${limits.maxHeaderBytes} bytes: ${what} is ${bytes} bytes.`);
  }
  if (new Set(headers).size !== headers.length) throw itemReaderFailed(DUPLICATE_HEADERS);
}

function toItem(headers: readonly string[], fields: readonly string[]): Record<string, string> {
  // fromEntries defines own properties, so a header named "__proto__" stays an ordinary key.
  return Object.fromEntries(headers.map((header, i) => [header, fields[i] ?? '']));
}
