// EvaluationFailed details for the two JSONata input checks AWS reports that way: a Map whose input is not an
// array (no `location` recorded) and a Wait whose Timestamp is not a timestamp (`location: "Timestamp"`).
import { runWorkflow } from '../support/run-workflow';

const PREFIX = (state: string) => `An error occurred while executing the state '${state}' (entered at the event id #2). `;

describe('EvaluationFailed for JSONata input checks', () => {
  it('a Map without Items over a non-array input records error, cause and state, and no location', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'M',
      States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
    };
    const { events } = await runWorkflow(definition, 'text');
    const failed = events.find((e) => e.type === 'EvaluationFailed');
    expect(failed?.evaluationFailedEventDetails).toEqual({
      error: 'States.QueryEvaluationError',
      cause: `${PREFIX('M')}Map state input must be an array but was: "text"`,
      state: 'M',
    });
  });

  it('a JSONata Wait with a timestamp lacking its offset records location "Timestamp"', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'W',
      States: { W: { Type: 'Wait', Timestamp: '{% $states.input.at %}', End: true } },
    };
    const { events } = await runWorkflow(definition, { at: '2016-12-05T21:29:29' });
    expect(events.map((e) => e.type)).toEqual(['ExecutionStarted', 'WaitStateEntered', 'EvaluationFailed', 'ExecutionFailed']);
    expect(events[2].evaluationFailedEventDetails).toEqual({
      error: 'States.QueryEvaluationError',
      cause: `${PREFIX('W')}The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05T21:29:29`,
      location: 'Timestamp',
      state: 'W',
    });
  });

  it('a JSONPath Map over a non-array input fails with States.Runtime and no EvaluationFailed', async () => {
    const definition = {
      StartAt: 'M',
      States: { M: { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
    };
    const { outcome, events } = await runWorkflow(definition, { a: 1 });
    expect(outcome).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(events.some((e) => e.type === 'EvaluationFailed')).toBe(false);
  });
});
