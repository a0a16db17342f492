// Step Functions Local and LocalStack select a MockConfigFile test case by suffixing the state machine ARN
// given to StartExecution / StartSyncExecution with `#<TestCase>`:
// `arn:aws:states:us-east-1:123456789012:stateMachine:LambdaSQSIntegration#HappyPath`.
// The Step Functions service splits it where it receives it; this is the same function under the mocking name.
import { splitTestCase } from '../services/stepfunctions/runs/test-cases';

export interface TestCaseArn {
  readonly stateMachineArn: string;
  readonly testCase?: string;
}

export const parseTestCaseArn: (arn: string) => TestCaseArn = splitTestCase;
