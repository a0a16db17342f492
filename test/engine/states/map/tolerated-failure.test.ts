import { StatesError } from '../../../../src/engine/errors/states-error';
import { integerFromPath } from '../../../../src/engine/states/map/path-values';
import {
  exceededThresholdError,
  FailureThreshold,
  resolveTolerance,
  TOLERATED_COUNT_NEGATIVE,
  TOLERATED_PERCENTAGE_RANGE,
  toleratedFailureCountFromPath,
  toleratedFailurePercentageFromPath,
} from '../../../../src/engine/states/map/tolerated-failure';

const runtime = (cause: string) => new StatesError('States.Runtime', cause);

describe('tolerance validation (docs/aws-behaviour.md#jsonpath-runtime-errors causes)', () => {
  it('rejects a negative count and a percentage outside 0–100 (recorded values)', () => {
    expect(() => resolveTolerance({ count: -1 })).toThrow(runtime(TOLERATED_COUNT_NEGATIVE));
    for (const percentage of [-1, -1.1, 100.1]) expect(() => resolveTolerance({ percentage })).toThrow(runtime(TOLERATED_PERCENTAGE_RANGE));
    for (const percentage of [0, 1, 1.1, 100]) expect(resolveTolerance({ percentage }).percentage).toBe(percentage);
    expect(() => resolveTolerance({ count: 1.5 })).toThrow('ToleratedFailureCount must be an integer, got 1.5.');
    expect(resolveTolerance({})).toEqual({ count: undefined, percentage: undefined });
  });

  it('reads Path values with the recorded messages', () => {
    expect(() => toleratedFailureCountFromPath('NoNumber', '$.ToleratedFailureCount')).toThrow(
      runtime('The ToleratedFailureCountPath field refers to value "NoNumber" which is not a valid integer: $.ToleratedFailureCount'),
    );
    expect(() => toleratedFailureCountFromPath(-1, '$.c')).toThrow(runtime(TOLERATED_COUNT_NEGATIVE));
    expect(toleratedFailureCountFromPath(3, '$.c')).toBe(3);
    expect(() => toleratedFailurePercentageFromPath('NoNumber', '$.ToleratedFailurePercentage')).toThrow(
      runtime('The ToleratedFailurePercentagePath field refers to value "NoNumber" which is not a valid float: $.ToleratedFailurePercentage'),
    );
    expect(() => toleratedFailurePercentageFromPath(100.1, '$.p')).toThrow(runtime(TOLERATED_PERCENTAGE_RANGE));
    expect(toleratedFailurePercentageFromPath('12.5', '$.p')).toBe(12.5);
  });

  it('renders path values as AWS does: "1.5" and "{}" [numeric strings accepted: UNCONFIRMED]', () => {
    expect(() => integerFromPath('MaxItemsPath', 1.5, '$.MaxItems')).toThrow(
      'The MaxItemsPath field refers to value "1.5" which is not a valid integer: $.MaxItems',
    );
    expect(() => integerFromPath('MaxConcurrencyPath', {}, '$.m')).toThrow('refers to value "{}" which is not a valid integer');
    expect(() => integerFromPath('MaxItemsPath', 2 ** 31, '$.m')).toThrow('which is not a valid integer');
    expect(integerFromPath('MaxItemsPath', ' 42 ', '$.m')).toBe(42);
  });
});

describe('FailureThreshold', () => {
  it('defaults to 0/0: the first failed item fails the run', () => {
    const threshold = new FailureThreshold();
    expect(threshold.exceeded(0, 10)).toBe(false);
    expect(threshold.exceeded(1, 10)).toBe(true);
  });

  it('count: exactly at the threshold passes, one over fails', () => {
    const threshold = new FailureThreshold({ count: 2 });
    expect(threshold.exceeded(2, 3)).toBe(false);
    expect(threshold.exceeded(3, 3)).toBe(true);
  });

  it('percentage: exactly at the threshold passes, one over fails (no float drift) [UNCONFIRMED strictness]', () => {
    const threshold = new FailureThreshold({ percentage: 1.1 });
    expect(threshold.exceeded(11, 1000)).toBe(false);
    expect(threshold.exceeded(12, 1000)).toBe(true);
    const half = new FailureThreshold({ percentage: 50 });
    expect(half.exceeded(5, 10)).toBe(false);
    expect(half.exceeded(6, 10)).toBe(true);
  });

  it('a lone percentage is not defeated by the implicit count of 0', () => {
    expect(new FailureThreshold({ percentage: 50 }).exceeded(1, 10)).toBe(false);
    expect(new FailureThreshold({ percentage: 50 }).exceeded(5, 10)).toBe(false);
  });

  it('both set: exceeding either fails', () => {
    const threshold = new FailureThreshold({ count: 5, percentage: 10 });
    expect(threshold.exceeded(2, 100)).toBe(false);
    expect(threshold.exceeded(6, 1000)).toBe(true); // count
    expect(threshold.exceeded(3, 20)).toBe(true); // 15 %
  });

  it('100 % tolerates everything; 0 % tolerates nothing', () => {
    expect(new FailureThreshold({ percentage: 100 }).exceeded(10, 10)).toBe(false);
    expect(new FailureThreshold({ percentage: 0 }).exceeded(1, 1000)).toBe(true);
  });

  it('fails with the recorded error', () => {
    const error = new FailureThreshold().error();
    expect([error.error, error.cause]).toEqual(['States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded']);
    expect(exceededThresholdError().catchable).toBe(true);
  });
});
