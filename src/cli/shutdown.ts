// Orderly shutdown for the long-running commands (`npm run endpoint`, `npm start`): the first SIGINT/SIGTERM/
// SIGHUP runs `stop` (stop accepting, stop running executions as ABORTED, flush, close the stores in order) and
// exits; a second Ctrl-C exits at once. A process started by an npm script also stops when npm goes away
// (killed, or its terminal closed), so it never lingers holding the port.

export interface ShutdownOptions {
  /** Closes everything; its rejection is reported in one line. */
  readonly stop: (reason: string) => Promise<void>;
  /** Exit code after a clean stop (default 0). */
  readonly exitCode?: () => number;
  /** Where the one-line messages go (default stderr). */
  readonly log?: (line: string) => void;
  /**
   * A second signal sooner than this after the first is the same keypress reaching the process twice (Ctrl-C
   * signals the whole foreground process group, and npm forwards what it receives to its child too), so it is
   * not a request to force. Default 1 s.
   */
  readonly duplicateWindowMs?: number;
  /** Watch the parent process and stop when it is gone (default: when started by an npm script). */
  readonly watchParent?: boolean;
  readonly parentPollMs?: number;
}

export interface Shutdown {
  /** True once a stop has begun: errors of work cut short by it are expected, not failures to report. */
  readonly stopping: boolean;
  /** Starts the shutdown as a signal would (for a caller that decides to stop itself). */
  begin(reason: string): Promise<void>;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The parent as it was when this module loaded, before the command printed anything. A parent killed as soon as
 * the command's first line appears (a script or a supervisor waiting for `Ready.`) can be gone before the watch
 * starts; a watch that only then read the pid would take init (or a subreaper) for the parent and never stop.
 */
const PARENT_AT_LOAD = process.ppid;

export function handleShutdown(options: ShutdownOptions): Shutdown {
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const window = options.duplicateWindowMs ?? 1000;
  let firstAt: number | undefined;
  let stopped: Promise<void> | undefined;
  const begin = (reason: string): Promise<void> => {
    if (stopped) return stopped;
    firstAt = Date.now();
    log(`${reason}: stopping (running executions end ABORTED${reason.startsWith('received') ? '; press Ctrl-C again to exit at once' : ''})`);
    process.on('uncaughtException', ignoreLateError(log));
    process.on('unhandledRejection', ignoreLateError(log));
    stopped = options.stop(reason).then(
      () => {
        log('stopped');
        process.exit(options.exitCode?.() ?? 0);
      },
      (err: unknown) => {
        log(`error while stopping: ${(err as Error)?.message ?? String(err)}`);
        process.exit(1);
      },
    );
    return stopped;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstAt === undefined) return void begin(`received ${signal}`);
    if (Date.now() - firstAt < window) return;
    log(`received ${signal} again: exiting without waiting for the shutdown to finish`);
    process.exit(130);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  if (options.watchParent ?? process.env.npm_lifecycle_event !== undefined) watchParent(begin, options.parentPollMs ?? 1000);
  return {
    get stopping() {
      return stopped !== undefined;
    },
    begin,
  };
}

/** The parent's pid changes when it dies (the process is re-parented to init or a subreaper). */
function watchParent(begin: (reason: string) => Promise<void>, pollMs: number): void {
  const parent = PARENT_AT_LOAD;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    void begin(`the parent process (pid ${parent}) has exited`);
  }, pollMs);
  timer.unref();
}

/** During a shutdown, work cut short may still fail in the background: one line, no stack, and carry on. */
function ignoreLateError(log: (line: string) => void): (err: unknown) => void {
  return (err) => log(`(during shutdown) ${(err as Error)?.message ?? String(err)}`);
}
