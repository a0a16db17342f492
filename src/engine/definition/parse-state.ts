// One state: Type, QueryLanguage inheritance, allowed fields, Next/End, data-flow fields, then the
// type's own parser. The registry is checked exhaustive with `satisfies`, so a new state type fails to compile until it is parsed.
import { isJsonObject } from '../query/common/json-object';
import { checkStateFields } from './allowed-fields';
import { FieldReader } from './field-reader';
import type { ParseContext } from './parse-context';
import { parseStateIO } from './state-io';
import { parseChoice } from './states/choice';
import { parseFail } from './states/fail';
import { parseMap } from './states/map';
import { parseParallel } from './states/parallel';
import { parsePass } from './states/pass';
import type { ProgramParser, StateBase, StateParser } from './states/state-parser';
import { parseSucceed } from './states/succeed';
import { parseTask } from './states/task';
import { parseWait } from './states/wait';
import { STATE_TYPES, type QueryLanguage, type StateNode, type StateType } from './types';

const PARSERS = {
  Task: parseTask,
  Wait: parseWait,
  Pass: parsePass,
  Succeed: parseSucceed,
  Fail: parseFail,
  Choice: parseChoice,
  Parallel: parseParallel,
  Map: parseMap,
} satisfies { [T in StateType]: StateParser<T> };

const TRANSITIONING: readonly StateType[] = ['Task', 'Wait', 'Pass', 'Parallel', 'Map'];
const LANGUAGES = ['JSONPath', 'JSONata'] as const;

function stateLanguage(ctx: ParseContext, raw: Record<string, unknown>, location: string): QueryLanguage {
  const declared = ctx.oneOf(raw, 'QueryLanguage', location, LANGUAGES);
  if (declared === 'JSONPath' && ctx.machineLanguage === 'JSONata') {
    ctx.error("'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", location);
  }
  return declared ?? ctx.machineLanguage;
}

// AWS's wording for a missing or doubled transition is not recorded [UNCONFIRMED].
function transition(ctx: ParseContext, raw: Record<string, unknown>, location: string): string | undefined {
  const next = ctx.string(raw, 'Next', location);
  const end = ctx.boolean(raw, 'End', location);
  if (raw.Next !== undefined && raw.End !== undefined) {
    ctx.error("The fields 'Next' and 'End' are mutually exclusive", location);
  } else if (raw.Next === undefined && end !== true) {
    ctx.error("Either 'Next' or 'End: true' is required", location);
  }
  return next;
}

export function parseState(ctx: ParseContext, name: string, raw: unknown, location: string, express: boolean, programs: ProgramParser): StateNode | undefined {
  if (!isJsonObject(raw)) {
    ctx.error('Expected value of type Object', location);
    return undefined;
  }
  if (name.length > 80) ctx.error('State names must be at most 80 characters long', location);
  if (!ctx.required(raw, ['Type'], location)) return undefined;
  const type = ctx.oneOf(raw, 'Type', location, STATE_TYPES);
  if (!type) return undefined;
  const language = stateLanguage(ctx, raw, location);
  checkStateFields(ctx, raw, type, language, location);
  const reader = new FieldReader(ctx, name, location, language, express);
  const base: StateBase<StateType> = {
    Type: type,
    name,
    location,
    Comment: ctx.string(raw, 'Comment', location),
    io: parseStateIO(reader, raw),
    Next: TRANSITIONING.includes(type) ? transition(ctx, raw, location) : undefined,
  };
  const parser = PARSERS[type] as StateParser<StateType>;
  return parser(raw, base, reader, programs);
}
