import { jsonLocation } from '../../src/mocking/json-location';
import { outcomeFor, parseInvocationRange, parseMockedResponse, type Fail } from '../../src/mocking/mocked-response';

const fail: Fail = (segments, problem) => {
  throw new Error(`${jsonLocation(segments)}: ${problem}`);
};

describe('parseInvocationRange', () => {
  it.each([
    ['0', { first: 0, last: 0 }],
    ['12', { first: 12, last: 12 }],
    ['1-3', { first: 1, last: 3 }],
    [' 2 - 2 ', { first: 2, last: 2 }],
  ])('parses %j', (key, range) => {
    expect(parseInvocationRange(key)).toEqual(range);
  });

  it.each(['', 'a', '1-', '-1', '1-2-3', '1.5', '0x1', '99999999999999999999'])('rejects %j', (key) => {
    expect(typeof parseInvocationRange(key)).toBe('string');
  });
});

describe('outcomeFor', () => {
  const response = parseMockedResponse(
    'Retry',
    {
      '0': { Throw: { Error: 'Lambda.ResourceNotReadyException', Cause: 'not ready' } },
      '1-2': { Throw: { Error: 'Lambda.TimeoutException', Cause: 'timed out' } },
      '3': { Return: { StatusCode: 200 } },
    },
    ['MockedResponses', 'Retry'],
    fail,
  );

  it('maps each zero-based invocation to its entry, ranges inclusive', () => {
    expect([0, 1, 2, 3].map((n) => outcomeFor(response, n))).toEqual([
      { kind: 'Throw', error: 'Lambda.ResourceNotReadyException', cause: 'not ready' },
      { kind: 'Throw', error: 'Lambda.TimeoutException', cause: 'timed out' },
      { kind: 'Throw', error: 'Lambda.TimeoutException', cause: 'timed out' },
      { kind: 'Return', value: { StatusCode: 200 } },
    ]);
  });

  it('has nothing past the last entry', () => {
    expect(outcomeFor(response, 4)).toBeUndefined();
  });
});

describe('jsonLocation', () => {
  it('uses dots for identifiers, quotes other keys and brackets indexes', () => {
    expect(jsonLocation(['MockedResponses', 'Bad Response', '1-2', 'Throw'])).toBe('MockedResponses["Bad Response"]["1-2"].Throw');
    expect(jsonLocation(['rules', 1, 'rate'])).toBe('rules[1].rate');
    expect(jsonLocation([])).toBe('');
  });
});
