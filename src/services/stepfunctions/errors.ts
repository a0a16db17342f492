// The Step Functions API error catalog (docs/aws-behaviour.md#api-protocol-and-errors). Messages are AWS's recorded texts; where no recording
// exists the text is our choice and marked [UNCONFIRMED]. Operations throw these; the awsJson1_0
// serializer turns them into `{"__type", "message"}` + `x-amzn-ErrorType`.
import { ServiceError } from '../../server/service-error';

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
  constructor(resourceName: string, limit: number) {
    // [UNCONFIRMED] wording; AWS's model only documents the resourceName field.
    super('TooManyTags', `Too many tags: a resource can have at most ${limit} tags`, 400, 'client', { resourceName });
  }
}

export class InvalidToken extends ServiceError {
  constructor(token: string) {
    // [UNCONFIRMED] wording.
    super('InvalidToken', `Invalid Token: '${token}'`);
  }
}

export class ResourceNotFound extends ServiceError {
  constructor(arn: string) {
    // [UNCONFIRMED] wording.
    super('ResourceNotFound', `Resource Not Found: '${arn}'`, 400, 'client', { resourceName: arn });
  }
}

export type ValidationReason = 'API_DOES_NOT_SUPPORT_LABELED_ARNS' | 'MISSING_REQUIRED_PARAMETER' | 'CANNOT_UPDATE_COMPLETED_MAP_RUN' | 'INVALID_ROUTING_CONFIGURATION';

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

export class UnknownOperationException extends ServiceError {
  constructor(target: string) {
    super('UnknownOperationException', `Unknown operation '${target}' for service stepfunctions`);
  }
}
