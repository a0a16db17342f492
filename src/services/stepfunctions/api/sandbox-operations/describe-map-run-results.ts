// DescribeMapRunResults: where a Map Run's S3 ResultWriter writes manifest.json. DescribeMapRun does not say
// (AWS's console shows it from the Map state's output), and a failed Map Run has no output to read it from.
import { ServiceError } from '../../../../server/service-error';
import { requireMapRun } from '../lookups';
import { defineOperation } from '../operation';
import * as S from '../shapes';

interface Output {
  readonly mapRunArn: string;
  /** The ResultWriterDetails shape: `Key` is the manifest.json object. */
  readonly resultWriterDetails: { readonly Bucket: string; readonly Key: string };
}

export const describeMapRunResults = defineOperation<{ mapRunArn?: string }, Output>({
  input: S.structure({ mapRunArn: S.LongArn }, ['mapRunArn']),
  handle(ctx, input) {
    const run = requireMapRun(ctx, input.mapRunArn as string);
    if (!run.resultWriter) {
      throw new ServiceError('ResourceNotFound', `Map Run '${run.arn}' writes no results to S3: its Map state has no ResultWriter`, 400);
    }
    return { mapRunArn: run.arn, resultWriterDetails: run.resultWriter };
  },
});
