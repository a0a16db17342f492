// A Task's own deadline expired (TimeoutSeconds, or HeartbeatSeconds without a heartbeat): recorded as
// TaskTimedOut, then handled as the error it carries (States.Timeout).
import type { StatesError } from '../../errors/states-error';

export class TimedOut {
  constructor(readonly error: StatesError) {}
}
