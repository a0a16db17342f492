// npm run bootstrap — bucket, table and both state machines, created or updated (idempotent).
import { bootstrap } from '../src/pipeline/deploy';
import { flags, main, scriptContext } from './lib/cli';

const USAGE = 'usage: npm run bootstrap  (configuration from .env / environment: see .env.example)';

main(async (argv) => {
  const { values } = flags(argv, {}, USAGE);
  if (values.help) return void console.log(USAGE);
  const { config, clients } = scriptContext();
  const deployed = await bootstrap(clients, config);
  console.log(`bucket         s3://${deployed.bucket}`);
  console.log(`table          ${deployed.table}`);
  console.log(`child          ${deployed.childArn}`);
  console.log(`parent         ${deployed.parentArn}`);
});
