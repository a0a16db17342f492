// TestState through SDK v3 for each state type, both query languages, without mocks. Expected shapes follow
// AWS's recorded TestState responses (the recording's case names are given in the test titles).
import type { SFNClient } from '@aws-sdk/client-sfn';
import { useEmbeddedSandbox } from '../support/embedded-sandbox';
import { sfnClientFor, testState } from './support';

const target = useEmbeddedSandbox();
let client: SFNClient;
beforeAll(() => {
  client = sfnClientFor(target);
});
afterAll(() => client.destroy());

const IO_INPUT = { initialData: { fieldFromInput: 'value from input', otherField: 'other' }, unrelatedData: { someOtherField: 1234 } };

describe('TestState: Pass, Choice, Wait, Succeed, Fail', () => {
  it('Pass (JSONPath) at DEBUG reports every data-flow stage (recorded IO_PASS_STATE)', async () => {
    const definition = {
      Type: 'Pass',
      InputPath: '$.initialData',
      Parameters: { staticValue: 'some value', 'inputValue.$': '$.fieldFromInput' },
      ResultPath: '$.modifiedData',
      End: true,
    };
    const response = await testState(client, { definition, input: IO_INPUT, inspectionLevel: 'DEBUG' });
    const modified = { staticValue: 'some value', inputValue: 'value from input' };
    expect(response).toEqual({
      status: 'SUCCEEDED',
      output: { ...IO_INPUT, modifiedData: modified },
      inspectionData: {
        input: IO_INPUT,
        afterInputPath: IO_INPUT.initialData,
        afterParameters: modified,
        afterResultSelector: modified,
        afterResultPath: { ...IO_INPUT, modifiedData: modified },
      },
    });
  });

  it('Pass with Result reports the result and no afterParameters; INFO has no inspectionData', async () => {
    const definition = { Type: 'Pass', Result: { resultKey: 'result value' }, End: true };
    const debug = await testState(client, { definition, input: { Value: 'HelloWorld' }, inspectionLevel: 'DEBUG' });
    expect(debug.inspectionData).toEqual({
      input: { Value: 'HelloWorld' },
      afterInputPath: { Value: 'HelloWorld' },
      result: { resultKey: 'result value' },
      afterResultSelector: { resultKey: 'result value' },
      afterResultPath: { resultKey: 'result value' },
    });
    const info = await testState(client, { definition, input: { Value: 'HelloWorld' } });
    expect(info).toEqual({ status: 'SUCCEEDED', output: { resultKey: 'result value' } });
  });

  it('Pass (JSONata) sees the given variables, assigns more, and reports them after the state', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      Type: 'Pass',
      Assign: { total: '{% $sum($states.input.values) + $offset %}' },
      Output: { seen: '{% $offset %}', name: '{% $states.context.State.Name %}' },
      Next: 'After',
    };
    const response = await testState(client, { definition, input: { values: [1, 2, 3] }, variables: { offset: 10 }, inspectionLevel: 'TRACE' });
    expect(response).toEqual({
      status: 'SUCCEEDED',
      output: { seen: 10, name: 'StateName' },
      nextState: 'After',
      inspectionData: { input: { values: [1, 2, 3] }, variables: { offset: 10, total: 16 } },
    });
  });

  it("Choice reports the matched rule's Next (recorded BASE_CHOICE_STATE)", async () => {
    const definition = {
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$.value', NumericGreaterThanEquals: 20 },
            { Variable: '$.value', NumericLessThan: 30 },
          ],
          Next: 'ValueInTwenties',
        },
      ],
      Default: 'DefaultState',
    };
    const response = await testState(client, { definition, input: { type: 'Private', value: 22 }, inspectionLevel: 'DEBUG' });
    expect(response).toEqual({
      status: 'SUCCEEDED',
      nextState: 'ValueInTwenties',
      output: { type: 'Private', value: 22 },
      inspectionData: { input: { type: 'Private', value: 22 }, afterInputPath: { type: 'Private', value: 22 } },
    });
    const jsonata = await testState(client, {
      definition: { QueryLanguage: 'JSONata', Type: 'Choice', Choices: [{ Condition: '{% $states.input.value > 100 %}', Next: 'Big' }], Default: 'Small' },
      input: { value: 5 },
    });
    expect(jsonata).toEqual({ status: 'SUCCEEDED', nextState: 'Small', output: { value: 5 } });
  });

  it('Choice without a match and Default fails with States.NoChoiceMatched', async () => {
    const response = await testState(client, {
      definition: { Type: 'Choice', Choices: [{ Variable: '$.v', NumericEquals: 1, Next: 'One' }] },
      input: { v: 2 },
    });
    expect(response).toMatchObject({ status: 'FAILED', error: 'States.NoChoiceMatched' });
  });

  it('Wait reports its output and Next without waiting out the delay', async () => {
    const started = Date.now();
    const response = await testState(client, { definition: { Type: 'Wait', Seconds: 3600, Next: 'Later' }, input: { a: 1 } });
    expect(response).toEqual({ status: 'SUCCEEDED', output: { a: 1 }, nextState: 'Later' });
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('Succeed and Fail (recorded BASE_SUCCEED_STATE, BASE_FAIL_STATE)', async () => {
    const input = { Value: 'HelloWorld' };
    const succeed = await testState(client, { definition: { Type: 'Succeed' }, input, inspectionLevel: 'DEBUG' });
    expect(succeed).toEqual({ status: 'SUCCEEDED', output: input, inspectionData: { input, afterInputPath: input } });
    const fail = await testState(client, {
      definition: { Type: 'Fail', Error: 'SomeFailure', Cause: "This state machines raises a 'SomeFailure' failure." },
      input,
      inspectionLevel: 'DEBUG',
    });
    expect(fail).toEqual({
      status: 'FAILED',
      error: 'SomeFailure',
      cause: "This state machines raises a 'SomeFailure' failure.",
      inspectionData: { input, afterInputPath: input },
    });
  });

  it('a JSONata evaluation error fails the state with States.QueryEvaluationError', async () => {
    const response = await testState(client, {
      definition: { QueryLanguage: 'JSONata', Type: 'Pass', Output: '{% $undefinedFn() %}', End: true },
      input: {},
    });
    expect(response).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
  });
});

