// probeDaemon against a stand-in for Docker's API on a unix socket: it tells a daemon with a bridge network from
// one without, and names the address when nothing answers. No Docker needed.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daemonAddress, probeDaemon } from './docker-daemon';
import { ContainersTargetError } from './preflight';

const dir = mkdtempSync(join(tmpdir(), 'docker-daemon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fakeDaemon(name: string, networks: readonly string[]): Promise<{ socket: string; server: Server }> {
  const socket = join(dir, name);
  const server = createServer((req, res) => {
    if (req.url === '/_ping') return void res.end('OK');
    const network = /^\/networks\/([^/?]+)$/.exec(req.url ?? '')?.[1];
    if (network !== undefined && networks.includes(network)) return void res.end(JSON.stringify({ Name: network }));
    res.writeHead(404).end(JSON.stringify({ message: `network ${network} not found` }));
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return { socket, server };
}

test.each([
  ['with a bridge network', ['bridge', 'host', 'none'], true],
  ['started with --bridge=none', ['host', 'none'], false],
])('a daemon %s', async (name, networks, bridge) => {
  const daemon = await fakeDaemon(`${bridge}.sock`, networks);
  try {
    expect(await probeDaemon({ DOCKER_HOST: `unix://${daemon.socket}` })).toEqual({ address: `unix://${daemon.socket}`, bridge });
  } finally {
    daemon.server.close();
  }
});

test('no daemon: the error names the address and the cause', async () => {
  const address = `unix://${join(dir, 'absent.sock')}`;
  const error = await probeDaemon({ DOCKER_HOST: address }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ContainersTargetError);
  expect((error as Error).message).toMatch(new RegExp(`^no Docker daemon answers at ${address} \\(ENOENT\\)`));
});

test('DOCKER_HOST: unix and tcp are understood, anything else is named', () => {
  expect(daemonAddress({}).target).toEqual({ socketPath: '/var/run/docker.sock' });
  expect(daemonAddress({ DOCKER_HOST: 'tcp://127.0.0.1:2375' }).target).toEqual({ host: '127.0.0.1', port: 2375 });
  expect(() => daemonAddress({ DOCKER_HOST: 'ssh://me@host' })).toThrow("DOCKER_HOST must be unix://<socket> or tcp://<host>:<port>, got 'ssh://me@host'");
});
