// Map ItemProcessor / legacy Iterator (docs/aws-behaviour.md#map-state): ProcessorConfig {Mode INLINE|DISTRIBUTED, ExecutionType},
// StartAt, States. A legacy Iterator may carry a ProcessorConfig too; AWS honours it (a recorded DISTRIBUTED
// Iterator starts a Map Run). QueryLanguage cannot be declared there ("Field 'QueryLanguage' is not
// supported", measured by floci #2968); its states inherit the machine's language. A DISTRIBUTED processor
// is also compiled as its own state machine (type = ExecutionType) for the child executions.
import { isJsonObject } from '../../query/common/json-object';
import type { StateMachineType } from '../../runtime/types';
import { checkObjectFields } from '../allowed-fields';
import type { FieldReader } from '../field-reader';
import { at, type Json } from '../parse-context';
import type { ItemProcessor, StateMachineDefinition } from '../types';
import type { ProgramParser } from './state-parser';

interface ParsedProcessor {
  readonly processor: ItemProcessor;
  readonly childDefinition?: StateMachineDefinition;
}

function processorConfig(reader: FieldReader, raw: Json, location: string) {
  const { ctx } = reader;
  const config = ctx.object(raw, 'ProcessorConfig', location) ?? {};
  const configLocation = at(location, 'ProcessorConfig');
  checkObjectFields(ctx, config, ['Mode', 'ExecutionType'], configLocation);
  const mode = ctx.oneOf(config, 'Mode', configLocation, ['INLINE', 'DISTRIBUTED'] as const) ?? 'INLINE';
  const executionType = ctx.oneOf(config, 'ExecutionType', configLocation, ['STANDARD', 'EXPRESS'] as const);
  if (mode === 'DISTRIBUTED' && config.ExecutionType === undefined) ctx.requiredField(config, 'ExecutionType', configLocation);
  return { mode, executionType };
}

export function parseItemProcessor(reader: FieldReader, raw: Json, location: string, programs: ProgramParser): ParsedProcessor | undefined {
  const { ctx } = reader;
  const key = raw.ItemProcessor !== undefined ? 'ItemProcessor' : 'Iterator';
  if (raw.ItemProcessor !== undefined && raw.Iterator !== undefined) {
    ctx.error("The fields 'ItemProcessor' and 'Iterator' are mutually exclusive", location);
  }
  if (raw[key] === undefined) {
    ctx.required(raw, ['ItemProcessor'], location);
    return undefined;
  }
  const block = raw[key];
  const blockLocation = at(location, key);
  if (!isJsonObject(block)) {
    ctx.error('Expected value of type Object', blockLocation);
    return undefined;
  }
  const { mode, executionType } = processorConfig(reader, block, blockLocation);
  if (mode === 'INLINE') {
    const program = programs(block, blockLocation, reader.express, ['ProcessorConfig']);
    return { processor: { ...program, Mode: 'INLINE' } };
  }
  const type: StateMachineType = executionType ?? 'STANDARD';
  const childCtx = ctx.child();
  // EXPRESS children refuse `.sync` / `.waitForTaskToken` exactly like an EXPRESS machine.
  const program = programs(block, blockLocation, reader.express || type === 'EXPRESS', ['ProcessorConfig'], childCtx);
  // The child's source must stand alone as a definition: no ProcessorConfig, the machine's QueryLanguage.
  const { ProcessorConfig: _config, ...standalone } = block;
  const source = JSON.stringify(ctx.machineLanguage === 'JSONata' ? { QueryLanguage: 'JSONata', ...standalone } : standalone);
  const childDefinition: StateMachineDefinition = {
    source,
    queryLanguage: ctx.machineLanguage,
    type,
    variableReferences: childCtx.referencesByState(),
    program,
  };
  return { processor: { ...program, Mode: 'DISTRIBUTED', ExecutionType: type }, childDefinition };
}
