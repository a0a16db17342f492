// JSONPath query language (classic ASL): the only entry points states use.
export { compileReferencePath, CompiledReferencePath } from './reference-path';
export { compilePayloadTemplate } from './payload-template';
export { applyResultPath } from './result-path';
export { compileChoiceRule } from './choice/compile-choice-rule';
export { validateTimestamp, timestampNanos } from './timestamp';
export { compileIntrinsic, type CompiledIntrinsic } from './intrinsics/compile-intrinsic';
export { isIntrinsicCall } from './intrinsics/intrinsic-syntax';
