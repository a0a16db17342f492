// Step Functions Local and LocalStack select a MockConfigFile test case by suffixing the state machine ARN
// given to StartExecution / StartSyncExecution with `#<TestCase>`:
// `arn:aws:states:us-east-1:123456789012:stateMachine:LambdaSQSIntegration#HappyPath`.
import { InvalidArn } from '../services/stepfunctions/errors';

export interface TestCaseArn {
  readonly stateMachineArn: string;
  readonly testCase?: string;
}

/** Splits off `#<TestCase>`; '#' cannot occur in state machine names, so the first one separates. */
export function parseTestCaseArn(arn: string): TestCaseArn {
  const hash = arn.indexOf('#');
  if (hash < 0) return { stateMachineArn: arn };
  const testCase = arn.slice(hash + 1);
  // [UNCONFIRMED] SFL's answer to an empty test case name; we reject it as the ARN being invalid.
  if (testCase.trim() === '') throw new InvalidArn(`Test case name missing after '#' in ${arn}`);
  return { stateMachineArn: arn.slice(0, hash), testCase };
}
