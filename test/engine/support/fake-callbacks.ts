// A CallbackPort for engine tests: numbered tokens, and a test answers or heartbeats a token directly.
import type { CallbackOutcome, CallbackPort, PendingCallback } from '../../../src/engine/integrations/callbacks';

export class FakeCallbacks implements CallbackPort {
  private issued = 0;
  private readonly open = new Map<string, { settle: (outcome: CallbackOutcome) => void; heartbeats: (() => void)[] }>();
  readonly closed: string[] = [];

  newToken(executionArn: string): string {
    return `token-${++this.issued}@${executionArn}`;
  }

  listen(token: string): PendingCallback {
    let settle!: (outcome: CallbackOutcome) => void;
    const outcome = new Promise<CallbackOutcome>((resolve) => (settle = resolve));
    const entry = { settle, heartbeats: [] as (() => void)[] };
    this.open.set(token, entry);
    return {
      outcome,
      onHeartbeat: (listener) => void entry.heartbeats.push(listener),
      close: () => {
        this.open.delete(token);
        this.closed.push(token);
      },
    };
  }

  answer(token: string, outcome: CallbackOutcome): void {
    const entry = this.open.get(token);
    if (!entry) throw new Error(`no task waits for ${token}`);
    entry.settle(outcome);
  }

  heartbeat(token: string): void {
    for (const listener of this.open.get(token)?.heartbeats ?? []) listener();
  }
}
