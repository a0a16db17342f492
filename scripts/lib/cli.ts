// Shared plumbing for the scripts: config + clients from the environment, flag parsing, exit codes.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createClients, type AwsClients } from '../../src/config/clients';
import { loadConfig, type SandboxConfig } from '../../src/config/config';

export interface ScriptContext {
  readonly config: SandboxConfig;
  readonly clients: AwsClients;
}

export function scriptContext(config: SandboxConfig = loadConfig()): ScriptContext {
  return { config, clients: createClients(config) };
}

type FlagOptions = NonNullable<ParseArgsConfig['options']>;
type HelpFlag = { help: { type: 'boolean'; short: 'h' } };
export type ParsedFlags<T extends FlagOptions> = ReturnType<typeof parseArgs<{ args: string[]; options: T & HelpFlag; allowPositionals: true; strict: true }>>;

/** Parses flags strictly: an unknown flag is an error naming it, not silently ignored. */
export function flags<T extends FlagOptions>(argv: string[], options: T, usage: string): ParsedFlags<T> {
  try {
    const help: HelpFlag = { help: { type: 'boolean', short: 'h' } };
    return parseArgs({ args: argv, options: { ...options, ...help }, allowPositionals: true, strict: true });
  } catch (err) {
    fail(`${(err as Error).message}\n\n${usage}`);
  }
}

export function intFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer, got '${value}'`);
  return n;
}

/** A percentage flag (0-100), undefined when not given. */
export function percentFlag(value: string | undefined, name = 'tolerated-failure-percentage'): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 100)) fail(`--${name} must be a number from 0 to 100, got '${value}'`);
  return n;
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** Runs a script's main(), printing AWS errors by name and message instead of a stack trace. */
export function main(run: (argv: string[]) => Promise<number | void>): void {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code ?? 0),
    (err: unknown) => {
      process.stderr.write(`${describeError(err)}\n`);
      process.exit(1);
    },
  );
}

/**
 * `error: <name>: <message>` (the name once, when the message already starts with it), plus what to do when
 * nothing listens at the endpoint or a table is missing.
 */
export function describeError(err: unknown): string {
  const e = err as { name?: string; message?: string; code?: string; errno?: string };
  const message = e.message ?? String(err);
  const name = e.name ?? 'Error';
  const text = message.startsWith(`${name}:`) || name === 'Error' ? message : `${name}: ${message}`;
  if (e.code === 'ECONNREFUSED' || /\bECONNREFUSED\b/.test(message)) {
    const target = /ECONNREFUSED (\S+)/.exec(message)?.[1] ?? 'the endpoint';
    return `error: ${text}\nnothing is listening at ${target}: start the sandbox endpoint first (npm run endpoint, or docker compose up), or point AWS_ENDPOINT_URL at a running one`;
  }
  return `error: ${text}`;
}
