// A shorter way into dynalite for the requests the AWS SDKs and CLIs send: a signed POST of one known operation
// with a JSON body. dynalite's HTTP request listener (node_modules/dynalite/index.js, httpHandler) does for
// every request some work that decides nothing for such a request: listeners on a request stream, a URL parse
// of "/", a 39-byte random draw from the operating system for the request id, a JavaScript CRC of the answer.
// At one PutItem per CSV row that work was ≈ a quarter of the DynamoDB thread's CPU (docs/performance.md,
// "Round 6"). Here a request in that plain shape goes straight to dynalite's own type checks, validations and
// action, and its answer is framed the way dynalite frames it; any other request (no or malformed
// authorization, another content type, a query string, CORS, a body that is not a JSON object, an unknown
// target) returns undefined and is left to dynalite's listener, so every error answer before validation stays
// dynalite's own. test/services/dynamodb/dynalite-front.test.ts sends the same requests both ways.
import { randomFillSync } from 'node:crypto';
import * as zlib from 'node:zlib';
import type dynaliteDb from 'dynalite/db';
import dynaliteValidations = require('dynalite/validations');
import type { DynaliteAnswer, DynaliteRequestHead } from './dynalite-exchange';

/** Answers a plain request, or returns undefined for dynalite's listener to answer it. */
export type DynaliteFront = (head: DynaliteRequestHead, body: Buffer) => Promise<DynaliteAnswer> | undefined;

/** An error dynalite answers with (its validations and actions attach the status and the JSON body). */
interface DynaliteError extends Error {
  readonly statusCode?: number;
  readonly body?: unknown;
}

type Action = (store: dynaliteDb.Store, data: object, done: (err: DynaliteError | null | undefined, result?: unknown) => void) => void;

interface ActionModules {
  readonly action: Action;
  readonly validation: { readonly types: object; readonly custom?: unknown };
}

/** The API versions and operations dynalite's listener accepts in X-Amz-Target (index.js: validApis, validOperations). */
const API_VERSIONS = new Set(['DynamoDB_20111205', 'DynamoDB_20120810']);
export const FRONT_OPERATIONS: readonly string[] = [
  'BatchGetItem',
  'BatchWriteItem',
  'CreateTable',
  'DeleteItem',
  'DeleteTable',
  'DescribeTable',
  'DescribeTimeToLive',
  'GetItem',
  'ListTables',
  'PutItem',
  'Query',
  'Scan',
  'TagResource',
  'UntagResource',
  'ListTagsOfResource',
  'UpdateItem',
  'UpdateTable',
];

const OPERATIONS = new Set(FRONT_OPERATIONS);

/** The content types dynalite answers (anything else with a body is a 404); its answer echoes the first. */
const AMZ_JSON = 'application/x-amz-json-1.0';
const PLAIN_JSON = 'application/json';

/**
 * The front for one store, or undefined where this Node.js has no native CRC-32 (zlib.crc32 arrived in 20.15
 * and 22.2); dynalite's listener then answers everything, as before.
 */
