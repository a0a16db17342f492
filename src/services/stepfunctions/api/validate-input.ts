// The one input validator: first the JSON types (a wrong type is a SerializationException, as Coral
// fails while deserializing), then every constraint, reported together in AWS's wording:
// "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must
// have value less than or equal to 1000" (docs/aws-behaviour.md#api-protocol-and-errors). Unknown members are dropped, as Coral ignores them.
import { SerializationException, ValidationException } from './errors';
import type { ListShape, NumberShape, Shape, StringShape, StructureShape } from './shapes';

type Json = Record<string, unknown>;

/** Validates and normalizes a request body; returns a copy holding only the declared members. */
export function validateInput<T>(shape: StructureShape, body: Json): T {
  const violations: string[] = [];
  const value = checkStructure(shape, body, '', violations);
  if (violations.length > 0) {
    const count = violations.length;
    throw new ValidationException(`${count} validation error${count > 1 ? 's' : ''} detected: ${violations.join('; ')}`);
  }
  return value as T;
}

function checkStructure(shape: StructureShape, value: Json, path: string, violations: string[]): Json {
  const out: Json = {};
  for (const [name, member] of Object.entries(shape.members)) {
    const memberPath = path ? `${path}.${name}` : name;
    const raw = value[name];
    if (raw === undefined || raw === null) {
      if (shape.required?.includes(name)) violations.push(`Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    out[name] = checkValue(member, raw, memberPath, violations);
  }
  return out;
}

function checkValue(shape: Shape, value: unknown, path: string, violations: string[]): unknown {
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') throw typeMismatch(value, 'String');
      return checkString(shape, value, path, violations);
    case 'integer':
    case 'long':
    case 'float':
      return checkNumber(shape, value, path, violations);
    case 'boolean':
      if (typeof value !== 'boolean') throw typeMismatch(value, 'Boolean');
      return value;
    case 'list':
      return checkList(shape, value, path, violations);
    case 'structure':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw structureMismatch(value);
      return checkStructure(shape, value as Json, path, violations);
  }
}

function checkString(shape: StringShape, value: string, path: string, violations: string[]): string {
  const fail = (constraint: string) => violations.push(`${quoted(value, shape.sensitive)} at '${path}' failed to satisfy constraint: ${constraint}`);
  if (shape.min !== undefined && value.length < shape.min) fail(`Member must have length greater than or equal to ${shape.min}`);
  else if (shape.max !== undefined && value.length > shape.max) fail(`Member must have length less than or equal to ${shape.max}`);
  else if (shape.enum && !shape.enum.includes(value)) fail(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  else if (shape.pattern && !shape.pattern.regex.test(value)) fail(`Member must satisfy regular expression pattern: ${shape.pattern.source}`);
  return value;
}

function checkNumber(shape: NumberShape, value: unknown, path: string, violations: string[]): number {
  const javaType = { integer: 'Integer', long: 'Long', float: 'Float' }[shape.type];
  if (typeof value !== 'number') throw typeMismatch(value, javaType);
  // Jackson coerces a decimal into an integral member by truncation.
  const n = shape.type === 'float' ? value : Math.trunc(value);
  const fail = (constraint: string) => violations.push(`Value '${n}' at '${path}' failed to satisfy constraint: ${constraint}`);
  if (shape.min !== undefined && n < shape.min) fail(`Member must have value greater than or equal to ${shape.min}`);
  else if (shape.max !== undefined && n > shape.max) fail(`Member must have value less than or equal to ${shape.max}`);
  return n;
}

function checkList(shape: ListShape, value: unknown, path: string, violations: string[]): unknown[] {
  if (!Array.isArray(value)) {
    if (typeof value === 'object' && value !== null) throw new SerializationException('Start of structure or map found where not expected');
    throw new SerializationException('Unexpected field type');
  }
  if (shape.max !== undefined && value.length > shape.max) {
    const shown = shape.render ? shape.render(value) : JSON.stringify(value);
    violations.push(`Value '${shown}' at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`);
  }
  return value.map((item, i) => checkValue(shape.member, item, `${path}.${i + 1}.member`, violations));
}

function quoted(value: string, sensitive?: boolean): string {
  return sensitive ? 'Value' : `Value '${value}'`;
}

// Coral's deserializer wording (as dynalite reproduces it for DynamoDB). [UNCONFIRMED] for Step Functions.
function typeMismatch(value: unknown, javaType: string): SerializationException {
  if (Array.isArray(value)) return new SerializationException(`Unrecognized collection type class java.lang.${javaType}`);
  if (typeof value === 'object' && value !== null) return new SerializationException('Start of structure or map found where not expected');
  if (typeof value === 'boolean') return new SerializationException(`${value ? 'TRUE' : 'FALSE'}_VALUE cannot be converted to ${javaType}`);
  if (typeof value === 'number') {
    return new SerializationException(`${Number.isInteger(value) ? 'NUMBER' : 'DECIMAL'}_VALUE cannot be converted to ${javaType}`);
  }
  return new SerializationException(`STRING_VALUE cannot be converted to ${javaType}`);
}

function structureMismatch(value: unknown): SerializationException {
  if (Array.isArray(value)) return new SerializationException('Start of list found where not expected');
  return new SerializationException('Unexpected field type');
}
