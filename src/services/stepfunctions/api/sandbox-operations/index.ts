// The sandbox's private API (docs/console.md): what AWS offers no API for. EXPRESS executions keep no
// history in AWS, and no API says where a Map Run's results are; the sandbox keeps the latest ones (SANDBOX_EXPRESS_HISTORIES) and serves them in the
// shapes of DescribeExecution, ListExecutions and GetExecutionHistory, so clients reuse their readers.
import type { AnyOperation } from '../operations';
import { describeExpressExecution } from './describe-express-execution';
import { describeMapRunResults } from './describe-map-run-results';
import { getExpressExecutionHistory } from './get-express-execution-history';
import { listExpressExecutions } from './list-express-executions';

export const sandboxOperations: Readonly<Record<string, AnyOperation>> = {
  DescribeExpressExecution: describeExpressExecution,
  DescribeMapRunResults: describeMapRunResults,
  GetExpressExecutionHistory: getExpressExecutionHistory,
  ListExpressExecutions: listExpressExecutions,
};
