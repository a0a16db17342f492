// The awsJson1_0 wire form, byte for byte: targets, error shape and headers, body limits, timestamps.
import { realEngine } from '../../src/services/stepfunctions/runs/real-engine';
import { passDefinition, ROLE_ARN, startHarness, type Harness } from './support/harness';

describe('awsJson1_0 protocol', () => {
  let h: Harness<never>;
  beforeEach(async () => (h = await startHarness()));
  afterEach(() => h.close());

  const post = (target: string | undefined, body: string | Buffer, url = h.url) =>
    fetch(`${url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', ...(target ? { 'x-amz-target': target } : {}) },
      body,
    });

  async function expectError(response: Response, status: number, code: string, message?: string): Promise<void> {
    expect(response.status).toBe(status);
    expect(response.headers.get('x-amzn-errortype')).toBe(code);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.__type).toBe(code);
    if (message !== undefined) expect(body.message).toBe(message);
  }

  it('answers with epoch-second timestamps, the JSON 1.0 content type and a request id', async () => {
    const response = await post('AWSStepFunctions.CreateStateMachine', JSON.stringify({ name: 'wire', definition: passDefinition(), roleArn: ROLE_ARN }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(typeof body.creationDate).toBe('number');
    expect(Math.abs((body.creationDate as number) - Date.now() / 1000)).toBeLessThan(60);
  });

  // Raw wire bodies: the SDK would turn timestamps into Dates and hide their form.
  const call = async (target: string, input: unknown): Promise<any> => (await post(`AWSStepFunctions.${target}`, JSON.stringify(input))).json();

  it('sends history and describe timestamps as epoch seconds (fractional) and every input/output as JSON text', async () => {
    const created = await call('CreateStateMachine', { name: 'hist', definition: passDefinition(), roleArn: ROLE_ARN });
    const started = await call('StartExecution', { stateMachineArn: created.stateMachineArn, input: '{"a":1}' });
    await h.runs.done(started.executionArn);
    const described = await call('DescribeExecution', { executionArn: started.executionArn });
    expect(typeof started.startDate).toBe('number');
    expect(described).toMatchObject({ input: '{"a":1}', output: '{"Arg1":"argument1"}', startDate: started.startDate, stopDate: expect.any(Number) });
    const { events } = await call('GetExecutionHistory', { executionArn: started.executionArn });
    for (const event of events) expect(typeof event.timestamp).toBe('number');
    // Millisecond precision, as AWS sends it: a float in seconds, never an ISO string or integer milliseconds.
    expect(events.every((e: { timestamp: number }) => Math.round(e.timestamp * 1000) / 1000 === e.timestamp && e.timestamp < 1e11)).toBe(true);
    expect(events[0].executionStartedEventDetails.input).toBe('{"a":1}');
    expect(events.at(-1).executionSucceededEventDetails.output).toBe('{"Arg1":"argument1"}');
  });

  it('rejects unknown operations and missing targets', async () => {
    await expectError(await post('AWSStepFunctions.DescribeNothing', '{}'), 400, 'UnknownOperationException');
    await expectError(await post('AWSStepFunctions.toString', '{}'), 400, 'UnknownOperationException');
    await expectError(await post(undefined, '{}'), 400, 'UnknownOperationException');
  });

  // One UnknownOperationException and one internal-failure wording for the service and the edge.
  it('names the unknown target in the same words as the edge', async () => {
    await expectError(
      await post('AWSStepFunctions.DescribeNothing', '{}'),
      400,
      'UnknownOperationException',
      "Unknown operation 'AWSStepFunctions.DescribeNothing': not an operation of stepfunctions",
    );
  });

  it('answers an operation that throws something other than an API error with a 500 InternalFailure', async () => {
    const parse = () => {
      throw new TypeError('parser bug');
    };
    const broken = await startHarness({ engine: { ...realEngine(), parse } });
    try {
      const body = JSON.stringify({ name: 'bug', definition: passDefinition(), roleArn: ROLE_ARN });
      await expectError(
        await post('AWSStepFunctions.CreateStateMachine', body, broken.url),
        500,
        'InternalFailure',
        'Internal error in the sandbox endpoint: parser bug',
      );
    } finally {
      await broken.close();
    }
  });

  it('rejects malformed bodies and wrongly typed members as SerializationException', async () => {
    await expectError(
      await post('AWSStepFunctions.ListStateMachines', '{"maxResults": '),
      400,
      'SerializationException',
      'Unexpected end-of-input within/between OBJECT entries',
    );
    await expectError(await post('AWSStepFunctions.ListStateMachines', '[]'), 400, 'SerializationException');
    await expectError(
      await post('AWSStepFunctions.ListStateMachines', '{"maxResults": "ten"}'),
      400,
      'SerializationException',
      'STRING_VALUE cannot be converted to Integer',
    );
  });

  it('treats an empty body as an empty input', async () => {
    const response = await post('AWSStepFunctions.ListStateMachines', '');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ stateMachines: [] });
  });

  it('refuses bodies over the 1 MiB request quota and keeps serving', async () => {
    const big = JSON.stringify({ name: 'big', definition: 'x'.repeat(1024 * 1024), roleArn: ROLE_ARN });
    const response = await post('AWSStepFunctions.CreateStateMachine', big);
    expect(response.status).toBe(413);
    expect(response.headers.get('x-amzn-errortype')).toBe('RequestEntityTooLarge');
    expect((await post('AWSStepFunctions.ListStateMachines', '{}')).status).toBe(200);
  });

  it('checks ValidateStateMachineDefinition maxResults against its own 0–100 range', async () => {
    const response = await post('AWSStepFunctions.ValidateStateMachineDefinition', JSON.stringify({ definition: 'x'.repeat(10), maxResults: 101 }));
    await expectError(
      response,
      400,
      'ValidationException',
      "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
  });
});
