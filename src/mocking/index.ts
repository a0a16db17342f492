// MockConfigFile support (Step Functions Local / LocalStack format): load and validate the file, select a
// test case with `#Case` on the state machine ARN, and answer mocked Task states instead of their services.
export { loadMockConfig, parseMockConfig, mockConfigFromEnv, findTestCase, MOCK_CONFIG_ENV, type MockConfig, type MockTestCase } from './mock-config';
export { MockConfigError } from './mock-config-error';
export { outcomeFor, parseInvocationRange, type MockedOutcome, type MockedResponse, type MockedStep } from './mocked-response';
export { withMocks, type MockedTaskRunner, type MockSelection, type PickTestCase } from './with-mocks';
export { parseTestCaseArn, type TestCaseArn } from './test-case-arn';
export { MockTestCases } from './mock-test-cases';
export { createMocks, type Mocks } from './create-mocks';
