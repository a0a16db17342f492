export { createDynamoDbService, DYNAMODB_REQUEST_LIMIT_BYTES, type DynamoDbService, type DynamoDbServiceOptions } from './dynalite-service';
