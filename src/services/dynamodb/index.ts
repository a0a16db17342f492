export { createDynamoDbService, DEFAULT_DYNAMODB_THREAD, type DynamoDbService, type DynamoDbServiceOptions, type DynamoDbThread } from './dynalite-service';
