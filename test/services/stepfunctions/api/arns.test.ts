import { ArnFactory, isRoleArn, parseStatesArn, stateMachineNameOf } from '../../../../src/services/stepfunctions/api/arns';
import { InvalidArn } from '../../../../src/services/stepfunctions/api/errors';
import { isValidName } from '../../../../src/services/stepfunctions/api/names';

describe('Step Functions ARNs', () => {
  const arns = new ArnFactory('us-east-1', '000000000000');

  it('builds the resource shapes of docs/aws-behaviour.md#distributed-map, #express-and-standard-workflows', () => {
    expect(arns.stateMachine('sm')).toBe('arn:aws:states:us-east-1:000000000000:stateMachine:sm');
    expect(arns.execution('sm', 'e1')).toBe('arn:aws:states:us-east-1:000000000000:execution:sm:e1');
    expect(arns.express('sm', 'e1', 'u')).toBe('arn:aws:states:us-east-1:000000000000:express:sm:e1:u');
    expect(arns.mapRun('sm', 'Label', 'u')).toBe('arn:aws:states:us-east-1:000000000000:mapRun:sm/Label:u');
    expect(new ArnFactory('cn-north-1', '000000000000').stateMachine('sm')).toBe('arn:aws-cn:states:cn-north-1:000000000000:stateMachine:sm');
  });

  it('parses and checks the resource type', () => {
    const parsed = parseStatesArn(arns.express('sm', 'e1', 'u'), ['execution', 'express']);
    expect(parsed).toMatchObject({ resourceType: 'express', resource: 'sm:e1:u', region: 'us-east-1' });
    expect(stateMachineNameOf(parsed)).toBe('sm');
  });

  it('rejects malformed ARNs and wrong resource types with AWS messages', () => {
    expect(() => parseStatesArn('not_a_valid_arn', ['stateMachine'])).toThrow(new InvalidArn('Invalid ARN prefix: not_a_valid_arn'));
    expect(() => parseStatesArn('not_a_valid_arn', ['stateMachine'])).toThrow("Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'");
    expect(() => parseStatesArn(arns.express('sm', 'e', 'u'), ['execution'])).toThrow("Invalid Arn: 'Resource type not valid in this context: express'");
    expect(() => parseStatesArn('arn:aws:lambda:us-east-1:000000000000:function:f', ['stateMachine'])).toThrow('Invalid ARN prefix');
  });

  it('recognizes IAM role ARNs', () => {
    expect(isRoleArn('arn:aws:iam::000000000000:role/sfn')).toBe(true);
    expect(isRoleArn('snf_role_arn')).toBe(false);
    expect(isRoleArn('arn:aws:iam::0:role/x')).toBe(false);
  });
});

describe('resource names', () => {
  it('allows 1–80 characters without whitespace, brackets, wildcards, specials or control characters', () => {
    expect(isValidName('Order-Import_2024.v1')).toBe(true);
    expect(isValidName('ünïcode')).toBe(true);
    for (const bad of [
      '',
      'x'.repeat(81),
      'a b',
      'a\tb',
      'a<b',
      'a{b',
      'a[b',
      'a?b',
      'a*b',
      'a"b',
      'a#b',
      'a%b',
      'a\\b',
      'a^b',
      'a|b',
      'a~b',
      'a`b',
      'a$b',
      'a&b',
      'a,b',
      'a;b',
      'a:b',
      'a/b',
      'a\u0000b',
      'a\u007fb',
      'a\u0085b',
    ]) {
      expect([bad, isValidName(bad)]).toEqual([bad, false]);
    }
  });
});
