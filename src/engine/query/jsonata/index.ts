// JSONata query language (docs/aws-behaviour.md#jsonata-expressions-in-fields): the only entry points states use.
export { isJsonataExpression } from './jsonata-expression';
export { compileJsonataTemplate } from './template';
export { evaluateTyped, type JsonataValueKind } from './evaluate-typed';
