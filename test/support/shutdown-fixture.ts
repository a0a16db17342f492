// A process whose shutdown never finishes on its own, to test what a second signal and a lost parent do.
// argv: <duplicateWindowMs> <watchParent: yes|no> [late]. Prints `Ready.` once its handlers are installed.
// With `late` it first prints `Loaded.` and installs them only once its parent has gone: the parent killed between
// the command starting and its watch starting (what a loaded machine made happen to `npm run endpoint`).
import { handleShutdown } from '../../src/cli/shutdown';

const [windowMs, watch, late] = process.argv.slice(2);

function install(): void {
  handleShutdown({
    stop: (reason) => (reason.includes('parent') ? Promise.resolve() : new Promise<void>(() => undefined)),
    duplicateWindowMs: Number(windowMs),
    watchParent: watch === 'yes',
    parentPollMs: 50,
  });
  process.stdout.write('Ready.\n');
}

setInterval(() => undefined, 60_000);
if (late === 'late') {
  const parent = process.ppid;
  process.stdout.write('Loaded.\n');
  const waiting = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(waiting);
    install();
  }, 20);
} else {
  install();
}
