import { parseFaultPlan } from '../../src/faults/fault-plan';
import { FaultSchedule } from '../../src/faults/fault-schedule';
import { seededFraction } from '../../src/faults/seeded-fraction';

function faultedCalls(schedule: FaultSchedule, operation: string, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const fault = schedule.next(operation);
    if (fault) out.push(fault.call);
  }
  return out;
}

const ratePlan = (seed: number, rate = 0.2) =>
  parseFaultPlan({ seed, rules: [{ service: 'dynamodb', rate, error: 'ProvisionedThroughputExceededException' }] }, 'test');

describe('seededFraction', () => {
  it('is a pure function of its inputs, in [0, 1)', () => {
    expect(seededFraction(42, 0, 'PutItem', 5)).toBe(seededFraction(42, 0, 'PutItem', 5));
    expect(seededFraction(42, 0, 'PutItem', 5)).not.toBe(seededFraction(43, 0, 'PutItem', 5));
    expect(seededFraction(42, 0, 'PutItem', 5)).not.toBe(seededFraction(42, 1, 'PutItem', 5));
    expect(seededFraction(42, 0, 'PutItem', 5)).not.toBe(seededFraction(42, 0, 'GetItem', 5));
    expect(seededFraction(2 ** 40, 0, 'PutItem', 5)).not.toBe(seededFraction(0, 0, 'PutItem', 5));
    for (let call = 1; call <= 1000; call++) {
      const x = seededFraction(7, 0, 'PutItem', call);
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});

describe('FaultSchedule', () => {
  it('fails about the given fraction of calls', () => {
    const failed = faultedCalls(new FaultSchedule(ratePlan(42)), 'PutItem', 5000).length;
    expect(failed / 5000).toBeGreaterThan(0.18);
    expect(failed / 5000).toBeLessThan(0.22);
    expect(faultedCalls(new FaultSchedule(ratePlan(42, 0)), 'PutItem', 200)).toEqual([]);
    expect(faultedCalls(new FaultSchedule(ratePlan(42, 1)), 'PutItem', 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('fails the same call numbers for the same seed, other ones for another seed', () => {
    const first = faultedCalls(new FaultSchedule(ratePlan(42)), 'PutItem', 100);
    expect(faultedCalls(new FaultSchedule(ratePlan(42)), 'PutItem', 100)).toEqual(first);
    expect(faultedCalls(new FaultSchedule(ratePlan(7)), 'PutItem', 100)).not.toEqual(first);
  });

  it('numbers calls per operation, so other operations do not shift the faulted calls', () => {
    const alone = faultedCalls(new FaultSchedule(ratePlan(42)), 'PutItem', 50);
    const schedule = new FaultSchedule(ratePlan(42));
    const interleaved: number[] = [];
    for (let i = 0; i < 50; i++) {
      schedule.next('GetItem');
      const fault = schedule.next('PutItem');
      if (fault) interleaved.push(fault.call);
    }
    expect(interleaved).toEqual(alone);
  });

  it('fails exactly the listed calls of the listed operations; the first matching rule wins', () => {
    const plan = parseFaultPlan(
      {
        rules: [
          { service: 'dynamodb', operations: ['PutItem'], calls: [3, 7], error: 'ThrottlingException' },
          { service: 'dynamodb', operations: ['PutItem', 'BatchWriteItem'], calls: [1, 3], error: 'InternalServerError' },
        ],
      },
      'test',
    );
    const schedule = new FaultSchedule(plan);
    const errors = Array.from({ length: 8 }, () => schedule.next('PutItem')?.rule.error);
    expect(errors).toEqual(['InternalServerError', undefined, 'ThrottlingException', undefined, undefined, undefined, 'ThrottlingException', undefined]);
    expect(schedule.next('GetItem')).toBeUndefined();
    expect(schedule.next('BatchWriteItem')?.rule.error).toBe('InternalServerError');
    expect(schedule.report()).toEqual({
      injected: 4,
      byOperation: { PutItem: 3, BatchWriteItem: 1 },
      byError: { InternalServerError: 2, ThrottlingException: 2 },
      calls: { PutItem: 8, GetItem: 1, BatchWriteItem: 1 },
      faultedCalls: { PutItem: [1, 3, 7], BatchWriteItem: [1] },
    });
  });
});
