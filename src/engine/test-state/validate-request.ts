// The TestState checks that depend on the state being tested, with AWS's recorded texts. Checks on the
// request alone (mock fields, JSON syntax) are the API layer's.
import type { Program, StateNode } from '../definition/types';
import { TestStateRequestError, type TestStateRequest } from './types';

const MOCKABLE = new Set(['Task', 'Map', 'Parallel']);
const CONTEXT_FIELDS = ['Execution', 'State', 'StateMachine', 'Task'];
const CONTEXT_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  Execution: ['Id', 'Input', 'Name', 'RoleArn', 'StartTime', 'RedriveCount'],
  State: ['Name', 'EnteredTime', 'RetryCount'],
  StateMachine: ['Id', 'Name'],
  Task: ['Token'],
};
/** Members that must be strings when given (AWS recorded `Execution.Id must be a string`). */
const STRING_MEMBERS = new Set([
  'Execution.Id',
  'Execution.Name',
  'Execution.StartTime',
  'State.Name',
  'State.EnteredTime',
  'StateMachine.Id',
  'StateMachine.Name',
  'Task.Token',
]);

const invalid = (message: string) => new TestStateRequestError('ValidationException', message);

export function validateTestRequest(request: TestStateRequest): void {
  const { node, mock, configuration } = request;
  // Recorded order: this comes before the Map/Parallel-needs-a-mock check.
  if (configuration.mapIterationFailureCount !== undefined && !mock) {
    throw invalid('TestState does not support MapIterationFailureCount when a mock is not specified.');
  }
  if (mock && !MOCKABLE.has(node.Type)) throw invalid(`State type '${node.Type}' is not supported when a mock is specified`);
  if (!mock && (node.Type === 'Map' || node.Type === 'Parallel')) {
    throw new TestStateRequestError(
      'InvalidDefinition',
      'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
    );
  }
  if (node.Type === 'Task' && !mock && request.roleArn === undefined) throw invalid('RoleArn must be specified when testing a Task state');
  if (node.Type === 'Task' && !mock && node.resource.pattern !== 'REQUEST_RESPONSE') {
    // The docs: only a mocked Task may use .sync or .waitForTaskToken. [UNCONFIRMED] text.
    throw invalid('TestState does not support .sync or .waitForTaskToken service integration patterns when a mock is not specified.');
  }
  if (configuration.errorCausedByState !== undefined) checkErrorCausedByState(node, configuration.errorCausedByState, mock?.kind);
  if (request.context) checkContext(node, request.context);
}

/** [UNCONFIRMED] texts: AWS's wording for these two misuses is not recorded. */
function checkErrorCausedByState(node: StateNode, name: string, mockKind: 'result' | 'error' | undefined): void {
  const programs: readonly Program[] = node.Type === 'Map' ? [node.ItemProcessor] : node.Type === 'Parallel' ? node.Branches : [];
  if (programs.length === 0 || mockKind !== 'error') {
    throw invalid('ErrorCausedByState is only supported for a Map or Parallel state with a mocked errorOutput.');
  }
  if (!programs.some((program) => containsState(program, name))) {
    throw invalid(`ErrorCausedByState '${name}' is not a state of the ${node.Type === 'Map' ? 'Map ItemProcessor' : 'Parallel branches'}.`);
  }
}

function containsState(program: Program, name: string): boolean {
  return Object.values(program.States).some(
    (state) =>
      state.name === name ||
      (state.Type === 'Map' && containsState(state.ItemProcessor, name)) ||
      (state.Type === 'Parallel' && state.Branches.some((branch) => containsState(branch, name))),
  );
}

function checkContext(node: StateNode, context: Record<string, unknown>): void {
  const prefix = 'Invalid Context object provided: ';
  for (const [field, value] of Object.entries(context)) {
    if (field === 'Map') throw invalid(`${prefix}'Map' field is not supported when mocking a Context object`);
    if (!CONTEXT_FIELDS.includes(field)) throw invalid(`${prefix}Field '${field}' is not allowed`);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(`${prefix}${field} must be an object`);
    for (const [member, memberValue] of Object.entries(value)) {
      if (!CONTEXT_MEMBERS[field].includes(member)) throw invalid(`${prefix}Field '${member}' is not allowed`);
      if (STRING_MEMBERS.has(`${field}.${member}`) && typeof memberValue !== 'string') throw invalid(`${prefix}${field}.${member} must be a string`);
    }
  }
  const tokenTask = node.Type === 'Task' && node.resource.pattern !== 'REQUEST_RESPONSE';
  if ('Task' in context && !tokenTask) {
    throw invalid(`${prefix}Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern`);
  }
}
