// The Step Functions API error catalog (docs/aws-behaviour.md#api-protocol-and-errors). Messages are AWS's recorded texts; where no recording
// exists the text is our choice and marked [UNCONFIRMED]. Operations throw these; the awsJson1_0
// serializer turns them into `{"__type", "message"}` + `x-amzn-ErrorType`.
import { ServiceError } from '../../../server/service-error';

export class InvalidArn extends ServiceError {
  constructor(message: string) {
    super('InvalidArn', `Invalid Arn: '${message}'`);
  }
  static prefix(value: string): InvalidArn {
    return new InvalidArn(`Invalid ARN prefix: ${value}`);
  }
  static resourceType(type: string): InvalidArn {
    return new InvalidArn(`Resource type not valid in this context: ${type}`);
  }
}

export class StateMachineDoesNotExist extends ServiceError {
  constructor(arn: string) {
    super('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  }
}

export class StateMachineAlreadyExists extends ServiceError {
  constructor(arn: string) {
    super('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
  }
}

export class StateMachineDeleting extends ServiceError {
  constructor(arn: string) {
    // [UNCONFIRMED] wording: no recording of this error's message.
    super('StateMachineDeleting', `State Machine Is Being Deleted: '${arn}'`);
  }
}

export class StateMachineTypeNotSupported extends ServiceError {
  constructor() {
    super('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
  }
}

export class ExecutionDoesNotExist extends ServiceError {
  constructor(arn: string) {
    super('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
  }
}

export class ExecutionNotRedrivable extends ServiceError {
  constructor(message: string) {
    // [UNCONFIRMED] wording: the text is DescribeExecution's redriveStatusReason for the same case.
    super('ExecutionNotRedrivable', message);
  }
}

export class ExecutionAlreadyExists extends ServiceError {
  constructor(arn: string) {
    super('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
  }
}

export class InvalidDefinition extends ServiceError {
  constructor(detail: string) {
    super('InvalidDefinition', `Invalid State Machine Definition: '${detail}'`);
  }
}

export class InvalidExecutionInput extends ServiceError {
  constructor(detail: string) {
    super('InvalidExecutionInput', `Invalid State Machine Execution Input: '${detail}'`);
  }
}

export class InvalidName extends ServiceError {
  constructor(name: string) {
    // [UNCONFIRMED] wording (LocalStack's choice; no AWS recording).
    super('InvalidName', `Invalid Name: '${name}'`);
  }
}

export class InvalidLoggingConfiguration extends ServiceError {
  constructor(detail: string) {
    super('InvalidLoggingConfiguration', `Invalid Logging Configuration: ${detail}`);
  }
}

export class InvalidEncryptionConfiguration extends ServiceError {
  constructor(detail: string) {
    super('InvalidEncryptionConfiguration', detail);
  }
}

export class MissingRequiredParameter extends ServiceError {
  constructor(message: string) {
    super('MissingRequiredParameter', message);
  }
}

export class TooManyTags extends ServiceError {
  constructor(resourceName: string, limit = 50) {
    // [UNCONFIRMED] wording; AWS's model only documents the resourceName field.
    super('TooManyTags', `Too many tags: a resource can have at most ${limit} tags`, 400, 'client', { resourceName });
  }
}

export class InvalidToken extends ServiceError {
  constructor() {
    // Recorded for a bad page token and for a bad task token alike: the token itself is not echoed.
    super('InvalidToken', "Invalid Token: 'Invalid token'");
  }
}

export class ResourceNotFound extends ServiceError {
  /** Recorded (TagResource on a version ARN): "Resource not found: '<arn>'". */
  constructor(arn: string, message = `Resource not found: '${arn}'`) {
    super('ResourceNotFound', message, 400, 'client', { resourceName: arn });
  }
  /** Recorded (UpdateStateMachineAlias on a missing alias). */
  static reference(arn: string): ResourceNotFound {
    return new ResourceNotFound(arn, 'Request references a resource that does not exist.');
  }
}

export class ActivityDoesNotExist extends ServiceError {
  constructor(arn: string) {
    super('ActivityDoesNotExist', `Activity Does Not Exist: '${arn}'`);
  }
}

export class ActivityAlreadyExists extends ServiceError {
  constructor(arn: string) {
    // [UNCONFIRMED] wording: CreateActivity with the same name and different tags/encryption.
    super('ActivityAlreadyExists', `Activity Already Exists: '${arn}'`);
  }
}

export class TaskDoesNotExist extends ServiceError {
  constructor() {
    // [UNCONFIRMED] wording: a well-formed token no task of this endpoint ever issued.
    super('TaskDoesNotExist', 'Task Does Not Exist');
  }
}

export class TaskTimedOut extends ServiceError {
  constructor() {
    // [UNCONFIRMED] wording: the token's task has ended (answered, timed out, or its execution stopped).
    super('TaskTimedOut', 'Task Timed Out');
  }
}

export class InvalidOutput extends ServiceError {
  constructor(detail: string) {
    // [UNCONFIRMED] wording, shaped like InvalidExecutionInput's.
    super('InvalidOutput', `Invalid State Machine Execution Output: '${detail}'`);
  }
}

export class ConflictException extends ServiceError {
  constructor(message: string) {
    super('ConflictException', message);
  }
}

export type ValidationReason =
  'API_DOES_NOT_SUPPORT_LABELED_ARNS' | 'MISSING_REQUIRED_PARAMETER' | 'CANNOT_UPDATE_COMPLETED_MAP_RUN' | 'INVALID_ROUTING_CONFIGURATION';

export class ValidationException extends ServiceError {
  constructor(message: string, reason?: ValidationReason) {
    super('ValidationException', message, 400, 'client', reason ? { reason } : {});
  }
}

/** Malformed request bodies: bad JSON or a member of the wrong JSON type (Coral wording). */
export class SerializationException extends ServiceError {
  constructor(message: string) {
    super('SerializationException', message);
  }
}
