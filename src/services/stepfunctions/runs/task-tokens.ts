// Task tokens and their callbacks (the token half of the engine's CallbackPort; activity-tasks.ts is the other). A token names the execution that issued it,
// so a callback for a task that is over can be told from one for a task that never existed, also after a
// restart. Waiting tasks are not persisted: like any running state they end with their execution when the
// endpoint stops (ABORTED on an orderly close, FAILED with Sandbox.EndpointRestarted after a crash), and
// their tokens then answer TaskTimedOut.
// https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html
import type { CallbackOutcome, PendingCallback } from '../../../engine';
import { InvalidToken, TaskDoesNotExist, TaskTimedOut } from '../api/errors';

interface Waiting {
  readonly settle: (outcome: CallbackOutcome) => void;
  readonly heartbeats: (() => void)[];
}

interface DecodedToken {
  readonly executionArn: string;
}

export class TaskTokens {
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly uuid: () => string,
    /** Whether this endpoint knows the execution (then an unknown token's task has ended). */
    private readonly executionExists: (arn: string) => boolean,
  ) {}

  newToken(executionArn: string): string {
    return Buffer.from(JSON.stringify({ e: executionArn, n: this.uuid() })).toString('base64');
  }

  listen(token: string): PendingCallback {
    let settle!: (outcome: CallbackOutcome) => void;
    const outcome = new Promise<CallbackOutcome>((resolve) => (settle = resolve));
    const waiting: Waiting = { settle, heartbeats: [] };
    this.waiting.set(token, waiting);
    return {
      outcome,
      onHeartbeat: (listener) => void waiting.heartbeats.push(listener),
      close: () => void this.waiting.delete(token),
    };
  }

  /** SendTaskSuccess / SendTaskFailure: answers the task once; its token is then spent. */
  answer(token: string, outcome: CallbackOutcome): void {
    const waiting = this.require(token);
    this.waiting.delete(token);
    waiting.settle(outcome);
  }

  /** SendTaskHeartbeat. */
  heartbeat(token: string): void {
    for (const listener of this.require(token).heartbeats) listener();
  }

  /** The waiting task of a token, or AWS's error for why there is none. */
  private require(token: string): Waiting {
    const waiting = this.waiting.get(token);
    if (waiting) return waiting;
    const decoded = decode(token);
    if (!decoded) throw new InvalidToken();
    throw this.executionExists(decoded.executionArn) ? new TaskTimedOut() : new TaskDoesNotExist();
  }
}

function decode(token: string): DecodedToken | undefined {
  try {
    const { e, n } = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { e?: unknown; n?: unknown };
    return typeof e === 'string' && typeof n === 'string' ? { executionArn: e } : undefined;
  } catch {
    return undefined;
  }
}
