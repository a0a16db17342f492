// Choice (docs/aws-behaviour.md#choice-state): JSONPath rules (Variable + operator, And/Or/Not) or JSONata `Condition`, each with
// Next and optional Assign (+ Output in JSONata); state-level Default. A Choice cannot end its scope.
import { isJsonObject } from '../../query/common/json-object';
import { compileChoiceRule } from '../../query/jsonpath';
import { checkObjectFields } from '../allowed-fields';
import type { FieldReader } from '../field-reader';
import { at, type Json } from '../parse-context';
import type { ChoiceCondition, ChoiceRule, ChoiceState } from '../types';
import type { StateParser } from './state-parser';

const JSONATA_RULE_FIELDS = ['Condition', 'Next', 'Assign', 'Output', 'Comment'];

function condition(reader: FieldReader, rule: Json, location: string): ChoiceCondition | undefined {
  const { ctx } = reader;
  if (reader.language === 'JSONata') {
    checkObjectFields(ctx, rule, JSONATA_RULE_FIELDS, location);
    if (!ctx.requiredField(rule, 'Condition', location)) return undefined;
    const template = reader.nested(location).jsonata(rule, 'Condition');
    return template && { QueryLanguage: 'JSONata', Condition: template };
  }
  const predicate = ctx.compile(location, () => compileChoiceRule(rule, location));
  if (!predicate) return undefined;
  ctx.noteReferences(reader.stateName, predicate.variableReferences);
  return { QueryLanguage: 'JSONPath', predicate };
}

function parseRule(reader: FieldReader, rule: unknown, location: string): ChoiceRule | undefined {
  if (!isJsonObject(rule)) {
    reader.ctx.error('Expected value of type Object', location);
    return undefined;
  }
  const next = reader.ctx.string(rule, 'Next', location);
  if (next === undefined) reader.ctx.requiredField(rule, 'Next', location);
  const nested = reader.nested(location);
  const parsedCondition = condition(reader, rule, location);
  const Assign = nested.payload(rule, 'Assign', 'Assign');
  const Output = reader.language === 'JSONata' ? nested.jsonata(rule, 'Output') : undefined;
  if (next === undefined || !parsedCondition) return undefined;
  return { Next: next, condition: parsedCondition, Assign, Output };
}

export const parseChoice: StateParser<'Choice'> = (raw, base, reader): ChoiceState => {
  const { ctx } = reader;
  const choices = ctx.array(raw, 'Choices', base.location);
  if (choices === undefined) ctx.required(raw, ['Choices'], base.location);
  else if (choices.length === 0) ctx.error('Value cannot be empty', at(base.location, 'Choices'));
  const rules = (choices ?? [])
    .map((rule, i) => parseRule(reader, rule, at(at(base.location, 'Choices'), i)))
    .filter((rule): rule is ChoiceRule => rule !== undefined);
  return { ...base, Type: 'Choice', Choices: rules, Default: ctx.string(raw, 'Default', base.location) };
};
