// Runs one Distributed Map as a Map Run (docs/aws-behaviour.md#distributed-map): items streamed from the ItemReader (or the state
// input), shaped by ItemSelector, grouped by ItemBatcher, each batch a child execution started through the
// MapRunHost, at most MaxConcurrency at a time, failures checked against the tolerated thresholds as children
// finish, results exported by the ResultWriter. The parent history gets only MapRun* events (docs/aws-behaviour.md#distributed-map).
import type { S3Client } from '@aws-sdk/client-s3';
import { batchItems, FailureThreshold, toStatesError, type DistributedMapPort, type DistributedMapRequest, type IndexedItem } from '../engine';
import { runBounded } from './bounded-pool';
import { countItems, openItemReader } from './item-reader';
import type { ChildRun, MapRunHandle, MapRunHost } from './map-run-host';
import { previousResults, skipSucceeded } from './redrive';
import { compactResults, ResultWriter, type ChildResult } from './result-writer';

/** AWS runs up to 10,000 children at once when MaxConcurrency is 0 or absent (docs/aws-behaviour.md#map-state). */
export const DEFAULT_DISTRIBUTED_CONCURRENCY = 10_000;

interface Unit {
  readonly indices: readonly number[];
  readonly input: unknown;
}

/** The engine's DistributedMapPort: the Map state hands over its evaluated fields, this runs them as a Map Run. */
export class DistributedMapRunner implements DistributedMapPort {
  constructor(private readonly deps: { readonly s3: S3Client; readonly host: MapRunHost }) {}

  async run(map: DistributedMapRequest): Promise<unknown> {
    const { signal, events } = map;
    const mapRun = this.deps.host.createMapRun({
      parent: map.execution,
      stateName: map.stateName,
      keepsOutputs: !map.writer?.s3,
      label: map.label,
      executionType: map.executionType,
      maxConcurrency: map.maxConcurrency,
      tolerance: map.tolerance,
    });
    if (mapRun.redrive) events.redriven(mapRun.mapRunArn, mapRun.redrive.redriveCount);
    else events.started(mapRun.mapRunArn);
    const writer = this.resultWriter(map, mapRun);
    // Items (not children) whose results were collected, by the ResultWriter or into the Map's output:
    // DescribeMapRun itemCounts.resultsWritten, which AWS reports also without a ResultWriter.
    const written = { items: 0 };
    try {
      const output = await this.execute(map, mapRun, writer, signal, written);
      events.succeeded();
      mapRun.finish('SUCCEEDED', written.items);
      return output;
    } catch (thrown) {
      if (signal.aborted) {
        await writer?.discard();
        events.aborted();
        mapRun.finish('ABORTED', 0);
        throw thrown;
      }
      const error = toStatesError(thrown);
      events.failed(error.error, error.cause);
      mapRun.finish('FAILED', written.items);
      throw error;
    }
  }

  private resultWriter(map: DistributedMapRequest, mapRun: MapRunHandle): ResultWriter | undefined {
    if (!map.writer?.s3) return undefined;
    // A redriven Map Run writes into the folder of its earlier attempts and numbers its files after theirs.
    const config = { ...map.writer.s3, ...map.writer, redriven: mapRun.redrive !== undefined };
    const writer = new ResultWriter(this.deps.s3, config, mapRun.mapRunArn);
    mapRun.resultsAt?.(writer.manifest);
    return writer;
  }

  private async execute(
    map: DistributedMapRequest,
    mapRun: MapRunHandle,
    writer: ResultWriter | undefined,
    signal: AbortSignal,
    written: { items: number },
  ): Promise<unknown> {
    const total = map.source.kind === 'array' ? map.source.items.length : await countItems(this.deps.s3, map.source.spec, signal);
    mapRun.setTotalItems(total);
    // A redrive's Map output still holds every item: the earlier successes come from the Map Run's records.
    const kept: ChildResult[] = writer ? [] : previousResults(mapRun.redrive);
    let failedItems = 0;
    const collect = async (child: ChildResult, items: number) => {
      if (writer) await writer.add(child);
      else kept.push(child);
      written.items += items;
    };
    const outcome = await runBounded(skipSucceeded(this.units(map, signal), mapRun.redrive), {
      concurrency: () => mapRun.maxConcurrency() || DEFAULT_DISTRIBUTED_CONCURRENCY,
      signal,
      run: (unit, childSignal) =>
        mapRun.startChild({
          definition: map.childDefinition,
          input: unit.input,
          itemCount: unit.indices.length,
          firstItemIndex: unit.indices[0],
          signal: childSignal,
        }),
      onResult: async (unit, run) => {
        await collect(childResult(unit, run), unit.indices.length);
        if (run.status === 'SUCCEEDED') return 'continue';
        failedItems += unit.indices.length;
        return new FailureThreshold(mapRun.tolerance()).exceeded(failedItems, total) ? 'stop' : 'continue';
      },
      onNotStarted: async (unit) => {
        mapRun.itemsNotStarted(unit.indices.length);
        await collect({ index: unit.indices[0], input: JSON.stringify(unit.input), status: 'PENDING' }, unit.indices.length);
      },
    });
    signal.throwIfAborted();
    if (outcome.stopped) {
      await writer?.finish();
      throw new FailureThreshold(mapRun.tolerance()).error();
    }
    if (writer) return { MapRunArn: mapRun.mapRunArn, ResultWriterDetails: await writer.finish() };
    return compactResults(kept, map.writer?.transformation);
  }

  /** Items in order, selected and batched, read lazily (only as fast as children start). */
  private units(map: DistributedMapRequest, signal: AbortSignal): AsyncIterable<Unit> {
    const selected = this.selectedItems(map, signal);
    if (!map.batcher) return mapAsync(selected, (item) => ({ indices: [item.index], input: item.value }));
    return mapAsync(batchItems(selected, map.batcher), (batch) => ({ indices: batch.indices, input: batch.input }));
  }

  private async *selectedItems(map: DistributedMapRequest, signal: AbortSignal): AsyncGenerator<IndexedItem> {
    const raw = map.source.kind === 'array' ? map.source.items : openItemReader(this.deps.s3, map.source.spec, signal);
    let index = 0;
    for await (const value of raw) {
      yield { index, value: map.selectItem ? await map.selectItem(value, index) : value };
      index++;
    }
  }
}

function childResult(unit: Unit, run: ChildRun): ChildResult {
  return {
    index: unit.indices[0],
    executionArn: run.executionArn,
    name: run.name,
    stateMachineArn: run.stateMachineArn,
    input: JSON.stringify(unit.input),
    output: run.status === 'SUCCEEDED' ? JSON.stringify(run.output ?? null) : undefined,
    error: run.error,
    cause: run.cause,
    status: run.status,
    startDate: run.startDate,
    stopDate: run.stopDate,
  };
}

async function* mapAsync<A, B>(source: AsyncIterable<A> | Iterable<A>, fn: (a: A) => B): AsyncGenerator<B> {
  for await (const a of source) yield fn(a);
}
