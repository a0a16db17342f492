// Seeded fault injection for the embedded endpoint's DynamoDB (format: ./README.md).
export { parseFaultPlan, loadFaultPlan, faultPlanFromEnv, FaultPlanError, FAULTS_ENV, type FaultPlan, type FaultRule } from './fault-plan';
export { withFaults, type FaultInjectingHandler } from './with-faults';
export { FaultSchedule, type FaultReport, type ScheduledFault } from './fault-schedule';
export { dynamoDbErrorResponse, DYNAMODB_FAULT_ERRORS, DYNAMODB_FAULT_ERROR_NAMES, type DynamoDbFaultError } from './dynamodb-errors';
export { DYNAMODB_OPERATIONS, dynamoDbOperationOf } from './dynamodb-operations';
export { seededFraction } from './seeded-fraction';
export { faultReportLines } from './fault-report-lines';
