// The scope a tested state runs in: an EXPRESS-like execution of its own whose history nobody reads,
// the request's variables, and a clock on which Wait states and retry back-offs take no time (TestState
// reports what the state does, it does not wait it out [UNCONFIRMED: AWS does not document Wait timing]).
import { EventChain, EventLog } from '../history/event-log';
import { expireAfter, type Clock } from '../runtime/clock';
import type { ExecutionContext } from '../runtime/context-object';
import { runProgram } from '../runtime/run-program';
import type { Scope } from '../runtime/scope';
import type { EngineDeps, ExecutionIdentity } from '../runtime/types';
import { VariableScope } from '../runtime/variables';
import type { TestStateRequest } from './types';

/** Sleeps (Wait, back-off) end at once; timeouts (a Task's TimeoutSeconds) run on the sandbox's clock. */
function instantClock(clock: Clock): Clock {
  return {
    now: () => clock.now(),
    sleep: (_ms, signal) => (signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve()),
    timeout: (ms, signal) => expireAfter(clock, ms, signal),
  };
}

function identity(deps: EngineDeps, request: TestStateRequest): ExecutionIdentity {
  const stateMachineName = `TestStateMachine-${deps.uuid()}`;
  const executionName = deps.uuid();
  const base = `arn:aws:states:${deps.region}:${deps.accountId}`;
  return {
    executionArn: `${base}:express:${stateMachineName}:${executionName}`,
    executionName,
    stateMachineArn: `${base}:stateMachine:${stateMachineName}`,
    stateMachineName,
    roleArn: request.roleArn ?? '',
    startTime: deps.clock.now(),
    type: 'EXPRESS',
    redriveCount: 0,
    sync: true,
  };
}

/** Recorded: the context of a TestState run has no RedriveCount, and RoleArn is null when no role is given. */
function context(id: ExecutionIdentity, request: TestStateRequest): ExecutionContext {
  return {
    Execution: { Id: id.executionArn, Input: request.input, Name: id.executionName, RoleArn: request.roleArn ?? null, StartTime: id.startTime.toISOString() },
    StateMachine: { Id: id.stateMachineArn, Name: id.stateMachineName },
  };
}

export function testScope(deps: EngineDeps, request: TestStateRequest, signal: AbortSignal): Scope {
  const testDeps: EngineDeps = { ...deps, clock: instantClock(deps.clock) };
  const id = identity(deps, request);
  const log = new EventLog({ record: () => undefined, discards: true }, testDeps.clock);
  const variables = new VariableScope();
  variables.assign(request.variables);
  return {
    exec: { deps: testDeps, identity: id, context: context(id, request), log, runProgram },
    chain: new EventChain(log, 0),
    variables,
    signal,
  };
}
