export {
  createDynamoDbService,
  DEFAULT_DYNAMODB_THREAD,
  DYNAMODB_REQUEST_LIMIT_BYTES,
  type DynamoDbService,
  type DynamoDbServiceOptions,
  type DynamoDbThread,
} from './dynalite-service';
