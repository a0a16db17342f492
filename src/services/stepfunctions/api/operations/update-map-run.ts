// UpdateMapRun (https://docs.aws.amazon.com/step-functions/latest/apireference/API_UpdateMapRun.html).
// Changes a RUNNING Map Run's concurrency and failure tolerance; the running Distributed Map is told at
// once (MapRunHandle.onSettingsChange). Ranges come from the model: maxConcurrency ≥ 0,
// toleratedFailurePercentage 0–100, toleratedFailureCount ≥ 0 (docs/aws-behaviour.md#map-run-api).
import type { UpdateMapRunInput, UpdateMapRunOutput } from '@aws-sdk/client-sfn';
import { ValidationException } from '../errors';
import { requireMapRun } from '../lookups';
import { defineOperation } from '../operation';
import * as S from '../shapes';
import { optional } from '../wire';

export const updateMapRun = defineOperation<UpdateMapRunInput, UpdateMapRunOutput>({
  input: S.structure(
    {
      mapRunArn: S.LongArn,
      maxConcurrency: { type: 'integer', min: 0 },
      toleratedFailurePercentage: { type: 'float', min: 0, max: 100 },
      toleratedFailureCount: { type: 'long', min: 0 },
    },
    ['mapRunArn'],
  ),
  handle(ctx, input) {
    const run = requireMapRun(ctx, input.mapRunArn as string);
    const { maxConcurrency, toleratedFailurePercentage, toleratedFailureCount } = input;
    // [UNCONFIRMED] wording of both messages; the reasons are the API's ValidationExceptionReason values.
    if (maxConcurrency === undefined && toleratedFailurePercentage === undefined && toleratedFailureCount === undefined) {
      throw new ValidationException(
        'At least one of maxConcurrency, toleratedFailurePercentage or toleratedFailureCount must be specified',
        'MISSING_REQUIRED_PARAMETER',
      );
    }
    if (run.status !== 'RUNNING') {
      throw new ValidationException(`Map Run '${run.arn}' is ${run.status} and can no longer be updated`, 'CANNOT_UPDATE_COMPLETED_MAP_RUN');
    }
    ctx.mapRuns.update(run.arn, {
      ...optional('maxConcurrency', maxConcurrency),
      ...optional('toleratedFailurePercentage', toleratedFailurePercentage),
      ...optional('toleratedFailureCount', toleratedFailureCount),
    });
    return {};
  },
});
