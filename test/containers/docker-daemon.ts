// Asks the Docker daemon itself, through its HTTP API, the two things testcontainers cannot tell us before it fails
// with a misleading message: does a daemon answer at all, and does it have a bridge network (a daemon started with
// --bridge=none does not, and then only host networking can reach a container).
import { request } from 'node:http';
import type { Env } from '../../src/config/config';
import { ContainersTargetError } from './preflight';

export interface DaemonFacts {
  /** Where the daemon was asked, e.g. unix:///var/run/docker.sock. */
  readonly address: string;
  /** Docker's default `bridge` network exists: port mapping works. */
  readonly bridge: boolean;
}

interface Target {
  readonly socketPath?: string;
  readonly host?: string;
  readonly port?: number;
}

/** DOCKER_HOST as the Docker CLI reads it: unix:// or tcp:// (plain HTTP); default the local socket. */
export function daemonAddress(env: Env): { readonly address: string; readonly target: Target } {
  const address = env.DOCKER_HOST?.trim() || 'unix:///var/run/docker.sock';
  if (address.startsWith('unix://')) return { address, target: { socketPath: address.slice('unix://'.length) } };
  const tcp = /^tcp:\/\/([^:/]+):(\d+)\/?$/.exec(address);
  if (tcp) return { address, target: { host: tcp[1], port: Number(tcp[2]) } };
  throw new ContainersTargetError(`DOCKER_HOST must be unix://<socket> or tcp://<host>:<port>, got '${address}'`);
}

export async function probeDaemon(env: Env): Promise<DaemonFacts> {
  const { address, target } = daemonAddress(env);
  try {
    const ping = await get(target, '/_ping');
    if (ping.status !== 200) throw new Error(`/_ping answered HTTP ${ping.status}`);
  } catch (err) {
    throw new ContainersTargetError(
      `no Docker daemon answers at ${address} (${(err as Error).message}). Start one (on a Debian machine without a registry: ` +
        'bash scripts/ci-docker.sh, docs/docker.md) or point DOCKER_HOST at it.',
    );
  }
  const bridge = await get(target, '/networks/bridge');
  return { address, bridge: bridge.status === 200 };
}

function get(target: Target, path: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request({ ...target, path, method: 'GET', timeout: 10_000 }, (res) => {
      res.resume();
      res.once('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.once('timeout', () => req.destroy(new Error('no answer within 10 s')));
    req.once('error', (err: NodeJS.ErrnoException) => reject(new Error(err.code ?? err.message)));
    req.end();
  });
}
