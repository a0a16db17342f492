// How the SDK for Java v1 inside Step Functions names each service's errors (docs/aws-behaviour.md#service-integrations): the
// prefix, the `Service:` of the cause, and the client exception used for codes the model lacks.
import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { SFNServiceException } from '@aws-sdk/client-sfn';
import type { SdkV1Service } from './service-failure';

// Validation errors are not modeled in the v1 client, hence DynamoDB.AmazonDynamoDBException (recorded).
export const DYNAMODB_V1: SdkV1Service = {
  prefix: 'DynamoDB',
  serviceName: 'AmazonDynamoDBv2',
  unmodeledName: 'AmazonDynamoDBException',
  baseException: DynamoDBServiceException,
};

export const SFN_V1: SdkV1Service = {
  prefix: 'StepFunctions',
  serviceName: 'AWSStepFunctions',
  unmodeledName: 'AWSStepFunctionsException',
  baseException: SFNServiceException,
};
