// dynalite reads the table's description from LevelDB before every item request (its getTable), and decodes
// it (docs/performance.md, "Round 5"). The description changes only through CreateTable, UpdateTable,
// DeleteTable and their status timers, all of which write through the same table sub-database, so the last
// text read is kept per table and dropped by every write to it. A read answers with a fresh object parsed
// from that text (UpdateTable and DeleteTable change the object they read before writing it back), a tick
// later, as LevelDB's read would. The same wrapper counts the writes in flight, so that the host can wait for
// a status timer's write (CREATING → ACTIVE) to land before it answers (dynalite-host.ts).
import type dynaliteDb from 'dynalite/db';

type Callback = (err: Error | null | undefined, value?: unknown) => void;

/** The members of dynalite's table sub-database (db/index.js, createPrefixedDbWrapper) that read or write it. */
interface TableDb {
  get(key: string, callback: Callback): void;
  put(key: string, value: unknown, callback: Callback): void;
  del(key: string, callback: Callback): void;
  batch(operations: readonly { readonly key: string }[], callback: Callback): void;
}

export interface TableWrites {
  /** Resolves once no write to the table sub-database is in flight. */
  settled(): Promise<void>;
}

export function cacheTableDescriptions(store: dynaliteDb.Store): TableWrites {
  const tableDb = store.tableDb as unknown as TableDb;
  let inFlight = 0;
  const waiters: (() => void)[] = [];
  const read = tableDb.get.bind(tableDb);
  const texts = new Map<string, string>();
  // Bumped when a write starts and when it ends: a read that overlapped either keeps its answer to itself.
  let generation = 0;
  const forget = (keys: readonly string[]) => {
    generation += 1;
    for (const key of keys) texts.delete(key);
  };
  const writing =
    <A extends unknown[]>(keysOf: (...args: A) => readonly string[], write: (...args: [...A, Callback]) => void) =>
    (...args: [...A, Callback]) => {
      const callback = args.pop() as Callback;
      const keys = keysOf(...(args as unknown as A));
      forget(keys);
      inFlight += 1;
      write(...(args as unknown as A), (err, value) => {
        forget(keys);
        inFlight -= 1;
        if (inFlight === 0) for (const wake of waiters.splice(0)) wake();
        callback(err, value);
      });
    };

  tableDb.put = writing((key: string, _value: unknown) => [key], tableDb.put.bind(tableDb));
  tableDb.del = writing((key: string) => [key], tableDb.del.bind(tableDb));
  tableDb.batch = writing((operations: readonly { readonly key: string }[]) => operations.map((op) => op.key), tableDb.batch.bind(tableDb));
  tableDb.get = (key, callback) => {
    const text = texts.get(key);
    if (text !== undefined && store.lifecycleManager.getState() !== 'closed') {
      process.nextTick(callback, null, JSON.parse(text));
      return;
    }
    const started = generation;
    read(key, (err, value) => {
      if (!err && value !== undefined && generation === started) texts.set(key, JSON.stringify(value));
      callback(err, value);
    });
  };
  return {
    settled: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
