import { sendAbortable, type SdkClient } from '../../src/integrations/sdk-send';

function client(cacheMiddleware: boolean | undefined, answer: Promise<object>) {
  const calls: unknown[][] = [];
  const sdk: SdkClient = {
    config: { cacheMiddleware },
    send: (...args: unknown[]) => {
      calls.push(args);
      return answer as never;
    },
  };
  return { sdk, calls };
}

const output = { $metadata: {} };

describe('sendAbortable', () => {
  it('hands the signal to the SDK when the client does not cache its middleware', async () => {
    const { sdk, calls } = client(undefined, Promise.resolve(output));
    const signal = new AbortController().signal;
    await expect(sendAbortable(sdk, { c: 1 }, signal)).resolves.toBe(output);
    expect(calls).toEqual([[{ c: 1 }, { abortSignal: signal }]]);
  });

  it('sends without options on caching clients and rejects with AbortError when the signal fires', async () => {
    const { sdk, calls } = client(true, new Promise(() => undefined));
    const controller = new AbortController();
    const sent = sendAbortable(sdk, { c: 1 }, controller.signal);
    controller.abort(new Error('stopped'));
    await expect(sent).rejects.toMatchObject({ name: 'AbortError', message: 'Request aborted' });
    expect(calls).toEqual([[{ c: 1 }]]);
  });

  it('does not send at all on an already aborted signal, and passes results and errors through', async () => {
    const { sdk, calls } = client(true, Promise.resolve(output));
    const aborted = new AbortController();
    aborted.abort();
    await expect(sendAbortable(sdk, {}, aborted.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toEqual([]);
    await expect(sendAbortable(sdk, {}, new AbortController().signal)).resolves.toBe(output);
    const failing = client(true, Promise.reject(new Error('ValidationException')));
    await expect(sendAbortable(failing.sdk, {}, new AbortController().signal)).rejects.toThrow('ValidationException');
  });
});
