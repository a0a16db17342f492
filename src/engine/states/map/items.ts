// Where a Map's items come from and what each iteration receives (docs/aws-behaviour.md#items-and-itemselector, #jsonata-evaluation-errors, #jsonpath-runtime-errors):
// JSONPath ItemsPath over the effective input (default `$`), JSONata Items (default: the state input), then
// ItemSelector per item with `Map.Item.Index/Value/Source` in the context object.
import type { MapState } from '../../definition/types';
import { QueryEvaluationFailure, StatesError, StatesErrorName, stateErrorPrefix, toStatesError } from '../../errors/states-error';
import { evaluateTyped } from '../../query/jsonata';
import { STATE_DATA } from '../../runtime/context-object';
import { evaluatePayload, resolveDynamic } from '../../runtime/payload';
import type { StateRun } from '../../runtime/state-run';
import { maxConcurrencyFromPath } from './path-values';

/**
 * Recorded for JSONata as a States.QueryEvaluationError with an EvaluationFailed event that has no
 * `location`; the JSONPath wording (States.Runtime, no EvaluationFailed) is assumed the same [UNCONFIRMED].
 */
function notAnArray(run: StateRun, value: unknown, jsonata: boolean): StatesError {
  const cause = `${stateErrorPrefix(run.stateName, run.enteredEventId)}Map state input must be an array but was: ${JSON.stringify(value) ?? 'null'}`;
  return jsonata ? new QueryEvaluationFailure(cause) : new StatesError(StatesErrorName.Runtime, cause);
}

export async function mapItems(node: MapState, run: StateRun): Promise<unknown[]> {
  if (node.io.QueryLanguage === 'JSONata') {
    if (node.Items) return evaluateTyped(node.Items, run.evalScope(), 'Items', 'array');
    if (!Array.isArray(run.input)) throw notAnArray(run, run.input, true);
    return run.input as unknown[];
  }
  const items = node.ItemsPath ? node.ItemsPath.select(run.effective, run.evalScope()) : run.effective;
  if (!Array.isArray(items)) throw notAnArray(run, items, false);
  return items as unknown[];
}

/** The input of each iteration: the item itself, or the ItemSelector evaluated for it. */
export async function iterationInputs(node: MapState, run: StateRun, items: readonly unknown[]): Promise<unknown[]> {
  if (!node.ItemSelector) return [...items];
  const inputs: unknown[] = [];
  for (let index = 0; index < items.length; index++) {
    const scope = run.evalScope({}, { Index: index, Value: items[index], Source: STATE_DATA });
    inputs.push(await evaluatePayload(node.ItemSelector, run.effective, scope));
  }
  return inputs;
}

/**
 * MaxConcurrency (0 = unlimited). Recorded path error, raised before MapStateStarted:
 * `The MaxConcurrencyPath field refers to value "NoNumber" which is not a valid integer: $.MaxConcurrencyValue`.
 */
export async function maxConcurrency(node: MapState, run: StateRun): Promise<number> {
  if (!node.MaxConcurrency) return 0;
  const { value, path } = await resolveDynamic(node.MaxConcurrency, run.effective, run.evalScope(), 'integer');
  if (path === undefined) return value as number;
  try {
    return maxConcurrencyFromPath(value, path);
  } catch (thrown) {
    const error = toStatesError(thrown);
    throw new StatesError(error.error, `${stateErrorPrefix(run.stateName, run.enteredEventId)}${error.cause}`);
  }
}
