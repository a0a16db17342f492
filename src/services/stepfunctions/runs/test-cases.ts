// The service's view of MockConfigFile test cases (src/mocking): StartExecution / StartSyncExecution accept
// `…:stateMachine:Name#Case`, and the case follows the execution into its Distributed Map children.
// The service only records which execution runs which case; the mocked TaskRunner does the rest.
import { InvalidArn } from '../api/errors';

export interface TestCaseRegistry {
  /** Throws InvalidArn when the mock configuration does not define the case for this state machine. */
  start(executionArn: string, stateMachineName: string, testCase: string): void;
  /** A Distributed Map child runs its parent's states, so it runs the parent's case. */
  inherit(childExecutionArn: string, parentExecutionArn: string): void;
  forget(executionArn: string): void;
}

/** Splits `arn#Case`; '#' never occurs in a state machine ARN, so the first one separates. */
export function splitTestCase(arn: string): { readonly stateMachineArn: string; readonly testCase?: string } {
  const hash = arn.indexOf('#');
  if (hash < 0) return { stateMachineArn: arn };
  const testCase = arn.slice(hash + 1);
  if (testCase.trim() === '') throw new InvalidArn(`Test case name missing after '#' in ${arn}`);
  return { stateMachineArn: arn.slice(0, hash), testCase };
}

export function recordTestCase(registry: TestCaseRegistry | undefined, executionArn: string, stateMachineName: string, testCase?: string): void {
  if (testCase === undefined) return;
  // [UNCONFIRMED] what AWS says to a '#Case' suffix: it has no mocks, so it is an invalid ARN there and here
  // unless a MockConfigFile (SFN_MOCK_CONFIG) is loaded.
  if (!registry) throw new InvalidArn(`Test case '${testCase}' given but no mock configuration file is loaded (set SFN_MOCK_CONFIG)`);
  registry.start(executionArn, stateMachineName, testCase);
}
