// The web console's static route, `/_sandbox/console/`: one HTML page, its stylesheet and its script.
// Everything else the page needs it asks the endpoint itself (the public Step Functions API, S3 GETs and
// the private API at /_sandbox/stepfunctions), so the console works offline and wherever the endpoint runs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EdgeRequest, EdgeResponse, ServiceHandler } from '../server/edge';
import { discardBody } from '../server/read-body';
import { CONSOLE_PATH } from '../server/resolve-service';
import { bundleConsole, CONSOLE_DIR } from './bundle';

/** The page runs only its own script and style and talks only to its own origin. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

interface Asset {
  readonly type: string;
  load(): Promise<string>;
}

export function createConsoleRoute(consoleDir = CONSOLE_DIR): ServiceHandler {
  let script: Promise<string> | undefined;
  const file = (name: string) => () => Promise.resolve(readFileSync(join(consoleDir, name), 'utf8'));
  const assets: Readonly<Record<string, Asset>> = {
    '/': { type: 'text/html; charset=utf-8', load: file('index.html') },
    '/style.css': { type: 'text/css; charset=utf-8', load: file('style.css') },
    '/app.js': {
      type: 'text/javascript; charset=utf-8',
      // A prebuilt bundle (dist/console/app.js) wins; otherwise build once and keep it. A failed build is retried.
      load: () =>
        existsSync(join(consoleDir, 'app.js'))
          ? file('app.js')()
          : (script ??= bundleConsole(consoleDir).catch((err: unknown) => {
              script = undefined;
              throw err;
            })),
    },
  };
  return {
    name: 'console',
    handle: (request) => serveAsset(assets, request),
  };
}

async function serveAsset(assets: Readonly<Record<string, Asset>>, request: EdgeRequest): Promise<EdgeResponse> {
  discardBody(request.body);
  const path = request.url.split('?')[0].slice(CONSOLE_PATH.length);
  if (path === '') return { status: 308, headers: { location: `${CONSOLE_PATH}/`, 'content-length': '0' } };
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return text(405, `Method ${method} is not allowed on ${CONSOLE_PATH}${path}`);
  const asset = Object.hasOwn(assets, path) ? assets[path] : undefined;
  if (!asset) return text(404, `Not found: ${CONSOLE_PATH}${path} (the console is at ${CONSOLE_PATH}/)`);
  let body: string;
  try {
    body = await asset.load();
  } catch (err) {
    return text(500, `The console could not be served: ${err instanceof Error ? err.message : String(err)}`);
  }
  const headers = { ...SECURITY_HEADERS, 'content-type': asset.type, 'content-length': String(Buffer.byteLength(body)) };
  return method === 'HEAD' ? { status: 200, headers } : { status: 200, headers, body };
}

function text(status: number, message: string): EdgeResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(message)) }, body: message };
}
