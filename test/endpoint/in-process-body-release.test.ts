// A streamed response body handed to a caller that then gives up (a stopped execution's ItemReader) is
// destroyed when the caller's signal aborts, so an S3 object's file is closed explicitly, never by the garbage
// collector (Node's DEP0137 warning after StopExecution).
import { HttpRequest } from '@smithy/protocol-http';
import { Readable } from 'node:stream';
import type { EdgeResponse } from '../../src/server/edge';
import { InProcessHandler } from '../../src/server/in-process-handler';

function streamingRouter(body: Readable) {
  return { dispatch: async (): Promise<EdgeResponse> => ({ status: 200, headers: { 'content-type': 'text/csv' }, body }) };
}

const request = () => new HttpRequest({ method: 'GET', hostname: 'localhost', path: '/bucket/key', headers: {} });

describe('InProcessHandler releases streamed bodies', () => {
  it('destroys a body its caller received but left unread when the caller aborts', async () => {
    const body = Readable.from(['a,b\n', '1,2\n']);
    const controller = new AbortController();
    const { response } = await new InProcessHandler(streamingRouter(body)).handle(request(), { abortSignal: controller.signal });
    expect(response.statusCode).toBe(200);
    expect(body.destroyed).toBe(false);
    controller.abort();
    expect(body.destroyed).toBe(true);
  });

  it('leaves a body read to the end alone, and stops listening to the signal', async () => {
    const body = Readable.from(['x']);
    const controller = new AbortController();
    const { response } = await new InProcessHandler(streamingRouter(body)).handle(request(), { abortSignal: controller.signal });
    const chunks: string[] = [];
    for await (const chunk of response.body as Readable) chunks.push(String(chunk));
    expect(chunks).toEqual(['x']);
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    expect(body.readableEnded).toBe(true);
  });
});
