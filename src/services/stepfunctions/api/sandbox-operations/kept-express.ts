// Looking up a kept EXPRESS execution, with an error that says why one can be missing.
import { parseStatesArn } from '../arns';
import { ServiceError } from '../../../../server/service-error';
import type { KeptExpressExecution } from '../../runs/express-histories';
import type { OperationContext } from '../operation';

class ExpressHistoryNotKept extends ServiceError {
  constructor(arn: string, capacity: number) {
    super(
      'ExecutionDoesNotExist',
      `No history kept for '${arn}': the sandbox keeps the latest ${capacity} EXPRESS executions (SANDBOX_EXPRESS_HISTORIES), in memory only`,
    );
  }
}

export function requireKeptExpress(ctx: OperationContext, arn: string): KeptExpressExecution {
  parseStatesArn(arn, ['express']);
  const kept = ctx.expressHistories.get(arn);
  if (!kept) throw new ExpressHistoryNotKept(arn, ctx.expressHistories.capacity);
  return kept;
}
