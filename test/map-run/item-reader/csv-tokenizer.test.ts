import { CsvSyntaxError, CsvTokenizer } from '../../../src/map-run/item-reader/csv-tokenizer';

const COMMA = 0x2c;

/** Tokenizes `text` fed in chunks of `chunkSize` bytes (1 exercises every chunk boundary). */
function tokenize(text: string | Buffer, options: { chunkSize?: number; delimiter?: number; maxRecordBytes?: number } = {}) {
  const tokenizer = new CsvTokenizer(options.delimiter ?? COMMA, options.maxRecordBytes ?? 1 << 20);
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const size = options.chunkSize ?? bytes.length;
  const records = [];
  for (let i = 0; i < bytes.length; i += size) records.push(...tokenizer.push(bytes.subarray(i, i + size)));
  records.push(...tokenizer.end());
  return { rows: records.map((r) => r.fields), records, blankLines: tokenizer.blankLines };
}

describe.each([undefined, 1, 3])('CsvTokenizer (chunk size %s)', (chunkSize) => {
  const rows = (text: string | Buffer) => tokenize(text, { chunkSize }).rows;

  it('splits fields at the delimiter and records at newlines, values as strings', () => {
    expect(rows('a,b,c\n1,true,Null\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'true', 'Null'],
    ]);
  });

  it('keeps delimiters and newlines inside quotes literally', () => {
    expect(rows('"a,b","line1\nline2",c\n')).toEqual([['a,b', 'line1\nline2', 'c']]);
  });

  it('turns "" into " inside quotes and in unquoted fields (the docs example)', () => {
    expect(rows('"say ""hi""",{""MyKey"":""MyValue""}\n')).toEqual([['say "hi"', '{"MyKey":"MyValue"}']]);
  });

  it('reads "" alone as an empty quoted field', () => {
    expect(rows('a,"",b\n')).toEqual([['a', '', 'b']]);
  });

  it('continues a field after its closing quote, and keeps a lone mid-field quote literal [UNCONFIRMED]', () => {
    expect(rows('"ab"cd,5" disk,x"\n')).toEqual([['abcd', '5" disk', 'x"']]);
  });

  it('backslash escapes backslash, quote and the delimiter; before anything else it is dropped', () => {
    expect(rows('C:\\\\Program Files\\\\App.exe,a\\,b,say \\"hi\\",\\x\\y\n')).toEqual([['C:\\Program Files\\App.exe', 'a,b', 'say "hi"', 'xy']]);
  });

  it('applies backslash escapes inside quotes too, and drops a trailing backslash at EOF', () => {
    expect(rows('"a\\"b\\\\c",d\\')).toEqual([['a"b\\c', 'd']]);
  });

  it('keeps whitespace and empty fields', () => {
    expect(rows('   ,,\n,,,\n')).toEqual([
      ['   ', '', ''],
      ['', '', '', ''],
    ]);
  });

  it('makes no record for a trailing newline at EOF, and one for a last line without newline', () => {
    expect(rows('a\nb\n')).toEqual([['a'], ['b']]);
    expect(rows('a\nb')).toEqual([['a'], ['b']]);
  });

  it('treats \\r\\n and a lone \\r as line ends; keeps them verbatim inside quotes [UNCONFIRMED]', () => {
    expect(rows('a,b\r\nc,d\re,f\r\n"x\r\ny",z\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['x\r\ny', 'z'],
    ]);
  });

  it('skips fully empty lines and counts them; a line of delimiters is a record [UNCONFIRMED]', () => {
    const result = tokenize('a\n\n\r\n,\n\n', { chunkSize });
    expect(result.rows).toEqual([['a'], ['', '']]);
    expect(result.blankLines).toBe(3);
  });

  it('strips a UTF-8 BOM at the start of the object only [UNCONFIRMED]', () => {
    expect(rows('\uFEFForderNumber,b\n\uFEFFx,y\n')).toEqual([
      ['orderNumber', 'b'],
      ['\uFEFFx', 'y'],
    ]);
  });

  it('keeps bytes that only look like the start of a BOM', () => {
    expect(rows(Buffer.from([0xef, 0xbb, 0x41, 0x0a]))).toEqual([[Buffer.from([0xef, 0xbb, 0x41]).toString('utf8')]]);
    expect(rows(Buffer.from([0xef]))).toEqual([[Buffer.from([0xef]).toString('utf8')]]);
  });

  it('decodes multi-byte UTF-8 split across chunks', () => {
    expect(rows('héllo,日本語,🎉\n')).toEqual([['héllo', '日本語', '🎉']]);
  });

  it('decodes invalid UTF-8 with replacement characters instead of failing', () => {
    expect(rows(Buffer.from([0x61, 0xff, 0x2c, 0x62, 0x0a]))).toEqual([['a\uFFFD', 'b']]);
  });

  it('reports the physical line where each record starts', () => {
    const { records } = tokenize('h\n"multi\nline"\n\nnext\r\nlast', { chunkSize });
    expect(records.map((r) => r.line)).toEqual([1, 2, 5, 6]);
  });

  it('fails on a quote still open at EOF, naming the line where it opened [UNCONFIRMED]', () => {
    expect(() => tokenize('a,b\nc,"open\nmore\n', { chunkSize })).toThrow(
      new CsvSyntaxError('unterminated quoted field: the quote opened on line 2 is never closed', 2),
    );
  });

  it('fails on a record longer than the limit, naming its first line', () => {
    expect(() => tokenize('ok\n' + 'x'.repeat(11) + '\n', { chunkSize, maxRecordBytes: 10 })).toThrow('the row starting on line 2 exceeds 10 bytes');
    expect(() => tokenize('ok\n"' + 'x\n'.repeat(6), { chunkSize, maxRecordBytes: 10 })).toThrow(
      'the row starting on line 2 exceeds 10 bytes (a quoted field opened on line 2 is still open)',
    );
  });

  it('accepts a record exactly at the limit', () => {
    expect(tokenize('x'.repeat(10) + '\n', { chunkSize, maxRecordBytes: 10 }).rows).toEqual([['x'.repeat(10)]]);
  });

  it('uses the configured delimiter only', () => {
    expect(tokenize('a|b,c\\|d\n', { chunkSize, delimiter: 0x7c }).rows).toEqual([['a', 'b,c|d']]);
    expect(tokenize('a\tb c\n', { chunkSize, delimiter: 0x09 }).rows).toEqual([['a', 'b c']]);
  });

  it('produces nothing for an empty object', () => {
    expect(tokenize('', { chunkSize })).toEqual({ rows: [], records: [], blankLines: 0 });
  });
});
