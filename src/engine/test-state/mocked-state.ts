// A state's own work replaced by the request's `mock` (https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html):
// a Task returns the mocked result or raises the mocked error instead of calling its integration; a Map or
// Parallel returns the mocked result array instead of running its iterations / branches. Shape checks carry
// AWS's recorded texts.
import { StatesError } from '../errors/states-error';
import type { StateNode } from '../definition/types';
import type { StateOutcome } from '../states/types';
import type { MapPreparation } from './map-inspection';
import { TestStateRequestError, type TestMock, type TestStateConfiguration } from './types';

const invalid = (message: string) => new TestStateRequestError('ValidationException', message);

/** Checks the mocked result's shape against the state before anything runs. */
export function checkMockShape(node: StateNode, mock: TestMock): void {
  if (mock.kind !== 'result') return;
  const { result } = mock;
  if (node.Type === 'Map') {
    if (node.ResultWriter) {
      if (result === null || typeof result !== 'object' || Array.isArray(result)) throw invalid('Mocked result must be a JSON object.');
    } else if (!Array.isArray(result)) {
      throw invalid('Mocked result must be an array.');
    }
  }
  if (node.Type === 'Parallel') {
    if (!Array.isArray(result)) throw invalid('Mocked result must be an array.');
    if (result.length !== node.Branches.length) throw invalid('Mocked result must contain the same number of items as number of Parallel branches.');
  }
}

/** The mocked outcome; a Map's failure count is checked against its tolerated failure threshold. */
export function mockedOutcome(node: StateNode, mock: TestMock, configuration: TestStateConfiguration, map?: MapPreparation): StateOutcome {
  if (mock.kind === 'error') throw new StatesError(mock.error ?? '', mock.cause);
  const failed = configuration.mapIterationFailureCount;
  if (node.Type === 'Map' && failed !== undefined) {
    const iterations = Array.isArray(mock.result) ? mock.result.length : (map?.items.length ?? 0);
    if (failed > iterations) throw invalid('Map iteration failure count must be less than or equal to the number of Map iterations');
    if (map?.threshold?.exceeded(failed, iterations)) throw map.threshold.error();
  }
  return { hasResult: true, result: structuredClone(mock.result) };
}
