import { ImageName } from 'testcontainers';
import { connectImageStore, ContainersTargetError, DEFAULT_ENGINE_IMAGE, DEFAULT_LOCALSTACK_IMAGE, requireLocalImages, settingsFromEnv } from './preflight';

const HOST_MODE = { TESTCONTAINERS_NETWORK_MODE: 'host', TESTCONTAINERS_RYUK_DISABLED: 'true', TESTCONTAINERS_HOST_OVERRIDE: '127.0.0.1' };

const BRIDGE = { bridge: true };
const NO_BRIDGE = { bridge: false };

describe('settingsFromEnv', () => {
  test('a daemon with a bridge network: pinned LocalStack image, Docker port mapping, Ryuk image checked too', () => {
    expect(settingsFromEnv({}, BRIDGE)).toEqual({
      localstackImage: DEFAULT_LOCALSTACK_IMAGE,
      engineImage: DEFAULT_ENGINE_IMAGE,
      networkMode: 'bridge',
      images: [DEFAULT_LOCALSTACK_IMAGE, 'testcontainers/ryuk:0.14.0'],
      testcontainersEnv: {},
    });
  });

  test('a daemon without one: host networking, with the testcontainers settings it needs set for it', () => {
    expect(settingsFromEnv({ LOCALSTACK_IMAGE: ' sfn-csv-sandbox:dev ', SANDBOX_ENGINE_IMAGE: 'engine:1' }, NO_BRIDGE)).toEqual({
      localstackImage: 'sfn-csv-sandbox:dev',
      engineImage: 'engine:1',
      networkMode: 'host',
      images: ['sfn-csv-sandbox:dev'],
      testcontainersEnv: { TESTCONTAINERS_RYUK_DISABLED: 'true', TESTCONTAINERS_HOST_OVERRIDE: '127.0.0.1' },
    });
  });

  test('TESTCONTAINERS_NETWORK_MODE overrides the choice; settings already given are kept', () => {
    expect(settingsFromEnv(HOST_MODE, BRIDGE)).toMatchObject({ networkMode: 'host', images: [DEFAULT_LOCALSTACK_IMAGE], testcontainersEnv: {} });
    expect(settingsFromEnv({ TESTCONTAINERS_NETWORK_MODE: 'bridge' }, BRIDGE).networkMode).toBe('bridge');
  });

  test('RYUK_CONTAINER_IMAGE replaces the default Ryuk image', () => {
    expect(settingsFromEnv({ RYUK_CONTAINER_IMAGE: 'mirror/ryuk:1' }, BRIDGE).images).toEqual([DEFAULT_LOCALSTACK_IMAGE, 'mirror/ryuk:1']);
  });

  test('an unknown network mode is named', () => {
    expect(() => settingsFromEnv({ TESTCONTAINERS_NETWORK_MODE: 'overlay' }, BRIDGE)).toThrow(
      new ContainersTargetError("TESTCONTAINERS_NETWORK_MODE must be 'host' or 'bridge' (default: chosen from the daemon), got 'overlay'"),
    );
  });

  test('bridge asked of a daemon without a bridge network: the error says so', () => {
    expect(() => settingsFromEnv({ TESTCONTAINERS_NETWORK_MODE: 'bridge' }, NO_BRIDGE)).toThrow(
      /^TESTCONTAINERS_NETWORK_MODE=bridge, but the Docker daemon has no bridge network \(started with --bridge=none\?\)/,
    );
  });

  test('host networking with Ryuk explicitly enabled is refused', () => {
    expect(() => settingsFromEnv({ TESTCONTAINERS_RYUK_DISABLED: 'false' }, NO_BRIDGE)).toThrow(
      "host networking needs TESTCONTAINERS_RYUK_DISABLED=true (Ryuk needs a mapped port), got 'false'",
    );
  });
});

describe('connectImageStore', () => {
  test('no Docker: a ContainersTargetError that says so and keeps the cause', async () => {
    const unreachable = () => Promise.reject(new Error('Could not find a working container runtime strategy'));
    const error = await connectImageStore(unreachable).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainersTargetError);
    expect((error as Error).message).toMatch(
      /^testcontainers cannot use the Docker daemon, so the containers target cannot run \(Could not find a working container runtime strategy\)/,
    );
  });

  test('asks the runtime about the normalised image name', async () => {
    const asked: string[] = [];
    const client = { image: { exists: async (name: ImageName) => (asked.push(name.string), name.string === 'localstack/localstack:4.14.0') } };
    const store = await connectImageStore(async () => client);
    expect(await store.exists('localstack/localstack:4.14.0')).toBe(true);
    expect(await store.exists('sfn-csv-sandbox:dev')).toBe(false);
    expect(asked).toEqual(['localstack/localstack:4.14.0', 'sfn-csv-sandbox:dev']);
  });
});

describe('requireLocalImages', () => {
  const store = (present: string[]) => ({ exists: async (image: string) => present.includes(image) });

  test('resolves when every image is present', async () => {
    await expect(requireLocalImages(store(['a:1', 'b:2']), ['a:1', 'b:2'])).resolves.toBeUndefined();
  });

  test('names every missing image and never pulls', async () => {
    const error = await requireLocalImages(store(['a:1']), ['a:1', 'b:2', 'c:3']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainersTargetError);
    expect((error as Error).message).toMatch(
      /^Docker image\(s\) not present locally: b:2, c:3\. The containers target never pulls \(a machine without a registry cannot\)/,
    );
  });
});
