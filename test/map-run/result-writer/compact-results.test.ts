import { compactResults, type ChildResult } from '../../../src/map-run/result-writer/index';

const ok = (index: number, output: unknown): ChildResult => ({
  index,
  input: `{"i":${index}}`,
  output: JSON.stringify(output),
  status: 'SUCCEEDED',
  executionArn: `arn:exec:${index}`,
  name: `c${index}`,
  startDate: new Date(0),
  stopDate: new Date(1),
});
const failed = (index: number): ChildResult => ({ index, input: '{}', status: 'FAILED', error: 'Boom', cause: 'it broke', name: `c${index}` });

describe('compactResults (Map output without an S3 ResultWriter)', () => {
  it('COMPACT (default): child outputs in item order', () => {
    expect(compactResults([ok(2, 'c'), ok(0, { a: 1 }), ok(1, [1, 2])])).toEqual([{ a: 1 }, [1, 2], 'c']);
  });

  it('FLATTEN: array outputs spread one level', () => {
    expect(compactResults([ok(1, [[3], 4]), ok(0, [1, 2]), ok(2, 5)], 'FLATTEN')).toEqual([1, 2, [3], 4, 5]);
  });

  it('NONE: execution records', () => {
    const [record] = compactResults([ok(0, 1)], 'NONE') as Record<string, unknown>[];
    expect(record).toMatchObject({ Name: 'c0', Output: '1', Status: 'SUCCEEDED', StartDate: '1970-01-01T00:00:00.000Z' });
  });

  it('a tolerated failure contributes {Error, Cause}; PENDING children nothing [UNCONFIRMED]', () => {
    const pending: ChildResult = { index: 3, input: '{}', status: 'PENDING' };
    expect(compactResults([ok(0, 'a'), failed(1), pending, ok(2, 'c')])).toEqual(['a', { Error: 'Boom', Cause: 'it broke' }, 'c']);
    expect((compactResults([failed(1)], 'NONE')[0] as Record<string, unknown>).Error).toBe('Boom');
  });

  it('a SUCCEEDED child without output contributes null', () => {
    expect(compactResults([{ index: 0, input: '{}', status: 'SUCCEEDED' }])).toEqual([null]);
  });

  it('fails with States.Runtime on an output that is not JSON', () => {
    expect(() => compactResults([{ ...ok(0, 1), output: 'nope' }])).toThrow(expect.objectContaining({ error: 'States.Runtime' }));
  });
});
