// Runs a TypeScript entry point (a script or the endpoint CLI) as a real child process through tsx's loader
// in that same process (tsx's own CLI forks, so a kill would miss the program). Output is captured.
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist');
const TSX_FLAGS = ['--require', join(TSX, 'preflight.cjs'), '--import', pathToFileURL(join(TSX, 'loader.mjs')).href];

/** The node flags that load tsx in the same process. */
export function tsxFlags(): readonly string[] {
  return TSX_FLAGS;
}

export interface TsxRun {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

export interface TsxOptions {
  /** The whole environment (PATH and HOME are added); nothing is inherited, so a developer's settings cannot leak in. */
  readonly env?: Record<string, string>;
  /** Default: the OS temp dir, so loadConfig() finds no `.env`. */
  readonly cwd?: string;
}

export function runTsx(entry: string, args: readonly string[], options: TsxOptions = {}): TsxRun {
  const child = spawn(process.execPath, [...TSX_FLAGS, join(ROOT, entry), ...args], {
    cwd: options.cwd ?? tmpdir(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Runs to completion: exit code and output. */
export async function runTsxToEnd(
  entry: string,
  args: readonly string[],
  options: TsxOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = runTsx(entry, args, options);
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** Resolves when the process has printed `Ready.`, rejects if it exits first. */
export function ready(run: TsxRun): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => run.stdout().includes('Ready.\n') && resolve();
    run.child.stdout!.on('data', check);
    check();
    void run.exited.then((code) => reject(new Error(`process exited with ${code} before Ready.: ${run.stderr()}`)));
  });
}
