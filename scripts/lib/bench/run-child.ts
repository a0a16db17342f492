// Runs each measurement in a fresh Node process, so its peak RSS is its own and one size's garbage, JIT state or
// leaked handles cannot slow the next. The child prints its Measurement as the last line of stdout.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Measurement, MeasureOptions } from './measure-one';

export const CHILD_FLAG = '--measure-one';

export interface ChildOptions extends MeasureOptions {
  /** Directory for a V8 CPU profile of the child (node --cpu-prof), or undefined for none. */
  readonly cpuProfDir?: string;
}

export function measureInChild(script: string, options: ChildOptions): Promise<Measurement> {
  const nodeFlags = ['--import', 'tsx', ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(options.cpuProfDir)}`] : [])];
  const args = [
    ...nodeFlags,
    script,
    CHILD_FLAG,
    JSON.stringify({ mode: options.mode, rows: options.rows, concurrency: options.concurrency, seed: options.seed, onDisk: options.onDisk }),
  ];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${options.mode} ${options.rows} rows: child exited ${code}${last ? `: ${last}` : ''}`));
      try {
        resolvePromise(JSON.parse(last) as Measurement);
      } catch {
        reject(new Error(`${options.mode} ${options.rows} rows: child printed no measurement, got '${last.slice(0, 200)}'`));
      }
    });
  });
}
