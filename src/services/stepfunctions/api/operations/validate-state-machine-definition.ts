// ValidateStateMachineDefinition (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinition.html).
// `severity` is the lowest severity returned (ERROR: errors only); `result` is FAIL when any error exists,
// whatever was returned; `maxResults` (default 100) truncates the list.
import type { ValidateStateMachineDefinitionInput, ValidateStateMachineDefinitionOutput } from '@aws-sdk/client-sfn';
import { defineOperation } from '../operation';
import * as S from '../shapes';

const DEFAULT_MAX_RESULTS = 100;

export const validateStateMachineDefinition = defineOperation<ValidateStateMachineDefinitionInput, ValidateStateMachineDefinitionOutput>({
  input: S.structure(
    {
      // No minimum here: "" is validated, not rejected (recorded: "Definition must be a valid JSON object").
      definition: { type: 'string', max: 1_048_576, sensitive: true },
      type: S.StateMachineType,
      severity: S.Severity,
      maxResults: { type: 'integer', min: 0, max: 100 },
    },
    ['definition'],
  ),
  handle(ctx, input) {
    const diagnostics = ctx.engine.validate(input.definition as string, { type: input.type ?? 'STANDARD', tasks: ctx.tasks });
    const wanted = diagnostics.filter((d) => input.severity === 'WARNING' || d.severity === 'ERROR');
    const max = input.maxResults || DEFAULT_MAX_RESULTS;
    return {
      result: diagnostics.some((d) => d.severity === 'ERROR') ? 'FAIL' : 'OK',
      diagnostics: wanted
        .slice(0, max)
        .map((d) => ({ severity: d.severity, code: d.code, message: d.message, ...(d.location ? { location: d.location } : {}) })),
      truncated: wanted.length > max,
    };
  },
});
