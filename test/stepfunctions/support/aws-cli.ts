// The shared AWS CLI runner (test/support/aws-cli.ts), under the name these suites import.
export { awsCli, awsCliPath, runAwsCli } from '../../support/aws-cli';
