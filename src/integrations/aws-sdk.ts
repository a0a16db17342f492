// AWS SDK service integrations: `arn:aws:states:::aws-sdk:<service>:<apiAction>`. Request and response
// members are the API's PascalCase shapes; the result carries no SdkHttpMetadata; errors are named
// `<ServiceId>.<Exception>` with SDK-v2 cause text (docs/aws-behaviour.md#aws-sdk-integrations).
// https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html
import type { Integration, IntegrationContext } from './integration';
import { AWS_SDK_SERVICES } from './aws-sdk-services';
import { sdkCommand, sendAbortable } from './sdk-send';
import { sdkV2Failure } from './service-failure';
import { objectArgs, toTaskJson } from './task-json';

export function createAwsSdkIntegration(context: IntegrationContext): Integration {
  return {
    resolve(arn, raw) {
      if (arn.kind !== 'aws-sdk' || !Object.hasOwn(AWS_SDK_SERVICES, arn.service)) return undefined;
      // `.sync` does not exist for aws-sdk resources; `.waitForTaskToken` does (the call, then the callback).
      if (arn.suffix !== undefined && arn.suffix !== 'waitForTaskToken') return undefined;
      if (!AWS_SDK_SERVICES[arn.service].commandFor(arn.action)) return undefined;
      const resourceType = `aws-sdk:${arn.service}`;
      if (arn.suffix) return { arn: raw, resourceType, resource: `${arn.action}.waitForTaskToken`, pattern: 'WAIT_FOR_TASK_TOKEN', action: arn.action };
      return { arn: raw, resourceType, resource: arn.action, pattern: 'REQUEST_RESPONSE' };
    },
    async invoke(invocation) {
      const { resourceType, resource, action = resource } = invocation.resource;
      const service = AWS_SDK_SERVICES[resourceType.slice('aws-sdk:'.length)];
      const Command = service.commandFor(action);
      if (!Command) throw new Error(`aws-sdk resource '${invocation.resource.arn}' was not resolved by this runner`);
      const input = service.prepareInput(action, objectArgs(invocation));
      try {
        const client = service.client(context.clients);
        const output = await sendAbortable(client, sdkCommand(client, Command, input), invocation.signal);
        return toTaskJson(await service.readOutput(action, output, input), 'iso');
      } catch (thrown) {
        throw sdkV2Failure(thrown, service.errors);
      }
    },
  };
}
