// Splits a Task `Resource` into the parts the integrations dispatch on. Service integrations are
// `arn:<partition>:states:::<service>:<action>[.sync|.sync:2|.waitForTaskToken]` and AWS SDK ones
// `arn:<partition>:states:::aws-sdk:<service>:<apiAction>[...]` (docs/aws-behaviour.md#service-integrations); a Lambda function ARN is the
// legacy Lambda resource. https://docs.aws.amazon.com/step-functions/latest/dg/integrate-services.html

type ResourceSuffix = 'sync' | 'sync:2' | 'waitForTaskToken';

export type ParsedResourceArn =
  | { readonly kind: 'service'; readonly service: string; readonly action: string; readonly suffix?: ResourceSuffix }
  | { readonly kind: 'aws-sdk'; readonly service: string; readonly action: string; readonly suffix?: ResourceSuffix }
  | { readonly kind: 'lambda-function'; readonly arn: string; readonly functionName: string };

const SUFFIXES: readonly string[] = ['sync', 'sync:2', 'waitForTaskToken'];
const INTEGRATION_PREFIX = /^arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:states:::(.+)$/;
const LAMBDA_FUNCTION =
  /^arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:lambda:[a-z]{2}(?:-gov)?-[a-z]+-\d:\d{12}:function:([a-zA-Z0-9_-]{1,64})(?::(?:\$LATEST|[a-zA-Z0-9_-]+))?$/;
const NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;

/** AWS's parse-time message for every resource it does not serve (recorded, docs/aws-behaviour.md#service-integrations). */
export function unrecognizedResource(arn: string): string {
  return `The resource provided ${arn} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`;
}

export function parseResourceArn(arn: string): ParsedResourceArn | undefined {
  const lambda = LAMBDA_FUNCTION.exec(arn);
  if (lambda) return { kind: 'lambda-function', arn, functionName: lambda[1] };
  const rest = INTEGRATION_PREFIX.exec(arn)?.[1];
  if (rest === undefined) return undefined;
  const sdk = rest.startsWith('aws-sdk:');
  const [service, ...actionParts] = (sdk ? rest.slice('aws-sdk:'.length) : rest).split(':');
  // `.sync:2` carries a colon, so the action is everything after the service.
  const actionWithSuffix = actionParts.join(':');
  const dot = actionWithSuffix.indexOf('.');
  const action = dot < 0 ? actionWithSuffix : actionWithSuffix.slice(0, dot);
  const suffix = dot < 0 ? undefined : actionWithSuffix.slice(dot + 1);
  if (!NAME.test(service) || !NAME.test(action)) return undefined;
  if (suffix !== undefined && !SUFFIXES.includes(suffix)) return undefined;
  return { kind: sdk ? 'aws-sdk' : 'service', service, action, suffix: suffix as ResourceSuffix | undefined };
}
