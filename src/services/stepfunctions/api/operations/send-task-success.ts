// SendTaskSuccess (https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html).
// The output must be JSON: it becomes the Task's result.
import type { SendTaskSuccessInput, SendTaskSuccessOutput } from '@aws-sdk/client-sfn';
import { InvalidOutput } from '../errors';
import { defineOperation } from '../operation';
import * as S from '../shapes';

export const sendTaskSuccess = defineOperation<SendTaskSuccessInput, SendTaskSuccessOutput>({
  input: S.structure({ taskToken: S.TaskToken, output: S.SensitiveData }, ['taskToken', 'output']),
  handle(ctx, input) {
    let output: unknown;
    try {
      output = JSON.parse(input.output as string);
    } catch (err) {
      throw new InvalidOutput((err as Error).message);
    }
    ctx.taskTokens.answer(input.taskToken as string, { status: 'SUCCEEDED', output });
    return {};
  },
});
