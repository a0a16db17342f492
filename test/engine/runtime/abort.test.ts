// whenAborted: the waits a Task and the SDK send race against their state's signal, behind one listener per signal.
import { AbortedError, raceSignal, whenAborted } from '../../../src/engine/runtime/abort';

describe('whenAborted', () => {
  it('calls every waiter still registered once, in registration order, and none that was removed', () => {
    const controller = new AbortController();
    const calls: string[] = [];
    whenAborted(controller.signal, () => calls.push('first'));
    const stopSecond = whenAborted(controller.signal, () => calls.push('second'));
    whenAborted(controller.signal, () => calls.push('third'));
    stopSecond();
    controller.abort();
    controller.abort();
    expect(calls).toEqual(['first', 'third']);
  });

  it('keeps the waiters of different signals apart, and the same callback registered twice is called twice', () => {
    const one = new AbortController();
    const two = new AbortController();
    let count = 0;
    const callback = () => count++;
    whenAborted(one.signal, callback);
    whenAborted(one.signal, callback);
    const stopOnTwo = whenAborted(two.signal, callback);
    one.abort();
    expect(count).toBe(2);
    stopOnTwo();
    two.abort();
    expect(count).toBe(2);
  });

  it('does not call a waiter that an earlier one removed while the abort was being delivered, as EventTarget does not', () => {
    const controller = new AbortController();
    const calls: string[] = [];
    let stopLater: () => void = () => undefined;
    whenAborted(controller.signal, () => {
      calls.push('first');
      stopLater();
    });
    stopLater = whenAborted(controller.signal, () => calls.push('later'));
    controller.abort();
    expect(calls).toEqual(['first']);
  });
});

describe('raceSignal', () => {
  it('settles with the promise, or rejects with the abort reason', async () => {
    const controller = new AbortController();
    await expect(raceSignal(Promise.resolve('done'), controller.signal)).resolves.toBe('done');
    const pending = raceSignal(new Promise<never>(() => undefined), controller.signal);
    controller.abort('stop');
    await expect(pending).rejects.toEqual(new AbortedError('stop'));
    expect(((await pending.catch((e: unknown) => e)) as AbortedError).reason).toBe('stop');
  });

  it('rejects at once on a signal aborted already', async () => {
    const controller = new AbortController();
    controller.abort('gone');
    await expect(raceSignal(Promise.resolve(1), controller.signal)).rejects.toBeInstanceOf(AbortedError);
  });
});
