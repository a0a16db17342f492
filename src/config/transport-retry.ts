// The engine's retry policy for its SDK clients. A Task's service error must reach the state as AWS reports it to
// Step Functions, so only the state's own Retry retries those (an SDK retry loop would hide a throttled table). A
// request that got no HTTP answer at all (connection reset, refused, or timed out on this machine's sockets) is
// different: that failure belongs to the sandbox's plumbing, not to the service, and AWS's own integration never
// shows it to a state machine. Those are retried, a few times, with a short backoff.
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';

const MAX_RETRIES = 3;
const BASE_DELAY_MS = 50;

export function transportFailureRetry(): RetryStrategyV2 {
  return {
    acquireInitialRetryToken: async () => token(0, 0),
    async refreshRetryTokenForRetry(previous: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
      const retries = previous.getRetryCount();
      // Rejecting makes the SDK throw the call's own error.
      if (!isTransportFailure(info) || retries >= MAX_RETRIES) throw info.error ?? new Error('not retried');
      return token(retries + 1, BASE_DELAY_MS * 2 ** retries);
    },
    recordSuccess: () => undefined,
  };
}

/** No HTTP status: the error came from the socket, not from the service. */
function isTransportFailure(info: RetryErrorInfo): boolean {
  return info.errorType === 'TRANSIENT' && info.error?.$metadata?.httpStatusCode === undefined;
}

function token(retries: number, delayMs: number): RetryToken {
  return { getRetryCount: () => retries, getRetryDelay: () => delayMs };
}
