// The method, URL and headers of a DynamoDB JSON request as an SDK client sends it (signature not checked).
import type { DynaliteRequestHead } from '../../../../src/services/dynamodb/dynalite-exchange';

export function dynamoRequestHead(operation: string, region = 'us-east-1'): DynaliteRequestHead {
  return {
    method: 'POST',
    url: '/',
    headers: {
      'x-amz-target': `DynamoDB_20120810.${operation}`,
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-date': '20261205T000000Z',
      authorization: `AWS4-HMAC-SHA256 Credential=test/20261205/${region}/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
      host: '127.0.0.1:4566',
    },
  };
}
