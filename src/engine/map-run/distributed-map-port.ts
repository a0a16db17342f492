// The engine's DistributedMapPort implemented by the Map Run runtime: the Map state hands over its parsed
// node and scope, this resolves the fields and runs the Map Run over the service's MapRunHost.
import type { S3Client } from '@aws-sdk/client-s3';
import type { DistributedMapPort, DistributedMapRequest } from '../states/map/distributed-port';
import { DistributedMapRunner } from './distributed-map-runner';
import type { MapRunHost } from './map-run-host';
import { resolveDistributedMap } from './resolve-distributed-map';

export function createDistributedMapPort(deps: { readonly s3: () => S3Client; readonly host: MapRunHost }): DistributedMapPort {
  const runner = new DistributedMapRunner(deps);
  return {
    async run(request: DistributedMapRequest): Promise<unknown> {
      const map = await resolveDistributedMap(request);
      const { events } = request;
      return runner.run({
        map,
        stateName: request.scope.stateName,
        parent: request.execution,
        signal: request.signal,
        events: {
          started: events.started,
          // MapRunRedriven needs the engine's optional event; an engine without it reports MapRunStarted.
          redriven: (mapRunArn, redriveCount) => (events.redriven ? events.redriven(mapRunArn, redriveCount) : events.started(mapRunArn)),
          succeeded: events.succeeded,
          failed: (error) => events.failed(error.error, error.cause),
          aborted: events.aborted,
        },
      });
    },
  };
}
