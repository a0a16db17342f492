// A DISTRIBUTED Map delegates to the injected port (docs/aws-behaviour.md#distributed-map). MapStateStarted reports length 0 when an
// ItemReader supplies the items (recorded). MapStateSucceeded is recorded aside and
// MapStateExited points at MapRunStarted (or MapRunRedriven), as AWS's newest recordings show (docs/aws-behaviour.md#previouseventid).
import type { MapState } from '../../definition/types';
import { StatesError, StatesErrorName } from '../../errors/states-error';
import { errorFields } from '../../history/event-details';
import type { StateRun } from '../../runtime/state-run';
import { resolveDistributedFields } from './distributed-fields';
import type { DistributedMapRequest, MapRunEvents } from './distributed-port';
import { mapItems } from './items';

/** The Map Run events, remembering the id of the one that opened the run (started or redriven). */
function mapRunEvents(run: StateRun, opened: { id: number }): MapRunEvents {
  const { chain } = run.scope;
  return {
    started: (mapRunArn) => {
      opened.id = chain.emit('MapRunStarted', { mapRunStartedEventDetails: { mapRunArn } });
    },
    redriven: (mapRunArn, redriveCount) => {
      opened.id = chain.emit('MapRunRedriven', { mapRunRedrivenEventDetails: { mapRunArn, redriveCount } });
    },
    succeeded: () => chain.emit('MapRunSucceeded'),
    failed: (error, cause) => chain.emit('MapRunFailed', { mapRunFailedEventDetails: errorFields(error, cause) }),
    aborted: () => chain.emit('MapRunAborted'),
  };
}

/**
 * The plain-data request a DISTRIBUTED Map hands across the port: every field evaluated here (TestState inspects
 * the same fields through resolveDistributedFields). `items` come from ItemsPath / Items when there is no ItemReader.
 */
export async function distributedMapRequest(
  node: MapState,
  run: StateRun,
  items: readonly unknown[] | undefined,
  events: MapRunEvents,
): Promise<DistributedMapRequest> {
  return {
    ...(await resolveDistributedFields(node, run, items)),
    stateName: run.stateName,
    execution: run.scope.exec.identity,
    childDefinition: node.childDefinition!,
    signal: run.signal,
    events,
  };
}

export async function runDistributedMap(node: MapState, run: StateRun): Promise<unknown> {
  const port = run.deps.distributedMap;
  if (!port || !node.childDefinition) {
    throw new StatesError(StatesErrorName.Runtime, 'Distributed Map is not configured in this engine');
  }
  const items = node.ItemReader ? undefined : await mapItems(node, run);
  const { chain } = run.scope;
  const opened = { id: chain.emit('MapStateStarted', { mapStateStartedEventDetails: { length: items?.length ?? 0 } }) };
  const request = await distributedMapRequest(node, run, items, mapRunEvents(run, opened));
  const result = await port.run(request);
  chain.emitAside('MapStateSucceeded');
  chain.last = opened.id;
  return result;
}
