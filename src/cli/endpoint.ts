// `npm run endpoint`: serves the embedded endpoint until SIGINT/SIGTERM. Prints exactly one line on
// stdout, `Ready.`, once listening (what LocalStack prints, so tools waiting for it work unchanged);
// everything else goes to stderr.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type SandboxConfig } from '../config/config';
import { faultReportLines } from '../faults';
import { startSandbox, type Sandbox } from '../sandbox/start-sandbox';
import { handleShutdown } from './shutdown';
import { startupNotes } from './startup-notes';

const USAGE = `Usage: npm run endpoint -- [--host <address>] [--port <number>] [--data-dir <path>]

Serves S3, DynamoDB and the Step Functions API on one port, like LocalStack's edge.
  --host <address>    interface to bind (default SANDBOX_HOST or 127.0.0.1)
  --port <number>     port, 0 for any free one (default SANDBOX_PORT or 4566)
  --data-dir <path>   keep S3 objects and DynamoDB tables here across restarts (default SANDBOX_DATA_DIR; in memory)
  -h, --help          show this help

Ctrl-C (SIGINT), SIGTERM or SIGHUP stop it in order: running executions end ABORTED, the stores are flushed and
closed. A second Ctrl-C exits at once.`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface EndpointFlags {
  readonly help: boolean;
  readonly host?: string;
  readonly port?: number;
  readonly dataDir?: string;
}

export function parseEndpointFlags(argv: readonly string[]): EndpointFlags {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { host: { type: 'string' }, port: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { host, port, 'data-dir': dataDir } = values;
  if (host !== undefined && host.trim() === '') throw new UsageError('--host must not be empty');
  if (dataDir !== undefined && dataDir.trim() === '') throw new UsageError('--data-dir must not be empty');
  return { help: values.help === true, host, port: port === undefined ? undefined : parsePort(port), dataDir };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got '${value}'`);
  return port;
}

export function describeStartError(err: unknown, host: string, port: number): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') return `port ${port} on ${host} is already in use (another endpoint or LocalStack?); choose one with --port or SANDBOX_PORT`;
  if (e.code === 'EADDRNOTAVAIL') return `cannot bind to ${host}: no such local address (--host or SANDBOX_HOST)`;
  // The same codes come from the data directory (mkdir, open, access: the error names a path) and from listen().
  if ((e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS') && e.path !== undefined) {
    return `cannot write ${e.path} (${e.code}): the data directory (--data-dir or SANDBOX_DATA_DIR) must be writable by the user running the endpoint (uid ${process.getuid?.() ?? 'unknown'})`;
  }
  if (e.code === 'EACCES') return `not allowed to bind ${host}:${port} (ports below 1024 need privileges)`;
  return e instanceof Error ? e.message : String(err);
}

async function main(argv: readonly string[]): Promise<void> {
  let flags: EndpointFlags;
  let config: SandboxConfig;
  try {
    flags = parseEndpointFlags(argv);
    if (flags.help) return void process.stdout.write(`${USAGE}\n`);
    config = loadConfig();
  } catch (err) {
    if (err instanceof UsageError) return exit(`error: ${err.message}\n\n${USAGE}`);
    if (err instanceof ConfigError) return exit(`error: ${err.message}`);
    throw err;
  }
  const host = flags.host ?? config.server.host;
  const port = flags.port ?? config.server.port;
  let endpoint: Sandbox;
  try {
    endpoint = await startSandbox({ config, host, port, dataDir: flags.dataDir });
  } catch (err) {
    return exit(`error: ${describeStartError(err, host, port)}`);
  }
  const served = Object.keys(endpoint.services).join(', ') || 'nothing';
  const upstream = config.server.upstreamUrl;
  const sfnNote = endpoint.services.stepfunctions || upstream ? '' : '; Step Functions: no engine attached, its API answers UnknownOperationException';
  const forwardNote = upstream ? `; forwarding every other request to ${upstream}` : '';
  process.stderr.write(
    `sfn-csv-sandbox endpoint on ${endpoint.url} serving ${served}${sfnNote}${forwardNote} (started in ${Math.round(process.uptime() * 1000)} ms)\n`,
  );
  process.stderr.write(`console at ${endpoint.url}/_sandbox/console/ (open it in a browser to watch executions)\n`);
  for (const note of startupNotes(config, { faults: endpoint.faults !== undefined })) process.stderr.write(`${note}\n`);
  process.stdout.write('Ready.\n');
  handleShutdown({ stop: () => closeSandbox(endpoint) });
}

/** Closes the sandbox (executions end ABORTED, stores flushed and closed in order), then prints the fault report. */
export async function closeSandbox(sandbox: Sandbox, log: (line: string) => void = (line) => void process.stderr.write(`${line}\n`)): Promise<void> {
  await sandbox.close();
  if (sandbox.faults) for (const line of faultReportLines(sandbox.faults.faultReport())) log(line);
}

function exit(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => exit(`error: ${(err as Error).stack ?? String(err)}`));
}
