import { timestampNanos, validateTimestamp } from '../../../../src/engine/query/jsonpath/index';

describe('validateTimestamp (docs/aws-behaviour.md#wait-state)', () => {
  it.each(['2016-03-14T01:59:00Z', '2016-03-14T01:59:00.123Z', '2016-03-14T01:59:00.123456789+05:30', '2024-02-29T23:59:59-08:00'])('accepts %s', (s) => {
    expect(validateTimestamp(s)).toBe(true);
  });

  it.each([
    ['no T', '2016-03-14 01:59:00Z'],
    ['no zone', '2016-03-14T01:59:00'],
    ['month 13', '2016-13-14T01:59:00Z'],
    ['hour 25', '2016-03-14T25:59:00Z'],
    ['day-first', '05-12-2016T21:29:29Z'],
    ['Feb 30', '2023-02-30T00:00:00Z'],
    ['not leap', '2023-02-29T00:00:00Z'],
    ['zone without colon', '2016-03-14T01:59:00+0100'],
  ])('rejects %s', (_, s) => {
    expect(validateTimestamp(s)).toBe(false);
  });
});

describe('timestampNanos', () => {
  it('compares instants across zones and fraction lengths', () => {
    expect(timestampNanos('2016-03-14T01:59:00Z')).toBe(timestampNanos('2016-03-14T02:59:00+01:00'));
    expect(timestampNanos('2016-03-14T01:59:00.5Z')).toBe(timestampNanos('2016-03-14T01:59:00.500000000Z'));
    expect(timestampNanos('2016-03-14T01:59:00.000000001Z')! - timestampNanos('2016-03-14T01:59:00Z')!).toBe(1n);
    expect(timestampNanos('1970-01-01T00:00:01Z')).toBe(1_000_000_000n);
    expect(timestampNanos('nope')).toBeUndefined();
  });
});
