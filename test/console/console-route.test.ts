// The console's static route on the embedded endpoint: the page, its script (bundled from console/src on
// first request) and stylesheet, under a Content-Security-Policy that allows only the endpoint itself.
import { configFromEnv } from '../../src/config/config';
import { startSandbox, type Sandbox } from '../../src/sandbox/start-sandbox';
import { startEndpoint } from '../../src/server/sandbox-server';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ config: configFromEnv({ SFN_TIME_SCALE: '0' }), port: 0 });
});
afterAll(() => sandbox?.close());

const get = (path: string, init?: RequestInit) => fetch(`${sandbox.url}${path}`, { redirect: 'manual', ...init });

it('serves the page with a CSP that allows only its own script, style and API', async () => {
  const response = await get('/_sandbox/console/');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(response.headers.get('content-security-policy')).toContain("script-src 'self'; style-src 'self'");
  expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
  const html = await response.text();
  expect(html).toContain('<script src="app.js"></script>');
  expect(html).toContain('<link rel="stylesheet" href="style.css" />');
});

it('bundles the TypeScript front end into one script, with the layout library inside (nothing from a CDN)', async () => {
  const response = await get('/_sandbox/console/app.js');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  const script = await response.text();
  expect(script).toContain('AWSStepFunctions.');
  expect(script).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  expect(script.length).toBeLessThan(400_000);
  expect((await get('/_sandbox/console/style.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
}, 60_000);

it('redirects the bare path, 404s unknown files and refuses writes', async () => {
  const bare = await get('/_sandbox/console');
  expect([bare.status, bare.headers.get('location')]).toEqual([308, '/_sandbox/console/']);
  const missing = await get('/_sandbox/console/secret.txt');
  expect([missing.status, await missing.text()]).toEqual([404, 'Not found: /_sandbox/console/secret.txt (the console is at /_sandbox/console/)']);
  const post = await get('/_sandbox/console/', { method: 'POST', body: 'x' });
  expect([post.status, await post.text()]).toEqual([405, 'Method POST is not allowed on /_sandbox/console/']);
});

it('an endpoint started without the console answers its path with 404, not as an S3 bucket', async () => {
  const endpoint = await startEndpoint({ config: configFromEnv({}), services: {}, port: 0 });
  try {
    const response = await fetch(`${endpoint.url}/_sandbox/console/`);
    expect([response.status, await response.text()]).toEqual([
      404,
      'No console on this endpoint: /_sandbox/console/ is served by the embedded sandbox (npm start, npm run endpoint)',
    ]);
  } finally {
    await endpoint.close();
  }
});
