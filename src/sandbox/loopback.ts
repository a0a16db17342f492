// The one cycle in the sandbox's wiring, broken in one place. The engine's SDK clients reach the co-hosted services
// through the endpoint's router, in-process; the router serves Step Functions, which is built over those clients
// (a Task calling states:startExecution, or a Distributed Map starting its children, calls the very endpoint that
// runs it). So the clients are built over this dispatcher, which the composition root connects to the router once
// the router exists, before the endpoint listens and before any execution can start.
import type { EdgeRequest, EdgeResponse } from '../server/edge';
import type { Dispatcher } from '../server/in-process-handler';

export class Loopback implements Dispatcher {
  private target: Dispatcher | undefined;

  /** Called once, by the composition root, with the endpoint's router. */
  connect(target: Dispatcher): void {
    if (this.target) throw new Error('Loopback: already connected to a router');
    this.target = target;
  }

  dispatch(request: EdgeRequest): Promise<EdgeResponse> {
    // A request before connect() is a wiring error: something ran an execution before the endpoint was assembled.
    if (!this.target) return Promise.reject(new Error(`Loopback: ${request.method} ${request.url} was sent before the endpoint's router was connected`));
    return this.target.dispatch(request);
  }
}
