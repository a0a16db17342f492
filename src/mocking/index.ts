// MockConfigFile support (Step Functions Local / LocalStack format): load and validate the file, select a
// test case with `#Case` on the state machine ARN, and answer mocked Task states instead of their services.
export { loadMockConfig, parseMockConfig, type MockConfig } from './mock-config';
export { MockConfigError } from './mock-config-error';
export { createMocks, type Mocks } from './create-mocks';
