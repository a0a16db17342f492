// The checks an alias's routing configuration passes, in AWS's order and wording (recorded): version ARNs
// only, each once, weights summing to 100; then every version must exist and belong to one state machine.
import type { RoutingConfigurationListItem } from '@aws-sdk/client-sfn';
import { ResourceNotFound, ValidationException } from './errors';
import type { OperationContext } from './operation';
import { isVersionArn, parseQualified } from './versions';

/** Validates the routing; returns the state machine its versions belong to. */
export function checkRouting(ctx: OperationContext, routing: readonly RoutingConfigurationListItem[]): string {
  const arns = routing.map((item) => item.stateMachineVersionArn as string);
  if (!arns.every(isVersionArn)) throw routingError(`Routing configuration must contain state machine version ARNs. Received: [${arns.join(', ')}]`);
  if (new Set(arns).size !== arns.length)
    throw routingError(`Routing configuration must contain distinct state machine version ARNs. Received: [${arns.join(', ')}]`);
  const weights = routing.map((item) => item.weight ?? 0);
  if (weights.reduce((a, b) => a + b, 0) !== 100) throw routingError(`Sum of routing configuration weights must equal 100. Received: [${weights.join(', ')}]`);
  const machines = new Set(arns.map((arn) => parseQualified(arn).stateMachineArn));
  // [UNCONFIRMED] wording: versions of two different state machines.
  if (machines.size > 1) throw routingError(`Routing configuration must contain versions of one state machine. Received: [${arns.join(', ')}]`);
  const missing = arns.find((arn) => !ctx.store.getResource('version', arn));
  if (missing !== undefined) throw ResourceNotFound.reference(missing);
  return [...machines][0];
}

function routingError(message: string): ValidationException {
  return new ValidationException(message, 'INVALID_ROUTING_CONFIGURATION');
}
