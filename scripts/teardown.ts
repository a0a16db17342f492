// npm run teardown — delete what bootstrap created (state machines, table, bucket and its objects).
import { teardown } from '../src/pipeline/teardown';
import { flags, main, scriptContext } from './lib/cli';

const USAGE = 'usage: npm run teardown  (deletes the configured state machines, table and bucket)';

main(async (argv) => {
  const { values } = flags(argv, {}, USAGE);
  if (values.help) return void console.log(USAGE);
  const { config, clients } = scriptContext();
  const report = await teardown(clients, config);
  console.log(`state machines deleted: ${report.stateMachines.length ? report.stateMachines.join(', ') : 'none'}`);
  console.log(`table ${config.table}: ${report.table ? 'deleted' : 'absent'}`);
  console.log(`bucket ${config.bucket}: ${report.objectsDeleted} objects deleted, bucket ${report.bucket ? 'deleted' : 'absent'}`);
});
