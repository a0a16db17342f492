// Service integrations behind Task states: createTaskRunner() implements the engine's TaskRunner for
// DynamoDB (optimized and aws-sdk), S3 (aws-sdk), Step Functions (startExecution[.sync[:2]]) and Lambda
// (local handler modules).
export { createTaskRunner } from './task-runner';
export type { LambdaHandlerMap } from './lambda-handlers';
