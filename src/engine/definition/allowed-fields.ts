// Which fields each state type accepts, per query language (docs/aws-behaviour.md#query-languages-and-data-flow, #state-types). AWS rejects any other field
// with `Field '<name>' is not supported` at the state, and a field of the other language with
// `The QueryLanguage is set to '<L>', but field '<name>' is only supported for the '<other>' QueryLanguage`
// (both measured against AWS by the floci project, issues #2735 / #2968).
import type { Json, ParseContext } from './parse-context';
import type { QueryLanguage, StateType } from './types';

interface FieldSets {
  readonly both: readonly string[];
  readonly JSONPath: readonly string[];
  readonly JSONata: readonly string[];
}

const COMMON = ['Type', 'Comment', 'QueryLanguage'];
const IO_PATHS = ['InputPath', 'OutputPath'];

const FIELDS: Record<StateType, FieldSets> = {
  Pass: { both: ['Next', 'End', 'Assign'], JSONPath: [...IO_PATHS, 'Parameters', 'Result', 'ResultPath'], JSONata: ['Output'] },
  Task: {
    both: ['Next', 'End', 'Resource', 'Retry', 'Catch', 'TimeoutSeconds', 'HeartbeatSeconds', 'Credentials', 'Assign'],
    JSONPath: [...IO_PATHS, 'Parameters', 'ResultSelector', 'ResultPath', 'TimeoutSecondsPath', 'HeartbeatSecondsPath'],
    JSONata: ['Arguments', 'Output'],
  },
  Choice: { both: ['Choices', 'Default', 'Assign'], JSONPath: IO_PATHS, JSONata: ['Output'] },
  Wait: {
    both: ['Next', 'End', 'Seconds', 'Timestamp', 'Assign'],
    JSONPath: [...IO_PATHS, 'SecondsPath', 'TimestampPath'],
    JSONata: ['Output'],
  },
  Succeed: { both: [], JSONPath: IO_PATHS, JSONata: ['Output'] },
  Fail: { both: ['Error', 'Cause'], JSONPath: ['ErrorPath', 'CausePath'], JSONata: [] },
  Parallel: {
    both: ['Next', 'End', 'Branches', 'Retry', 'Catch', 'Assign'],
    JSONPath: [...IO_PATHS, 'Parameters', 'ResultSelector', 'ResultPath'],
    JSONata: ['Arguments', 'Output'],
  },
  Map: {
    both: [
      'Next',
      'End',
      'ItemProcessor',
      'Iterator',
      'ItemReader',
      'ItemBatcher',
      'ResultWriter',
      'ItemSelector',
      'MaxConcurrency',
      'ToleratedFailureCount',
      'ToleratedFailurePercentage',
      'Label',
      'Retry',
      'Catch',
      'Assign',
    ],
    JSONPath: [
      ...IO_PATHS,
      'ItemsPath',
      'Parameters',
      'ResultSelector',
      'ResultPath',
      'MaxConcurrencyPath',
      'ToleratedFailureCountPath',
      'ToleratedFailurePercentagePath',
    ],
    JSONata: ['Items', 'Output'],
  },
};

const OTHER: Record<QueryLanguage, QueryLanguage> = { JSONPath: 'JSONata', JSONata: 'JSONPath' };

/** Reports every field the state may not carry; returns false when any was found. */
export function checkStateFields(ctx: ParseContext, raw: Json, type: StateType, language: QueryLanguage, location: string): boolean {
  const sets = FIELDS[type];
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (COMMON.includes(key) || sets.both.includes(key) || sets[language].includes(key)) continue;
    ok = false;
    if (sets[OTHER[language]].includes(key)) {
      ctx.error(`The QueryLanguage is set to '${language}', but field '${key}' is only supported for the '${OTHER[language]}' QueryLanguage`, location);
    } else {
      ctx.error(`Field '${key}' is not supported`, location);
    }
  }
  return ok;
}

/** Fields of a nested object (ItemReader, ReaderConfig, ...): anything else is `Field '<name>' is not supported`. */
export function checkObjectFields(ctx: ParseContext, raw: Json, allowed: readonly string[], location: string): void {
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) ctx.error(`Field '${key}' is not supported`, location);
  }
}
