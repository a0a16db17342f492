import { ServiceError } from '../../src/server/service-error';
import { parseTestCaseArn } from '../../src/mocking/test-case-arn';

const SM = 'arn:aws:states:us-east-1:123456789012:stateMachine:LambdaSQSIntegration';

describe('parseTestCaseArn', () => {
  it('splits the test case off the state machine ARN', () => {
    expect(parseTestCaseArn(`${SM}#HappyPath`)).toEqual({ stateMachineArn: SM, testCase: 'HappyPath' });
    expect(parseTestCaseArn(`${SM}:v1#Retry Path`)).toEqual({ stateMachineArn: `${SM}:v1`, testCase: 'Retry Path' });
  });

  it('leaves a plain ARN alone', () => {
    expect(parseTestCaseArn(SM)).toEqual({ stateMachineArn: SM });
  });

  it('rejects an empty test case name as InvalidArn', () => {
    let thrown: unknown;
    try {
      parseTestCaseArn(`${SM}#`);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ServiceError);
    expect(thrown).toMatchObject({ code: 'InvalidArn', statusCode: 400, message: `Invalid Arn: 'Test case name missing after '#' in ${SM}#'` });
  });
});