describe('TestState: one state of a whole definition (stateName)', () => {
  const machine = {
    StartAt: 'State0',
    States: {
      State0: { Type: 'Pass', Next: 'State1' },
      State1: { Type: 'Fail', Error: 'SomeFailure', Cause: 'boom' },
    },
  };

  it('runs the named state only and reports its Next (recorded test_base_state_name_multi_state)', async () => {
    const first = await testState(client, { definition: machine, stateName: 'State0', input: { Value: 'HelloWorld' } });
    expect(first).toEqual({ status: 'SUCCEEDED', nextState: 'State1', output: { Value: 'HelloWorld' } });
    const second = await testState(client, { definition: machine, stateName: 'State1', input: {} });
    expect(second).toEqual({ status: 'FAILED', error: 'SomeFailure', cause: 'boom' });
  });

  it('the context object names the state and the given role; State.RetryCount only for states that retry', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Inspect',
      States: { Inspect: { Type: 'Pass', Output: '{% $states.context %}', End: true } },
    };
    const { output } = await testState(client, { definition, stateName: 'Inspect', input: { x: 1 }, roleArn: 'arn:aws:iam::000000000000:role/r' });
    const context = output as { Execution: Record<string, unknown>; State: Record<string, unknown>; StateMachine: Record<string, unknown> };
    expect(context.State).toEqual({ Name: 'Inspect', EnteredTime: expect.any(String) });
    expect(context.Execution).toEqual({
      Id: expect.stringMatching(/^arn:aws:states:[^:]+:\d{12}:express:[^:]+:[^:]+$/),
      Input: { x: 1 },
      Name: expect.any(String),
      RoleArn: 'arn:aws:iam::000000000000:role/r',
      StartTime: expect.any(String),
    });
    expect(context.StateMachine.Id).toMatch(/:stateMachine:/);
    const withoutRole = await testState(client, { definition, stateName: 'Inspect', input: {} });
    expect((withoutRole.output as { Execution: { RoleArn: unknown } }).Execution.RoleArn).toBeNull();
  });

  it('a given context object replaces the one the sandbox builds (recorded test_state_context_object EMPTY)', async () => {
    const definition = { Type: 'Pass', Parameters: { 'ctx.$': '$$' }, End: true };
    const empty = await testState(client, { definition, input: {}, context: '{}' });
    expect(empty.output).toEqual({ ctx: {} });
    const given = { Execution: { Id: 'arn:aws:states:us-east-1:000000000000:execution:M:e1', Input: { a: 1 } }, State: { Name: 'Prod' } };
    const full = await testState(client, { definition, input: {}, context: JSON.stringify(given) });
    expect(full.output).toEqual({ ctx: given });
  });
});
