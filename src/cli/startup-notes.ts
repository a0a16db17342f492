// What the environment changes about a started sandbox, said once at start-up (`npm run endpoint`, `npm start`),
// so a run under fault injection, mocks or a scaled clock is never mistaken for a normal one.
import type { SandboxConfig } from '../config/config';

export function startupNotes(config: SandboxConfig, options: { readonly faults: boolean }): string[] {
  const notes: string[] = [];
  const { faults, mockConfigFile, lambdaHandlers } = config.reproduce;
  if (options.faults && faults !== undefined) {
    const source = faults.trimStart().startsWith('{') ? 'inline plan' : faults;
    notes.push(`fault injection active (SANDBOX_FAULTS: ${source}): the DynamoDB calls it selects fail; a report is printed on shutdown`);
  }
  if (mockConfigFile !== undefined) {
    notes.push(`mocks loaded (SFN_MOCK_CONFIG: ${mockConfigFile}): start an execution of <stateMachineArn>#<TestCase> to use one`);
  }
  const handlers = Object.keys(lambdaHandlers);
  if (handlers.length > 0) notes.push(`local Lambda handlers (SANDBOX_LAMBDA_HANDLERS): ${handlers.join(', ')}`);
  if (config.timeScale !== 1) {
    notes.push(
      `SFN_TIME_SCALE=${config.timeScale}: Wait states, Retry delays and timeouts are scaled${config.timeScale === 0 ? ' to nothing (timeouts disabled)' : ''}`,
    );
  }
  return notes;
}
