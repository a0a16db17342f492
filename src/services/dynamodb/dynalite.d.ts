// dynalite 4 ships no TypeScript declarations: only what this project uses is declared here.
declare module 'dynalite' {
  import type { Server } from 'node:http';

  namespace dynalite {
    interface Options {
      /** LevelDB directory; in memory when omitted. */
      path?: string;
      createTableMs?: number;
      deleteTableMs?: number;
      updateTableMs?: number;
      maxItemSizeKb?: number;
    }
  }

  /** Returns an http.Server that is not listening yet; its 'request' listener is the whole API. */
  function dynalite(options?: dynalite.Options): Server;
  export = dynalite;
}

declare module 'dynalite/db' {
  namespace dynaliteDb {
    /** The store one dynalite() call creates: its LevelDB plus helpers. */
    interface Store {
      readonly db: { open(): Promise<void> };
      /** awsRegion/awsAccountId go into every TableArn; dynalite reads them from the environment once. */
      readonly tableDb: { awsRegion: string; awsAccountId: string };
      readonly lifecycleManager: { gracefulClose(callback: (err?: Error | null) => void): void; getState(): string };
    }
  }

  const dynaliteDb: { create: (options: object) => dynaliteDb.Store };
  export = dynaliteDb;
}

declare module 'dynalite/validations' {
  /** dynalite's request checks (validations/index.js); both throw an error carrying statusCode and body. */
  const dynaliteValidations: {
    /** Drops unknown members and checks the JSON types of the rest; returns the checked request. */
    checkTypes(data: object, types: object): object;
    /** The operation's constraints (lengths, patterns, required members) and its custom check. */
    checkValidations(data: object, types: object, custom: unknown, store: object): void;
  };
  export = dynaliteValidations;
}
