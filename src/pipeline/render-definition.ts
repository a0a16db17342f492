// Fills the deploy-time placeholders of the ASL files in statemachines/ (the article's own tokens plus
// ours) from the config. The only place definitions are rewritten: scripts never patch ASL strings.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { SandboxConfig } from '../config/config';
import { jsonErrorPlace } from './json-error-place';

export const STATE_MACHINES_DIR = join(__dirname, '..', '..', 'statemachines');

export interface RenderValues {
  readonly region: string;
  readonly accountId: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly csvFile: string;
  readonly table: string;
  readonly childStateMachine: string;
}

export function renderValuesFrom(config: SandboxConfig): RenderValues {
  return {
    region: config.region,
    accountId: config.accountId,
    bucket: config.bucket,
    prefix: config.prefix,
    csvFile: config.csvFile,
    table: config.table,
    childStateMachine: config.childStateMachineName,
  };
}

/** Replaces every known placeholder in every string of the definition; fails on an unknown `{{{...}}}` token. */
export function renderDefinition(definition: string, values: RenderValues): string {
  const tokens: Record<string, string> = {
    '{{{AWS::Region}}}': values.region,
    '{{{AWS::AccountId}}}': values.accountId,
    '<s3Bucket>': values.bucket,
    '<s3Prefix>': values.prefix,
    '<csvFile>': values.csvFile,
    '<ddbTable>': values.table,
    '<childStateMachine>': values.childStateMachine,
  };
  const rendered = mapStrings(JSON.parse(definition), (s) => {
    let out = s;
    for (const [token, value] of Object.entries(tokens)) out = out.split(token).join(value);
    const leftover = /\{\{\{[^}]*\}\}\}/.exec(out);
    if (leftover) throw new Error(`Unknown placeholder ${leftover[0]} in state machine definition`);
    return out;
  });
  return JSON.stringify(rendered, null, 2);
}

/** Reads `statemachines/<file>`, or `file` itself (relative to the working directory) when that is not one, and renders it. */
export function loadDefinition(file: string, values: RenderValues): string {
  const bundled = join(STATE_MACHINES_DIR, file);
  const path = !isAbsolute(file) && existsSync(bundled) ? bundled : resolve(file);
  if (!existsSync(path)) throw new Error(`state machine definition not found: ${file} (looked in ${STATE_MACHINES_DIR} and ${process.cwd()})`);
  const text = readFileSync(path, 'utf8');
  try {
    JSON.parse(text);
  } catch (err) {
    // Checked before rendering, so a typo is reported at the line and column of the file as written.
    throw new Error(`state machine definition ${path} is not valid JSON: ${jsonErrorPlace(text, err as Error)}`);
  }
  return renderDefinition(text, values);
}

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  }
  return value;
}
