// The callback half of a `.waitForTaskToken` Task: after the integration call (TaskSubmitted) the state
// waits for SendTaskSuccess / SendTaskFailure with its token. HeartbeatSeconds counts from the submission
// and restarts on every SendTaskHeartbeat; expiry is States.Timeout like TimeoutSeconds (recorded).
// https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#wait-token-hearbeat
import type { CallbackOutcome, PendingCallback } from '../../integrations/callbacks';
import { CallbackFailureError, HeartbeatTimeoutError } from '../../errors/states-error-kinds';
import { expireAfter, type Clock } from '../../runtime/clock';
import { SCOPE_FINISHED } from '../../runtime/abort';
import { TimedOut } from './timed-out';

/** Resolves with SendTaskSuccess's output; rejects with SendTaskFailure's error, a TimedOut, or the signal's reason. */
export function awaitCallback(callback: PendingCallback, heartbeatSeconds: number | undefined, clock: Clock, signal: AbortSignal): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let timer: AbortController | undefined;
    const disarm = () => timer?.abort(SCOPE_FINISHED);
    const arm = () => {
      disarm();
      if (heartbeatSeconds === undefined) return;
      const current = (timer = new AbortController());
      expireAfter(clock, heartbeatSeconds * 1000, current.signal).then(
        () => reject(new TimedOut(new HeartbeatTimeoutError())),
        () => undefined,
      );
    };
    const onAbort = () => {
      disarm();
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    arm();
    callback.onHeartbeat(arm);
    callback.outcome.then((outcome) => {
      disarm();
      signal.removeEventListener('abort', onAbort);
      if (outcome.status === 'SUCCEEDED') resolve(outcome.output);
      // SendTaskFailure may omit both fields (recorded: the history then has neither).
      else reject(new CallbackFailureError(outcome.error, outcome.cause));
    }, reject);
  });
}

/** The callback, also settled by `answer`: the runner may answer a task itself (a mocked task does), not only SendTask* through the port. */
export function answerable(listening: PendingCallback): { callback: PendingCallback; answer: (outcome: CallbackOutcome) => void } {
  let answer!: (outcome: CallbackOutcome) => void;
  const answered = new Promise<CallbackOutcome>((resolve) => (answer = resolve));
  const callback: PendingCallback = {
    outcome: Promise.race([listening.outcome, answered]),
    onHeartbeat: (listener) => listening.onHeartbeat(listener),
    close: () => listening.close(),
  };
  return { callback, answer };
}
