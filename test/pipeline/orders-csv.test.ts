import { generateOrdersCsv, MALFORMED_KINDS } from '../../src/pipeline/orders-csv';

describe('orders CSV generator', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    const a = generateOrdersCsv({ rows: 50, seed: 7 });
    expect(generateOrdersCsv({ rows: 50, seed: 7 }).text).toBe(a.text);
    expect(generateOrdersCsv({ rows: 50, seed: 8 }).text).not.toBe(a.text);
  });

  it('writes a header and one line per row, values as the pipeline expects', () => {
    const { text, rows } = generateOrdersCsv({ rows: 3, seed: 1 });
    const lines = text.split('\n');
    expect(lines[0]).toBe('orderNumber,orderDate,orderStatus,lineItems,totalPrice');
    expect(lines).toHaveLength(5); // header, 3 rows, trailing newline
    expect(rows[0].orderNumber).toBe('ON100000');
    for (const row of rows) {
      expect(row.orderDate).toMatch(/^2025-\d\d-\d\d$/);
      expect(row.lineItems).toMatch(/^\d+$/);
      expect(row.totalPrice).toMatch(/^\d+\.\d\d$/);
    }
  });

  it('injects each malformed kind where it says, keeping the other rows well-formed', () => {
    const { text, rows, defects } = generateOrdersCsv({ rows: 40, seed: 3, malformed: MALFORMED_KINDS.length, kinds: MALFORMED_KINDS });
    expect(defects.map((d) => d.kind).sort()).toEqual([...MALFORMED_KINDS].sort());
    const lines = text.replace(/^\uFEFF/, '').split('\n');
    for (const d of defects.filter((x) => x.kind !== 'bom')) expect(lines[d.line - 1]).toBe(d.text);
    expect(text.startsWith('\uFEFF')).toBe(true);
    // the BOM decorates the file, not a row: that row stays among the well-formed ones
    expect(rows).toHaveLength(40 - (MALFORMED_KINDS.length - 1));
  });

  it('shapes each defect as its name says', () => {
    const { defects } = generateOrdersCsv({
      rows: 30,
      seed: 5,
      malformed: 5,
      kinds: ['missing-fields', 'extra-fields', 'unbalanced-quote', 'non-numeric-price', 'empty-line'],
    });
    const byKind = Object.fromEntries(defects.map((d) => [d.kind, d.text]));
    expect(byKind['missing-fields'].split(',')).toHaveLength(3);
    expect(byKind['extra-fields'].split(',')).toHaveLength(7);
    expect(byKind['unbalanced-quote'].split('"')).toHaveLength(2);
    expect(byKind['non-numeric-price'].endsWith(',N/A')).toBe(true);
    expect(byKind['empty-line']).toBe('');
  });
});
