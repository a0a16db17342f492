// JSONata query language (spec §1.3–1.7): the only entry points states use.
export { isJsonataExpression } from './jsonata-expression';
export { compileJsonataTemplate, CompiledJsonataTemplate } from './template';
export { evaluateTyped, type JsonataValueKind, type JsonataKindTypes } from './evaluate-typed';
