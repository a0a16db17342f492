// The one awsJson1_0 error writer, used by the Step Functions service and by the edge.
import { serializeAwsJsonError, UnknownOperationException } from '../../../src/server/protocols/aws-json';
import { ServiceError } from '../../../src/server/service-error';

describe('serializeAwsJsonError', () => {
  it('writes __type and message (modeled members beside them) and the x-amzn-ErrorType header', () => {
    const err = new ServiceError('ValidationException', 'bad routing', 400, 'client', { reason: 'INVALID_ROUTING_CONFIGURATION' });
    expect(serializeAwsJsonError(err, 'req-1')).toEqual({
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': 'req-1', 'x-amzn-ErrorType': 'ValidationException' },
      body: '{"reason":"INVALID_ROUTING_CONFIGURATION","__type":"ValidationException","message":"bad routing"}',
    });
  });

  it('turns anything else thrown into a 500 InternalFailure naming what went wrong', () => {
    expect(serializeAwsJsonError(new TypeError('boom'), 'req-2')).toMatchObject({
      status: 500,
      headers: { 'x-amzn-ErrorType': 'InternalFailure' },
      body: '{"__type":"InternalFailure","message":"Internal error in the sandbox endpoint: boom"}',
    });
  });
});

describe('UnknownOperationException', () => {
  it('names the target and why nobody serves it', () => {
    const err = new UnknownOperationException('AWSStepFunctions.Nope', 'not an operation of stepfunctions');
    expect({ code: err.code, status: err.statusCode, message: err.message }).toEqual({
      code: 'UnknownOperationException',
      status: 400,
      message: "Unknown operation 'AWSStepFunctions.Nope': not an operation of stepfunctions",
    });
  });
});
