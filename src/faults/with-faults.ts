// Seeded fault injection for the embedded endpoint's DynamoDB: a ServiceHandler decorator that answers the
// calls the plan selects with DynamoDB's real error response instead of forwarding them. The faulted
// request's body is still read to the end, so the connection stays usable and nothing is left unread.
import type { EdgeRequest, ServiceHandler } from '../server/edge';
import { dynamoDbErrorResponse } from './dynamodb-errors';
import { dynamoDbOperationOf } from './dynamodb-operations';
import type { FaultPlan } from './fault-plan';
import { FaultSchedule, type FaultReport } from './fault-schedule';

export interface FaultInjectingHandler extends ServiceHandler {
  /** Counts of injected faults and of calls seen, per operation and per error. */
  faultReport(): FaultReport;
}

export function withFaults(inner: ServiceHandler, plan: FaultPlan): FaultInjectingHandler {
  const schedule = new FaultSchedule(plan);
  const handler: FaultInjectingHandler = {
    name: inner.name,
    async handle(request) {
      const operation = dynamoDbOperationOf(request);
      const fault = operation === undefined ? undefined : schedule.next(operation);
      if (!fault) return inner.handle(request);
      await drain(request);
      return dynamoDbErrorResponse(fault.rule.error, fault.rule.message);
    },
    faultReport: () => schedule.report(),
  };
  if (inner.close) handler.close = () => inner.close!();
  return handler;
}

async function drain(request: EdgeRequest): Promise<void> {
  for await (const chunk of request.body) void chunk;
}
