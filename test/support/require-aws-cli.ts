// Jest globalSetup of `npm run test:cli`: one clear line before any suite starts when the AWS CLI is missing,
// instead of the same failure repeated by every test. A missing tool fails the run; it never counts as a pass.
import { awsCliPath } from './aws-cli';

export default function requireAwsCli(): void {
  try {
    awsCliPath();
  } catch (err) {
    process.stderr.write(`npm run test:cli: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
