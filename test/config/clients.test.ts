import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { HttpRequest } from '@smithy/protocol-http';
import { startSandbox } from '../../src/sandbox/start-sandbox';
import { configFromEnv } from '../../src/config/config';
import { createClients, inProcessSigner, inProcessTransport } from '../../src/config/clients';

const config = configFromEnv({ SANDBOX_PORT: '0' });

describe('inProcessSigner', () => {
  it('writes a SigV4-shaped Authorization header naming the service scope, without computing a signature', async () => {
    const request = new HttpRequest({ method: 'POST', hostname: '127.0.0.1', path: '/', headers: {} });
    await inProcessSigner(config).sign(request, { signingDate: new Date('2026-11-25T10:26:28.123Z'), signingRegion: 'eu-west-1', signingService: 'dynamodb' });
    expect(request.headers['x-amz-date']).toBe('20261125T102628Z');
    expect(request.headers.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=${config.credentials?.accessKeyId}/20261125/eu-west-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=in-process`,
    );
  });

  it("names the client's own service when the SDK passes no signing name", async () => {
    const request = new HttpRequest({ method: 'POST', hostname: '127.0.0.1', path: '/', headers: {} });
    await inProcessSigner(config, 'states').sign(request);
    expect(request.headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=[^/]+/\\d{8}/${config.region}/states/aws4_request, `));
  });
});

describe('createClients({ inProcess })', () => {
  it('lightens only the awsJson clients that have an in-process handler', async () => {
    const sandbox = await startSandbox({ config, host: '127.0.0.1', port: 0 });
    const light = createClients(config, { requestHandler: sandbox.requestHandler, inProcess: true });
    const plain = createClients(config, { requestHandler: sandbox.requestHandler });
    try {
      expect([light.dynamodb.config.cacheMiddleware, light.sfn.config.cacheMiddleware, light.s3.config.cacheMiddleware]).toEqual([true, true, undefined]);
      expect(plain.dynamodb.config.cacheMiddleware).toBeUndefined();
      // Only the light clients may skip their middleware stack (integrations/in-process-send.ts).
      expect([light.dynamodb, light.sfn, light.s3, plain.dynamodb, plain.sfn].map((c) => inProcessTransport(c)?.signingService)).toEqual([
        'dynamodb',
        'states',
        undefined,
        undefined,
        undefined,
      ]);
      // dynalite accepts the unsigned header, and the edge routes by its credential scope.
      const [a, b] = await Promise.all([light.dynamodb.send(new ListTablesCommand({})), plain.dynamodb.send(new ListTablesCommand({}))]);
      expect(a.TableNames).toEqual(b.TableNames);
    } finally {
      light.destroy();
      plain.destroy();
      await sandbox.close();
    }
  });
});
