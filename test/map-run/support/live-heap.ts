// Live memory (JS heap + ArrayBuffers/Buffers, which live outside the heap) after a forced GC, for tests that assert memory stays flat. Node only exposes gc() behind
// --expose-gc; setting the flag at runtime lets a fresh VM context hand the function out.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export function liveHeap(): number {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
