// Pass (docs/aws-behaviour.md#pass-state): the result is `Result` when given, else the Parameters output (JSONPath) — the input
// when neither. JSONata Pass states produce no result: their output defaults to the input.
import type { StateHandler } from './types';

export const passHandler: StateHandler<'Pass'> = {
  async execute(node, run) {
    if (node.io.QueryLanguage === 'JSONata') return { hasResult: false };
    return { hasResult: true, result: node.Result ? structuredClone(node.Result.value) : run.args };
  },
};
