// Choice (docs/aws-behaviour.md#choice-state): the first matching rule decides; its Assign/Output replace the state's own. With no
// match the Default is taken with the state-level Assign/Output, else States.NoChoiceMatched.
import type { ChoiceRule } from '../definition/types';
import { StatesError, StatesErrorName, stateErrorPrefix } from '../errors/states-error';
import { evaluateTyped } from '../query/jsonata';
import type { StateRun } from '../runtime/state-run';
import type { StateHandler } from './types';

async function matches(rule: ChoiceRule, run: StateRun): Promise<boolean> {
  const { condition } = rule;
  if (condition.QueryLanguage === 'JSONPath') return condition.predicate.test(run.effective, run.evalScope());
  return evaluateTyped(condition.Condition, run.evalScope(), 'Condition', 'boolean');
}

export const choiceHandler: StateHandler<'Choice'> = {
  async execute(node, run) {
    for (const rule of node.Choices) {
      if (await matches(rule, run)) {
        return { hasResult: false, next: rule.Next, overrides: { Assign: rule.Assign, Output: rule.Output } };
      }
    }
    if (node.Default !== undefined) return { hasResult: false, next: node.Default };
    // The cause text is not recorded [UNCONFIRMED].
    throw new StatesError(
      StatesErrorName.NoChoiceMatched,
      `${stateErrorPrefix(run.stateName, run.enteredEventId)}No Choice Rule matched and the Choice state has no Default.`,
    );
  },
};
