// The version /_localstack/health reports: ours, from package.json. It is looked up by walking up from
// this file because the compiled code runs from dist/src/server (repo) or /app/dist/src/server (image).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'sfn-csv-sandbox';
let cached: string | undefined;

export function sandboxVersion(): string {
  return (cached ??= findVersion(__dirname) ?? 'unknown');
}

function findVersion(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    const pkg = existsSync(file) ? readPackage(file) : undefined;
    if (pkg?.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    if (dirname(dir) === dir) return undefined;
  }
}

function readPackage(file: string): { name?: unknown; version?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return undefined;
  }
}
