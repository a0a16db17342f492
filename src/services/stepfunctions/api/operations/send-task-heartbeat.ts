// SendTaskHeartbeat (https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskHeartbeat.html).
// Restarts the task's HeartbeatSeconds; records no history event (none is recorded on AWS either).
import type { SendTaskHeartbeatInput, SendTaskHeartbeatOutput } from '@aws-sdk/client-sfn';
import { defineOperation } from '../operation';
import * as S from '../shapes';

export const sendTaskHeartbeat = defineOperation<SendTaskHeartbeatInput, SendTaskHeartbeatOutput>({
  input: S.structure({ taskToken: S.TaskToken }, ['taskToken']),
  handle(ctx, input) {
    ctx.taskTokens.heartbeat(input.taskToken as string);
    return {};
  },
});