export function dynaliteFront(store: dynaliteDb.Store): DynaliteFront | undefined {
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (!crc32) return undefined;
  const modules = new Map<string, ActionModules>();
  const modulesOf = (operation: string): ActionModules => {
    let loaded = modules.get(operation);
    if (!loaded) {
      const name = operation[0].toLowerCase() + operation.slice(1);
      /* eslint-disable @typescript-eslint/no-require-imports -- dynalite's modules are named by operation */
      loaded = {
        action: require(`dynalite/actions/${name}`) as Action,
        validation: require(`dynalite/validations/${name}`) as ActionModules['validation'],
      };
      /* eslint-enable @typescript-eslint/no-require-imports */
      modules.set(operation, loaded);
    }
    return loaded;
  };
  const answer = (contentType: string, status: number, data: unknown): DynaliteAnswer => {
    const body = Buffer.from(JSON.stringify(data));
    // The same headers, in the same order and form, as dynalite's sendData (through DynaliteResponse).
    const headers = {
      'x-amzn-requestid': requestId(),
      'x-amz-crc32': String(crc32(body)),
      'content-type': contentType,
      'content-length': String(body.length),
    };
    return { status, headers, body };
  };

  return (head, body) => {
    const plain = plainRequest(head, body);
    if (!plain) return undefined;
    const { action, validation } = modulesOf(plain.operation);
    return new Promise<DynaliteAnswer>((resolve, reject) => {
      let data: object;
      try {
        data = dynaliteValidations.checkTypes(plain.data, validation.types);
        dynaliteValidations.checkValidations(data, validation.types, validation.custom, store);
      } catch (err) {
        const failure = err as DynaliteError;
        if (failure.statusCode) resolve(answer(plain.contentType, failure.statusCode, failure.body));
        else reject(failure);
        return;
      }
      // dynalite's listener throws an error without a status from the action's callback (and so out of a
      // LevelDB callback); here it rejects, and the service answers 500 as for any other failure of dynalite.
      action(store, data, (err, result) => {
        if (err?.statusCode) resolve(answer(plain.contentType, err.statusCode, err.body));
        else if (err) reject(err);
        else resolve(answer(plain.contentType, 200, result));
      });
    });
  };
}

interface PlainRequest {
  readonly operation: string;
  readonly contentType: string;
  readonly data: object;
}

/** The request when dynalite's listener would hand it to the operation's validations; undefined otherwise. */
export function plainRequest(head: DynaliteRequestHead, body: Buffer): PlainRequest | undefined {
  const headers = head.headers;
  if (head.method.toUpperCase() !== 'POST' || head.url !== '/' || headers.origin !== undefined || body.length === 0) return undefined;
  const contentType = (headers['content-type'] ?? '').split(';')[0].trim();
  if (contentType !== AMZ_JSON && contentType !== PLAIN_JSON) return undefined;
  const target = (headers['x-amz-target'] ?? '').split('.');
  if (target.length !== 2 || !API_VERSIONS.has(target[0]) || !OPERATIONS.has(target[1])) return undefined;
  if (!signedWithHeader(headers)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(body.toString());
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  return { operation: target[1], contentType, data };
}

const SIGNATURE_PARAMETERS = ['Credential', 'Signature', 'SignedHeaders'];
let lastAccepted: string | undefined;

/**
 * True when dynalite's listener accepts the Authorization header as complete: it starts with "AWS4-" and names
 * a non-empty Credential, Signature and SignedHeaders, with a non-empty X-Amz-Date or Date header beside it. Its words
 * are separated by commas or spaces and each parameter's value ends at its second "=", as dynalite reads them.
 */
function signedWithHeader(headers: Readonly<Record<string, string>>): boolean {
  const authorization = headers.authorization;
  if (!authorization || (!headers['x-amz-date'] && !headers.date)) return false;
  // A client sends the same header until its credentials or the day change (the in-process clients never sign:
  // src/config/clients.ts), so the last one accepted is remembered.
  if (authorization === lastAccepted) return true;
  if (!authorization.trim().startsWith('AWS4-')) return false;
  const parameters = new Map<string, string | undefined>();
  for (const word of authorization.split(/[, ]/).slice(1)) {
    if (word === '') continue;
    const [name, value] = word.trim().split('=');
    parameters.set(name, value);
  }
  if (!SIGNATURE_PARAMETERS.every((name) => Boolean(parameters.get(name)))) return false;
  lastAccepted = authorization;
  return true;
}

/**
 * dynalite's request id: 39 random bytes in base64, upper-cased, "+" and "/" turned into "0" (52 characters of
 * A–Z and 0–9). The bytes are drawn 512 ids at a time instead of one system call per request.
 */
const ID_BYTES = 39;
const idPool = Buffer.alloc(ID_BYTES * 512);
let idOffset = idPool.length;

function requestId(): string {
  if (idOffset === idPool.length) {
    randomFillSync(idPool);
    idOffset = 0;
  }
  const text = idPool.toString('base64', idOffset, idOffset + ID_BYTES);
  idOffset += ID_BYTES;
  return text.toUpperCase().replace(/[+/]/g, '0');
}
