// The protocol-neutral request/response pair every service handler speaks. The node:http server and
// the in-process SDK request handler both adapt to it, so a service never sees a socket.
import type { Readable } from 'node:stream';

export interface EdgeRequest {
  readonly method: string;
  /** Raw request target: path plus query string, still percent-encoded. */
  readonly url: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, streamed: S3 uploads can be gigabytes. Read it with readBody() for bounded JSON bodies. */
  readonly body: Readable;
}

export interface EdgeResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Omitted for no body; a Readable for large S3 payloads. */
  readonly body?: Buffer | string | Readable;
}

export interface ServiceHandler {
  /** Name reported by /_localstack/health ("s3", "dynamodb", "stepfunctions"). */
  readonly name: string;
  handle(request: EdgeRequest): Promise<EdgeResponse>;
  close?(): Promise<void>;
}
