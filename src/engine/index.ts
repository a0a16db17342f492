// Public API of the ASL engine: parse/validate definitions, run executions, and the ports the engine is run
// with. The only way into the engine from the rest of src/ (eslint.config.mjs rejects deeper imports); the
// engine itself imports nothing from outside src/engine.
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
export type { EngineDeps, ExecutionIdentity, ExecutionOutcome, ExecutionStatus, HistoryRecorder, StateMachineType, StopReason } from './runtime/types';
export { DefinitionError, formatDiagnostic, type Diagnostic } from './errors/definition-error';
export { StatesError, StatesErrorName, toStatesError } from './errors/states-error';
// The ports the engine is run with: time, Task integrations, and the callback patterns (task tokens, activities).
export { ScaledClock, type Clock } from './runtime/clock';
// The 256 KiB payload quota, which Task integrations also enforce on a service's result.
export { checkTaskResult } from './runtime/data-limit';
export { javaInstantText } from './query/common/java-text';
export type { ResolvedResource, TaskInvocation, TaskRunner } from './integrations/types';
export type { ActivityPickup, CallbackOutcome, CallbackPort, PendingCallback, ScheduledActivity } from './integrations/callbacks';
// The Distributed Map port (src/map-run implements it) and the ASL rules the runtime applies to the values the
// engine evaluated: ItemBatcher grouping and the tolerated failure threshold (TestState applies them too).
export type { CsvDelimiter } from './definition/map-types';
export type {
  DistributedMapFields,
  DistributedMapPort,
  DistributedMapRequest,
  ItemReaderSpec,
  ItemSource,
  MapRunEvents,
  ResultWriterRequest,
} from './states/map/distributed-port';
export { batchItems, type Batch, type IndexedItem, type ItemBatcherConfig } from './states/map/item-batcher';
export { FailureThreshold, type Tolerance } from './states/map/tolerated-failure';
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
export { whenAborted } from './runtime/abort';
