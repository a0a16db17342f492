// TestState (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html): runs one
// state, alone or named by `stateName` in a whole definition, with its integration real (through the
// sandbox's task runner, as AWS calls the real service) or mocked. The engine runs it (src/engine/test-state);
// this file parses the JSON-text members, checks the request on its own, and renders the inspection data
// at the requested level. Error texts are AWS's, as recorded from TestState responses.
import type { InspectionData, TestStateInput, TestStateOutput } from '@aws-sdk/client-sfn';
import {
  DefinitionError,
  parseTestDefinition,
  testState,
  TestStateRequestError,
  type Inspection,
  type TestMock,
  type TestStateResult,
} from '../../../../engine';
import { ServiceError } from '../../../../server/service-error';
import { invalidDefinition } from '../../runs/definitions';
import { ValidationException } from '../errors';
import { jsonText, parseExecutionInput } from '../execution-input';
import { validateMockResult } from '../mock-result-schema';
import { defineOperation, type OperationContext } from '../operation';
import * as S from '../shapes';
import { optional } from '../wire';

export const testStateOperation = defineOperation<TestStateInput, TestStateOutput>({
  input: S.structure(
    {
      definition: S.Definition,
      roleArn: S.Arn,
      input: S.SensitiveData,
      inspectionLevel: S.InspectionLevel,
      revealSecrets: S.Bool,
      variables: S.SensitiveData,
      stateName: { type: 'string', min: 1, max: 80 },
      mock: S.structure({
        result: S.SensitiveData,
        errorOutput: S.structure({ error: S.SensitiveError, cause: S.SensitiveCause }),
        fieldValidationMode: S.MockResponseValidationMode,
      }),
      context: S.SensitiveData,
      stateConfiguration: S.structure({
        retrierRetryCount: { type: 'integer', min: 0 },
        errorCausedByState: { type: 'string', min: 1, max: 80 },
        mapIterationFailureCount: { type: 'integer', min: 0 },
        mapItemReaderData: S.SensitiveData,
      }),
    },
    ['definition'],
  ),
  async handle(ctx, input) {
    const mock = parseMock(input);
    const config = input.stateConfiguration ?? {};
    const target = parseTarget(ctx, input);
    if (!target.node) throw new ValidationException('State not found in definition');
    if (mock?.kind === 'result' && target.node.Type === 'Task') {
      validateMockResult(target.node.resource, mock.result, input.mock?.fieldValidationMode ?? 'STRICT');
    }
    const result = await run(ctx, {
      definition: target.definition,
      node: target.node,
      input: parseExecutionInput(input.input).value,
      variables: parseVariables(input.variables),
      roleArn: input.roleArn,
      mock,
      context: input.context === undefined ? undefined : parseContext(input.context),
      configuration: {
        retrierRetryCount: config.retrierRetryCount,
        errorCausedByState: config.errorCausedByState,
        mapIterationFailureCount: config.mapIterationFailureCount,
        mapItemReaderData: config.mapItemReaderData === undefined ? undefined : parseJson(config.mapItemReaderData, 'MapItemReaderData must be valid JSON'),
      },
    });
    return response(result, input.inspectionLevel ?? 'INFO');
  },
});

function parseMock(input: TestStateInput): TestMock | undefined {
  const { mock } = input;
  if (!mock || (mock.result === undefined && mock.errorOutput === undefined)) return undefined;
  if (mock.result !== undefined && mock.errorOutput !== undefined) {
    throw new ValidationException('A test mock should have only one of the following fields: [result, errorOutput].');
  }
  if (input.revealSecrets) throw new ValidationException('TestState does not support RevealSecrets when a mock is specified.');
  if (mock.errorOutput) return { kind: 'error', error: mock.errorOutput.error, cause: mock.errorOutput.cause };
  return { kind: 'result', result: parseJson(mock.result as string, 'Mocked result must be valid JSON') };
}

function parseTarget(ctx: OperationContext, input: TestStateInput) {
  try {
    return parseTestDefinition(input.definition as string, input.stateName, ctx.tasks);
  } catch (err) {
    throw err instanceof DefinitionError ? invalidDefinition(err) : err;
  }
}

function parseJson(text: string, message: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationException(message);
  }
}

/** [UNCONFIRMED] texts: AWS's messages for malformed variables are not recorded. */
function parseVariables(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  const value = parseJson(text, 'Variables must be valid JSON');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ValidationException('Variables must be a JSON object');
  return value as Record<string, unknown>;
}

function parseContext(text: string): Record<string, unknown> {
  const value = parseJson(text, 'Invalid Context object provided: the context must be valid JSON');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationException('Invalid Context object provided: the context must be a JSON object');
  }
  return value as Record<string, unknown>;
}

async function run(ctx: OperationContext, request: Parameters<typeof testState>[1]): Promise<TestStateResult> {
  const deps = { clock: ctx.clock, region: ctx.region, accountId: ctx.accountId, uuid: ctx.uuid, random: Math.random, tasks: ctx.tasks };
  try {
    return await testState(deps, request);
  } catch (err) {
    if (err instanceof TestStateRequestError) throw new ServiceError(err.code, err.message);
    throw err;
  }
}

const JSON_FIELDS = [
  'input',
  'afterInputPath',
  'afterParameters',
  'afterArguments',
  'result',
  'afterResultSelector',
  'afterResultPath',
  'variables',
  'afterItemsPath',
  'afterItemSelector',
  'afterItemBatcher',
] as const;

/** INFO: status, output / error, next state. DEBUG and TRACE add the inspection data (TRACE's HTTP request/response only exist for HTTP Tasks). */
function response(result: TestStateResult, level: string): TestStateOutput {
  return {
    ...(result.hasOutput ? { output: jsonText(result.output) } : {}),
    ...optional('error', result.error),
    ...optional('cause', result.cause),
    ...optional('nextState', result.nextState),
    status: result.status,
    ...(level === 'INFO' ? {} : { inspectionData: inspectionData(result.inspection) }),
  };
}

function inspectionData(inspection: Inspection): InspectionData {
  const data: InspectionData = {};
  for (const field of JSON_FIELDS) if (field in inspection) data[field] = jsonText(inspection[field]);
  for (const field of ['toleratedFailureCount', 'toleratedFailurePercentage', 'maxConcurrency'] as const) {
    if (inspection[field] !== undefined) data[field] = inspection[field];
  }
  if (inspection.errorDetails) data.errorDetails = { ...inspection.errorDetails };
  return data;
}
