// Variable scopes and limits (docs/aws-behaviour.md#variables).
import { checkAssignmentSize, VariableScope } from '../../../src/engine/runtime/variables';
import { runWorkflow } from '../support/run-workflow';

describe('VariableScope', () => {
  it('reads outer values, shadows locally and does not leak to the parent', () => {
    const outer = new VariableScope();
    outer.assign({ a: 1 });
    const inner = outer.child();
    inner.assign({ b: 2 });
    expect([inner.get('a'), inner.get('b'), inner.has('a')]).toEqual([1, 2, true]);
    expect([outer.has('b'), outer.get('b')]).toEqual([false, undefined]);
  });
});

describe('assignment size limits', () => {
  it('refuses a variable over 256 KiB', () => {
    expect(() => checkAssignmentSize({ big: 'x'.repeat(262_144) }, 'S', 2)).toThrow(
      "An error occurred while executing the state 'S' (entered at the event id #2). The variable 'big' exceeds the maximum size of 262144 bytes.",
    );
  });

  it('refuses one Assign over 256 KiB in total', () => {
    expect(() => checkAssignmentSize({ a: 'x'.repeat(140_000), b: 'y'.repeat(140_000) }, 'S', 2)).toThrow(/maximum combined size/);
  });

  it('fails the execution as States.Runtime', async () => {
    const big = "{% $join($map([1..30000], function($v) { 'abcdefghij' })) %}";
    const definition = { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Assign: { big }, End: true } } };
    const { outcome } = await runWorkflow(definition, {});
    expect(outcome.error).toBe('States.Runtime');
  });
});
