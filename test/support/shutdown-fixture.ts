// A process whose shutdown never finishes on its own, to test what a second signal and a lost parent do.
// argv: <duplicateWindowMs> <watchParent: yes|no>. Prints `Ready.` once its handlers are installed.
import { handleShutdown } from '../../src/cli/shutdown';

const [windowMs, watch] = process.argv.slice(2);
handleShutdown({
  stop: (reason) => (reason.includes('parent') ? Promise.resolve() : new Promise<void>(() => undefined)),
  duplicateWindowMs: Number(windowMs),
  watchParent: watch === 'yes',
  parentPollMs: 50,
});
setInterval(() => undefined, 60_000);
process.stdout.write('Ready.\n');
