import { ImageName } from 'testcontainers';
import { connectImageStore, ContainersTargetError, DEFAULT_ENGINE_IMAGE, DEFAULT_LOCALSTACK_IMAGE, requireLocalImages, settingsFromEnv } from './preflight';

const HOST_MODE = { TESTCONTAINERS_NETWORK_MODE: 'host', TESTCONTAINERS_RYUK_DISABLED: 'true', TESTCONTAINERS_HOST_OVERRIDE: '127.0.0.1' };

describe('settingsFromEnv', () => {
  test('defaults: pinned LocalStack image, Docker port mapping, Ryuk image checked too', () => {
    expect(settingsFromEnv({})).toEqual({
      localstackImage: DEFAULT_LOCALSTACK_IMAGE,
      engineImage: DEFAULT_ENGINE_IMAGE,
      networkMode: 'bridge',
      images: [DEFAULT_LOCALSTACK_IMAGE, 'testcontainers/ryuk:0.14.0'],
    });
  });

  test('host mode with its settings; Ryuk disabled means its image is not needed', () => {
    expect(settingsFromEnv({ ...HOST_MODE, LOCALSTACK_IMAGE: ' sfn-csv-sandbox:dev ', SANDBOX_ENGINE_IMAGE: 'engine:1' })).toEqual({
      localstackImage: 'sfn-csv-sandbox:dev',
      engineImage: 'engine:1',
      networkMode: 'host',
      images: ['sfn-csv-sandbox:dev'],
    });
  });

  test('RYUK_CONTAINER_IMAGE replaces the default Ryuk image', () => {
    expect(settingsFromEnv({ RYUK_CONTAINER_IMAGE: 'mirror/ryuk:1' }).images).toEqual([DEFAULT_LOCALSTACK_IMAGE, 'mirror/ryuk:1']);
  });

  test('an unknown network mode is named', () => {
    expect(() => settingsFromEnv({ TESTCONTAINERS_NETWORK_MODE: 'overlay' })).toThrow(
      new ContainersTargetError("TESTCONTAINERS_NETWORK_MODE must be 'host' or 'bridge' (the default), got 'overlay'"),
    );
  });

  test('host mode lists every missing setting', () => {
    expect(() => settingsFromEnv({ TESTCONTAINERS_NETWORK_MODE: 'host' })).toThrow(
      'TESTCONTAINERS_NETWORK_MODE=host also needs TESTCONTAINERS_RYUK_DISABLED=true and TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1',
    );
    expect(() => settingsFromEnv({ ...HOST_MODE, TESTCONTAINERS_HOST_OVERRIDE: undefined })).toThrow(
      'TESTCONTAINERS_NETWORK_MODE=host also needs TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1',
    );
  });
});

describe('connectImageStore', () => {
  test('no Docker: a ContainersTargetError that says so and keeps the cause', async () => {
    const unreachable = () => Promise.reject(new Error('Could not find a working container runtime strategy'));
    const error = await connectImageStore(unreachable).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainersTargetError);
    expect((error as Error).message).toMatch(/^Docker is not available, so the containers target cannot run \(Could not find a working container runtime strategy\)/);
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
    expect((error as Error).message).toMatch(/^Docker image\(s\) not present locally: b:2, c:3\. The containers target never pulls/);
  });
});
