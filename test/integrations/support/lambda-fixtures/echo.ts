// Fixture: returns what it received, plus the context fields a function typically reads.
import type { LambdaContext } from '../../../../src/integrations/lambda-handlers';

export async function handler(event: unknown, context: LambdaContext) {
  return { event, functionName: context.functionName, invokedFunctionArn: context.invokedFunctionArn, requestId: context.awsRequestId };
}
