// SendTaskFailure (https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskFailure.html).
// Both error and cause are optional; the Task fails with what was given.
import type { SendTaskFailureInput, SendTaskFailureOutput } from '@aws-sdk/client-sfn';
import { defineOperation } from '../operation';
import * as S from '../shapes';

export const sendTaskFailure = defineOperation<SendTaskFailureInput, SendTaskFailureOutput>({
  input: S.structure({ taskToken: S.TaskToken, error: S.SensitiveError, cause: S.SensitiveCause }, ['taskToken']),
  handle(ctx, input) {
    ctx.taskTokens.answer(input.taskToken as string, { status: 'FAILED', error: input.error, cause: input.cause });
    return {};
  },
});
