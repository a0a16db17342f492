// The request body of a Step Functions StartExecution or StartSyncExecution sent in-process (every Distributed
// Map child of the pipeline is one StartSyncExecution), written with JSON.stringify instead of the SDK's schema
// walk, which writes a string member one character at a time: ≈ 60 µs of main-thread CPU for a batch of ten
// rows (docs/performance.md, "Round 7"). Only inputs whose SDK text is certain are written here; anything else
// (an unknown member, a member that is not a string) goes through the SDK's serializer, so the bytes the
// service receives never differ.
//
// Why JSON.stringify gives the SDK's bytes: every input member of these two operations is a string, and the
// SDK writes a structure's members in its schema's order, skipping absent ones, with JSON.stringify's string
// escaping (the same reading of @smithy/core's JsonShapeSerializer as dynamodb-json-body.ts). The member order
// is read once per operation from the SDK's own serializer, not written down here.
import { jsonBodyInOrder } from './json-body-in-order';

/** The input members of StartExecution and StartSyncExecution (includedData is StartSyncExecution's only). */
const STRING_MEMBERS: readonly string[] = ['stateMachineArn', 'name', 'input', 'traceHeader', 'includedData'];

export const SFN_FAST_BODY_OPERATIONS: ReadonlySet<string> = new Set(['StartExecution', 'StartSyncExecution']);

/** A probe input with every member, for reading the SDK's member order (it drops what an operation lacks). */
export const SFN_MEMBER_PROBE: Readonly<Record<string, unknown>> = Object.fromEntries(STRING_MEMBERS.map((name) => [name, 'x']));

/**
 * The SDK's request body for `input`, given the operation's member order; undefined when the SDK's serializer
 * must write it.
 */
export function sfnJsonBody(input: Readonly<Record<string, unknown>>, memberOrder: readonly string[]): string | undefined {
  return jsonBodyInOrder(input, memberOrder, (_name, value) => typeof value === 'string');
}
