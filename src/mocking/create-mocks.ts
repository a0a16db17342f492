// One call for the service layer: the mocked TaskRunner and the test-case registry it reads, sharing one
// `forget` for when an execution ends.
import type { TaskRunner } from '../engine';
import type { MockConfig } from './mock-config';
import { MockTestCases } from './mock-test-cases';
import { withMocks, type MockedTaskRunner } from './with-mocks';

export interface Mocks {
  readonly tasks: MockedTaskRunner;
  readonly testCases: MockTestCases;
  /** Call when an execution reaches a terminal status. */
  forget(executionArn: string): void;
}

export function createMocks(inner: TaskRunner, config: MockConfig): Mocks {
  const testCases = new MockTestCases(config);
  const tasks = withMocks(inner, config, testCases.pick);
  return {
    tasks,
    testCases,
    forget(executionArn) {
      tasks.forget(executionArn);
      testCases.forget(executionArn);
    },
  };
}
