// Public API of the ASL engine: parse/validate definitions and run executions. The Step Functions service
// layer (src/services/stepfunctions) calls exactly this; the engine imports nothing from server/ or services/.
export { parseDefinition, validateDefinition } from './definition/parse-definition';
export type {
  Program,
  QueryLanguage,
  StateMachineDefinition,
  StateNode,
  StateType,
  MapState,
  ItemReader,
  ItemBatcher,
  ResultWriter,
  ReaderConfig,
  DynamicValue,
  Payload,
} from './definition/types';
export { Engine, type Checkpoint, type ExecutionRequest, type ResumePoint } from './runtime/engine';
export type {
  EngineDeps,
  ExecutionIdentity,
  ExecutionOutcome,
  ExecutionStatus,
  HistoryRecorder,
  StateMachineType,
  StopReason,
} from './runtime/types';
export { DefinitionError, type Diagnostic } from './errors/definition-error';
export { StatesError, StatesErrorName } from './errors/states-error';
// The 256 KiB payload quota, which Task integrations also enforce on a service's result.
export { MAX_PAYLOAD_BYTES } from './runtime/data-limit';
export type { DistributedMapPort, DistributedMapRequest, MapRunEvents } from './states/map/distributed-port';
// Helpers the Distributed Map runtime uses to evaluate the Map's fields the way the engine does.
export { evaluatePayload, resolveDynamic, quoteValue } from './runtime/payload';
// The TestState API: one state run on its own, with its inspection data.
export { parseTestDefinition, LONE_STATE_NAME, type TestTarget } from './test-state/test-definition';
export { testState } from './test-state/run-test-state';
export {
  TestStateRequestError,
  type Inspection,
  type TestMock,
  type TestStateConfiguration,
  type TestStateRequest,
  type TestStateResult,
  type TestStatus,
} from './test-state/types';
