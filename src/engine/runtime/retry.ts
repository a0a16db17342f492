// Retry policy (docs/aws-behaviour.md#retry-and-catch), pure: the first retrier whose ErrorEquals matches decides. Its own attempt
// counter (kept per state entry) is compared with MaxAttempts (0 = never); the wait before retry n is
// IntervalSeconds × BackoffRate^(n-1), capped by MaxDelaySeconds, and with JitterStrategy FULL a uniform
// random value in [0, that] (the docs' "full jitter"; exact distribution [UNCONFIRMED]).
import type { Retrier } from '../definition/types';
import { matchesErrorEquals } from '../errors/error-matching';
import type { StatesError } from '../errors/states-error';

export type RetryDecision = { readonly retry: false } | { readonly retry: true; readonly delayMs: number; readonly retrierIndex: number };

export function retryDecision(retriers: readonly Retrier[], attempts: number[], error: StatesError, inTaskState: boolean, random: () => number): RetryDecision {
  const index = retriers.findIndex((r) => matchesErrorEquals(r.ErrorEquals, error, inTaskState));
  if (index < 0) return { retry: false };
  const retrier = retriers[index];
  const done = attempts[index] ?? 0;
  if (done >= retrier.MaxAttempts) return { retry: false };
  attempts[index] = done + 1;
  let seconds = retrier.IntervalSeconds * retrier.BackoffRate ** done;
  if (retrier.MaxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.MaxDelaySeconds);
  if (retrier.JitterStrategy === 'FULL') seconds *= random();
  return { retry: true, delayMs: Math.round(seconds * 1000), retrierIndex: index };
}
