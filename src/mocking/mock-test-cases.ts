// Which test case each running execution uses. The service layer records it when StartExecution /
// StartSyncExecution receives `…:stateMachine:Name#Case` and passes it on to child executions, since mocks
// apply inside Distributed Map children and started child workflows too.
import type { TaskInvocation } from '../engine';
import { InvalidArn } from '../services/stepfunctions/api/errors';
import { findTestCase, type MockConfig } from './mock-config';
import type { MockSelection } from './with-mocks';

export class MockTestCases {
  private readonly selections = new Map<string, MockSelection>();

  constructor(private readonly config: MockConfig) {}

  /** Records the test case of a new execution; an undefined case in the file is the caller's bad ARN. */
  start(executionArn: string, stateMachineName: string, testCase: string): void {
    if (!findTestCase(this.config, stateMachineName, testCase)) {
      // [UNCONFIRMED] how SFL rejects an unknown test case; InvalidArn since the ARN suffix is what is wrong.
      throw new InvalidArn(
        `Test case '${testCase}' is not defined for state machine '${stateMachineName}' in the mock configuration file ${this.config.source}`,
      );
    }
    this.selections.set(executionArn, { stateMachineName, testCase });
  }

  /**
   * Passes the parent's test case to a child execution. Distributed Map children run the parent's own
   * states: omit `childStateMachineName`. A child started by states:startExecution runs another state
   * machine: pass its name; the child is mocked only when that machine defines a test case of the same name.
   */
  inherit(childExecutionArn: string, parentExecutionArn: string, childStateMachineName?: string): void {
    const parent = this.selections.get(parentExecutionArn);
    if (!parent) return;
    const selection = childStateMachineName === undefined ? parent : { stateMachineName: childStateMachineName, testCase: parent.testCase };
    if (findTestCase(this.config, selection.stateMachineName, selection.testCase)) this.selections.set(childExecutionArn, selection);
  }

  selectionOf(executionArn: string): MockSelection | undefined {
    return this.selections.get(executionArn);
  }

  /** The `pick` argument of withMocks(). */
  readonly pick = (invocation: TaskInvocation): MockSelection | undefined => this.selections.get(invocation.execution.executionArn);

  forget(executionArn: string): void {
    this.selections.delete(executionArn);
  }

  /** Executions currently tracked (for tests and leak checks). */
  get size(): number {
    return this.selections.size;
  }
}
