export { createDynamoDbService, type DynamoDbService, type DynamoDbServiceOptions } from './dynalite-service';
