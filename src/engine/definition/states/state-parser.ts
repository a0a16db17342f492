// Signature shared by the per-type definition parsers (one file per state type, registered in parse-state.ts).
import type { FieldReader } from '../field-reader';
import type { Json, ParseContext } from '../parse-context';
import type { Program, StateIO, StateNodeOf, StateType } from '../types';

export interface StateBase<T extends StateType> {
  readonly Type: T;
  readonly name: string;
  readonly location: string;
  readonly Comment?: string;
  readonly io: StateIO;
  readonly Next?: string;
}

/**
 * Parses a nested `{StartAt, States}` block (Parallel branch, Map ItemProcessor). `extraFields` are other
 * fields the block may carry (ProcessorConfig); `ctx` overrides the context (a Distributed Map child machine).
 */
export type ProgramParser = (raw: unknown, location: string, express: boolean, extraFields?: readonly string[], ctx?: ParseContext) => Program;

export type StateParser<T extends StateType> = (raw: Json, base: StateBase<T>, reader: FieldReader, programs: ProgramParser) => StateNodeOf<T>;
