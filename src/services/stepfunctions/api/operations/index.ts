// The operation table, keyed by the X-Amz-Target suffix (`AWSStepFunctions.<Op>`).
import type { Operation } from '../operation';
import { createActivity } from './create-activity';
import { createStateMachine } from './create-state-machine';
import { deleteActivity } from './delete-activity';
import { deleteStateMachine } from './delete-state-machine';
import { describeActivity } from './describe-activity';
import { describeExecution } from './describe-execution';
import { getActivityTask } from './get-activity-task';
import { describeMapRun } from './describe-map-run';
import { describeStateMachine } from './describe-state-machine';
import { describeStateMachineForExecution } from './describe-state-machine-for-execution';
import { getExecutionHistory } from './get-execution-history';
import { listActivities } from './list-activities';
import { listExecutions } from './list-executions';
import { listMapRuns } from './list-map-runs';
import { listStateMachines } from './list-state-machines';
import { listTagsForResource } from './list-tags-for-resource';
import { redriveExecution } from './redrive-execution';
import { sendTaskFailure } from './send-task-failure';
import { sendTaskHeartbeat } from './send-task-heartbeat';
import { sendTaskSuccess } from './send-task-success';
import { startExecution } from './start-execution';
import { startSyncExecution } from './start-sync-execution';
import { stopExecution } from './stop-execution';
import { testStateOperation } from './test-state';
import { tagResource } from './tag-resource';
import { untagResource } from './untag-resource';
import { updateMapRun } from './update-map-run';
import { updateStateMachine } from './update-state-machine';
import { validateStateMachineDefinition } from './validate-state-machine-definition';
import { updateStateMachineAlias } from './update-state-machine-alias';
import { publishStateMachineVersion } from './publish-state-machine-version';
import { listStateMachineVersions } from './list-state-machine-versions';
import { listStateMachineAliases } from './list-state-machine-aliases';
import { describeStateMachineAlias } from './describe-state-machine-alias';
import { deleteStateMachineVersion } from './delete-state-machine-version';
import { deleteStateMachineAlias } from './delete-state-machine-alias';
import { createStateMachineAlias } from './create-state-machine-alias';

/** Inputs differ per operation; the table only needs "validated JSON object in, response out". */
export type AnyOperation = Operation<object, unknown>;

export const operations: Readonly<Record<string, AnyOperation>> = {
  CreateActivity: createActivity,
  CreateStateMachine: createStateMachine,
  DeleteActivity: deleteActivity,
  DeleteStateMachine: deleteStateMachine,
  DescribeActivity: describeActivity,
  DescribeExecution: describeExecution,
  DescribeMapRun: describeMapRun,
  DescribeStateMachine: describeStateMachine,
  DescribeStateMachineForExecution: describeStateMachineForExecution,
  GetActivityTask: getActivityTask,
  GetExecutionHistory: getExecutionHistory,
  ListActivities: listActivities,
  ListExecutions: listExecutions,
  ListMapRuns: listMapRuns,
  ListStateMachines: listStateMachines,
  ListTagsForResource: listTagsForResource,
  RedriveExecution: redriveExecution,
  SendTaskFailure: sendTaskFailure,
  SendTaskHeartbeat: sendTaskHeartbeat,
  SendTaskSuccess: sendTaskSuccess,
  StartExecution: startExecution,
  StartSyncExecution: startSyncExecution,
  StopExecution: stopExecution,
  TestState: testStateOperation,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateMapRun: updateMapRun,
  UpdateStateMachine: updateStateMachine,
  ValidateStateMachineDefinition: validateStateMachineDefinition,
  CreateStateMachineAlias: createStateMachineAlias,
  DeleteStateMachineAlias: deleteStateMachineAlias,
  DeleteStateMachineVersion: deleteStateMachineVersion,
  DescribeStateMachineAlias: describeStateMachineAlias,
  ListStateMachineAliases: listStateMachineAliases,
  ListStateMachineVersions: listStateMachineVersions,
  PublishStateMachineVersion: publishStateMachineVersion,
  UpdateStateMachineAlias: updateStateMachineAlias,
};
