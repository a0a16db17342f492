// Differential: for every input it writes, sfnJsonBody must give the exact bytes the SDK's own serializer writes
// (the protocol object of a real SFNClient), and it must decline (undefined) whatever it cannot write that way.
// The in-process send's end-to-end comparison is test/integrations/in-process-send.test.ts.
import { SFNClient, StartExecutionCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { SFN_MEMBER_PROBE, sfnJsonBody } from '../../src/integrations/sfn-json-body';
import { sdkSerializer, type CommandClass } from './support/sdk-serializer';

const client = new SFNClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const serializer = sdkSerializer(client);
const sdkBody = (Command: CommandClass, input: object) => serializer.body(Command, input);
const memberOrder = (Command: CommandClass) => serializer.memberOrder(Command, SFN_MEMBER_PROBE);

const ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:child';
const tricky = 'quote " backslash \\ tab \t newline \n nul \u0000 del \u007f é 日本 😀 lone \ud800 end \udc00 slash / <>&\u2028';
const batch = JSON.stringify({ BatchInput: { ddbTable: 'orders' }, Items: [{ pk: { S: tricky }, n: { N: '1.5' } }] });

afterAll(() => client.destroy());

describe('sfnJsonBody', () => {
  it.each([
    ['StartSyncExecution', StartSyncExecutionCommand, { stateMachineArn: ARN, input: batch }],
    [
      'StartSyncExecution, every member, in another order',
      StartSyncExecutionCommand,
      { includedData: 'METADATA_ONLY', traceHeader: 'Root=1-abc', input: tricky, name: 'run-1', stateMachineArn: ARN },
    ],
    ['StartExecution', StartExecutionCommand, { name: tricky, stateMachineArn: ARN, input: '{}' }],
    ['no input at all', StartSyncExecutionCommand, { stateMachineArn: ARN }],
    ['empty strings', StartExecutionCommand, { stateMachineArn: '', input: '' }],
  ])('writes the SDK bytes for %s', async (_, Command, input) => {
    const body = sfnJsonBody(input, await memberOrder(Command));
    expect(body).toBeDefined();
    expect(Buffer.from(body as string, 'utf8').equals(Buffer.from(await sdkBody(Command as CommandClass, input), 'utf8'))).toBe(true);
  });

  it('reads each operation its own members: includedData belongs to StartSyncExecution only', async () => {
    expect(await memberOrder(StartSyncExecutionCommand)).toContain('includedData');
    expect(await memberOrder(StartExecutionCommand)).not.toContain('includedData');
  });

  it.each([
    ['an unknown member', StartSyncExecutionCommand, { stateMachineArn: ARN, surprise: 'x' }],
    ['a member of another operation', StartExecutionCommand, { stateMachineArn: ARN, includedData: 'ALL_DATA' }],
    ['an input that is an object', StartSyncExecutionCommand, { stateMachineArn: ARN, input: { a: 1 } }],
    ['a number', StartSyncExecutionCommand, { stateMachineArn: ARN, name: 7 }],
    ['a null member', StartSyncExecutionCommand, { stateMachineArn: ARN, input: null }],
    ['an undefined member', StartSyncExecutionCommand, { stateMachineArn: ARN, input: undefined }],
    ['PascalCase members', StartSyncExecutionCommand, { StateMachineArn: ARN }],
  ])('declines %s', async (_, Command, input) => {
    expect(sfnJsonBody(input as Record<string, unknown>, await memberOrder(Command))).toBeUndefined();
  });
});
