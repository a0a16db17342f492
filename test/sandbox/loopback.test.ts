// The Loopback: the dispatcher the engine's clients are built over before the endpoint's router exists.
import { Readable } from 'node:stream';
import { Loopback } from '../../src/sandbox/loopback';
import type { EdgeRequest, EdgeResponse } from '../../src/server/edge';

const request: EdgeRequest = { method: 'POST', url: '/', headers: {}, body: Readable.from([]) };
const answer: EdgeResponse = { status: 200, headers: {}, body: 'ok' };

describe('Loopback', () => {
  it('forwards every request to the router it was connected to', async () => {
    const seen: EdgeRequest[] = [];
    const loopback = new Loopback();
    loopback.connect({ dispatch: async (req) => (seen.push(req), answer) });
    await expect(loopback.dispatch(request)).resolves.toBe(answer);
    expect(seen).toEqual([request]);
  });

  it('rejects a request sent before it is connected, naming the request', async () => {
    await expect(new Loopback().dispatch(request)).rejects.toThrow("Loopback: POST / was sent before the endpoint's router was connected");
  });

  it('is connected once', () => {
    const loopback = new Loopback();
    loopback.connect({ dispatch: async () => answer });
    expect(() => loopback.connect({ dispatch: async () => answer })).toThrow('Loopback: already connected to a router');
  });
});
