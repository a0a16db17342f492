// npm run bootstrap — bucket, table and both state machines, created or updated (idempotent).
import { bootstrap, PIPELINE_FILES } from '../src/pipeline/deploy';
import { flags, main, scriptContext } from './lib/cli';

const USAGE = `usage: npm run bootstrap -- [--parent FILE] [--child FILE]   (configuration: .env / environment, see .env.example)
  Creates or updates the bucket, the table and both state machines.
  --parent FILE  parent definition (default ${PIPELINE_FILES.parent}); a file under statemachines/ or a path,
                 e.g. statemachines/examples/article-parent.asl.json
  --child FILE   child definition (default ${PIPELINE_FILES.child})`;

main(async (argv) => {
  const { values } = flags(argv, { parent: { type: 'string' }, child: { type: 'string' } }, USAGE);
  if (values.help) return void console.log(USAGE);
  const { config, clients } = scriptContext();
  const deployed = await bootstrap(clients, config, { parent: values.parent ?? PIPELINE_FILES.parent, child: values.child ?? PIPELINE_FILES.child });
  console.log(`bucket         s3://${deployed.bucket}`);
  console.log(`table          ${deployed.table}`);
  console.log(`child          ${deployed.childArn}`);
  console.log(`parent         ${deployed.parentArn}`);
});
