// The target the end-to-end suites run against, chosen by E2E_TARGET (default `embedded`): the same test
// code drives the embedded endpoint in-process, or the engine in-process with S3 and DynamoDB from a
// LocalStack container (test/containers). Each suite gets its own bucket, table and state machine names.
import type { AwsClients } from '../../../src/config/clients';
import { configFromEnv, type Env, type SandboxConfig } from '../../../src/config/config';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import type { StepFunctionsStore } from '../../../src/services/stepfunctions';
import { startContainersTarget, type ContainersTarget } from '../../containers/containers-target';

export type E2eTargetName = 'embedded' | 'containers';

export interface E2eTarget {
  readonly name: E2eTargetName;
  readonly config: SandboxConfig;
  readonly clients: AwsClients;
  readonly sandbox: Sandbox;
  close(): Promise<void>;
}

export interface TargetOptions {
  /** Short suite name (lowercase letters, digits, dashes) making bucket, table and state machine names unique. */
  readonly suite?: string;
  /** Where Step Functions keeps executions (e.g. a probe observing child executions). */
  readonly store?: StepFunctionsStore;
  /** Extra settings merged over the target's own (SANDBOX_* variables). */
  readonly env?: Env;
}

let sequence = 0;

export function targetName(env: Env = process.env): E2eTargetName {
  const name = env.E2E_TARGET?.trim() || 'embedded';
  if (name !== 'embedded' && name !== 'containers') throw new Error(`E2E_TARGET must be 'embedded' or 'containers', got '${name}'`);
  return name;
}

/** Names no other suite (or run of this one) uses, valid as S3 bucket, table and state machine names. */
function uniqueNames(suite: string): Env {
  const id = `${suite}-${process.pid}-${Date.now().toString(36)}-${++sequence}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  return {
    SANDBOX_BUCKET: `e2e-${id}`.slice(0, 63),
    SANDBOX_TABLE: `e2e-${id}`,
    SANDBOX_PARENT_STATE_MACHINE: `e2e-parent-${id}`,
    SANDBOX_CHILD_STATE_MACHINE: `e2e-child-${id}`,
  };
}

export async function startTarget(options: TargetOptions = {}): Promise<E2eTarget> {
  const env: Env = { SANDBOX_PORT: '0', SFN_TIME_SCALE: '0', ...uniqueNames(options.suite ?? 'suite'), ...options.env };
  return targetName() === 'containers' ? startContainers(env, options.store) : startEmbedded(env, options.store);
}

async function startEmbedded(env: Env, store: StepFunctionsStore | undefined): Promise<E2eTarget> {
  // Only the suite's own settings: the developer's AWS_ENDPOINT_URL or .env must not redirect the embedded target.
  const config = configFromEnv(env);
  const sandbox = await startSandbox({ config, port: 0, store });
  return wrap('embedded', config, sandbox);
}

/** LocalStack serves S3 and DynamoDB; Step Functions is this engine, in-process. Fails when Docker or the image is missing. */
async function startContainers(env: Env, store: StepFunctionsStore | undefined): Promise<E2eTarget> {
  const containers: ContainersTarget = await startContainersTarget({ env: { ...process.env, ...env, SANDBOX_SERVICES: 'stepfunctions' } });
  try {
    const sandbox = await startSandbox({ config: containers.config, port: 0, store });
    const target = wrap('containers', containers.config, sandbox);
    return {
      ...target,
      close: async () => {
        await target.close();
        await containers.stop();
      },
    };
  } catch (err) {
    await containers.stop();
    throw err;
  }
}

function wrap(name: E2eTargetName, config: SandboxConfig, sandbox: Sandbox): E2eTarget {
  const clients = sandbox.clients();
  return {
    name,
    config,
    clients,
    sandbox,
    close: async () => {
      clients.destroy();
      await sandbox.close();
    },
  };
}
