// The pure retry decision and the Retry/Catch name matching (docs/aws-behaviour.md#retry-and-catch, #error-names-and-matching).
import type { Retrier } from '../../../src/engine/definition/types';
import { matchesErrorEquals } from '../../../src/engine/errors/error-matching';
import { FailStateError, HeartbeatTimeoutError, TerminalStatesError, errorOutput } from '../../../src/engine/errors/states-error-kinds';
import { StatesError } from '../../../src/engine/errors/states-error';
import { retryDecision } from '../../../src/engine/runtime/retry';

const retrier = (r: Partial<Retrier>): Retrier => ({
  ErrorEquals: ['States.ALL'],
  IntervalSeconds: 1,
  MaxAttempts: 3,
  BackoffRate: 2,
  JitterStrategy: 'NONE',
  ...r,
});

describe('retryDecision', () => {
  it('computes IntervalSeconds × BackoffRate^(n-1) and stops after MaxAttempts', () => {
    const attempts: number[] = [];
    const retriers = [retrier({ IntervalSeconds: 3, BackoffRate: 1.5, MaxAttempts: 3 })];
    const delays = [1, 2, 3, 4].map(() => retryDecision(retriers, attempts, new StatesError('X'), false, () => 1));
    expect(delays).toEqual([
      { retry: true, delayMs: 3000, retrierIndex: 0 },
      { retry: true, delayMs: 4500, retrierIndex: 0 },
      { retry: true, delayMs: 6750, retrierIndex: 0 },
      { retry: false },
    ]);
  });

  it('applies MaxDelaySeconds and FULL jitter', () => {
    const retriers = [retrier({ IntervalSeconds: 10, BackoffRate: 10, MaxDelaySeconds: 60, JitterStrategy: 'FULL' })];
    const attempts: number[] = [];
    expect(retryDecision(retriers, attempts, new StatesError('X'), false, () => 0.25)).toMatchObject({ delayMs: 2500 });
    expect(retryDecision(retriers, attempts, new StatesError('X'), false, () => 0.25)).toMatchObject({ delayMs: 15000 });
    expect(retryDecision(retriers, attempts, new StatesError('X'), false, () => 0)).toMatchObject({ delayMs: 0 });
  });

  it('uses only the first matching retrier even when it is exhausted', () => {
    const retriers = [retrier({ ErrorEquals: ['A'], MaxAttempts: 0 }), retrier({ ErrorEquals: ['States.ALL'] })];
    expect(retryDecision(retriers, [], new StatesError('A'), false, Math.random)).toEqual({ retry: false });
    expect(retryDecision(retriers, [], new StatesError('B'), false, Math.random)).toMatchObject({ retry: true, retrierIndex: 1 });
  });
});

describe('matchesErrorEquals', () => {
  it('matches exact names, case-sensitively, and States.ALL', () => {
    expect(matchesErrorEquals(['Boom'], new StatesError('Boom'), false)).toBe(true);
    expect(matchesErrorEquals(['boom'], new StatesError('Boom'), false)).toBe(false);
    expect(matchesErrorEquals(['States.ALL'], new StatesError('Anything'), false)).toBe(true);
  });

  it('never matches States.Runtime or terminal errors', () => {
    expect(matchesErrorEquals(['States.Runtime', 'States.ALL'], new StatesError('States.Runtime'), true)).toBe(false);
    expect(matchesErrorEquals(['States.ALL'], new TerminalStatesError('States.DataLimitExceeded'), true)).toBe(false);
  });

  it('States.TaskFailed matches task errors other than States.Timeout, only in Task states', () => {
    expect(matchesErrorEquals(['States.TaskFailed'], new StatesError('Lambda.ServiceException'), true)).toBe(true);
    expect(matchesErrorEquals(['States.TaskFailed'], new StatesError('States.Timeout'), true)).toBe(false);
    expect(matchesErrorEquals(['States.TaskFailed'], new StatesError('Custom'), false)).toBe(false);
  });

  it('a heartbeat expiry is States.Timeout and also matches States.HeartbeatTimeout', () => {
    const heartbeat = new HeartbeatTimeoutError();
    expect(heartbeat.error).toBe('States.Timeout');
    expect(matchesErrorEquals(['States.HeartbeatTimeout'], heartbeat, true)).toBe(true);
    expect(matchesErrorEquals(['States.HeartbeatTimeout'], new StatesError('States.Timeout'), true)).toBe(false);
  });
});

describe('errorOutput', () => {
  it('omits absent members', () => {
    expect(errorOutput(new StatesError('States.Timeout'))).toEqual({ Error: 'States.Timeout' });
    expect(errorOutput(new FailStateError(undefined, 'why'))).toEqual({ Cause: 'why' });
    expect(errorOutput(new StatesError('E', 'c'))).toEqual({ Error: 'E', Cause: 'c' });
  });
});
