// npm run bench — rows per second of the pipeline against a direct BatchWriteItem load of the same rows into the
// same embedded DynamoDB; each measurement runs in its own process (see scripts/lib/bench/run-child.ts).
import { measureOne, type MeasureOptions } from './lib/bench/measure-one';
import { formatTable, jsonLine, sizeResult, type SizeResult } from './lib/bench/report';
import { CHILD_FLAG, measureInChild } from './lib/bench/run-child';
import { fail, flags, intFlag, main } from './lib/cli';

const USAGE = `usage: npm run bench -- [--sizes N,N,...] [--full] [--concurrency N] [--seed S] [--on-disk] [--cpu-prof DIR]
  --sizes LIST     row counts (default 10000,100000; --full adds 1000000)
  --concurrency N  MaxConcurrency of the Map and writers of the direct load (default 50)
  --seed S         CSV generator seed (default 1)
  --on-disk        keep S3, DynamoDB and Step Functions in a temporary data directory instead of in memory
  --cpu-prof DIR   write a V8 CPU profile of every measurement into DIR (open in Chrome DevTools)
Read from the environment: SANDBOX_DYNAMODB_THREAD and SANDBOX_EXPRESS_HISTORIES (README, Configuration).`;

main(async (argv) => {
  if (argv[0] === CHILD_FLAG) return measureHere(argv[1]);
  const { values } = flags(
    argv,
    {
      sizes: { type: 'string' },
      full: { type: 'boolean' },
      concurrency: { type: 'string' },
      seed: { type: 'string' },
      'on-disk': { type: 'boolean' },
      'cpu-prof': { type: 'string' },
    },
    USAGE,
  );
  if (values.help) return void console.log(USAGE);
  const sizes = values.sizes ? values.sizes.split(',').map((s) => intFlag('sizes', s.trim().replace(/_/g, ''), 0)) : [10_000, 100_000];
  if (values.full && !values.sizes) sizes.push(1_000_000);
  if (sizes.some((n) => n < 1)) fail('--sizes must be positive row counts');
  const common = {
    concurrency: intFlag('concurrency', values.concurrency, 50),
    seed: intFlag('seed', values.seed, 1),
    onDisk: values['on-disk'],
    cpuProfDir: values['cpu-prof'],
  };
  if (common.concurrency < 1) fail('--concurrency must be at least 1');
  const results: SizeResult[] = [];
  for (const rows of sizes) {
    const pipeline = await measureInChild(__filename, { ...common, mode: 'pipeline', rows });
    const direct = await measureInChild(__filename, { ...common, mode: 'direct', rows });
    for (const m of [pipeline, direct]) if (m.itemsInTable !== rows) throw new Error(`${m.mode} ${rows} rows: ${m.itemsInTable} items in the table`);
    results.push(sizeResult(pipeline, direct));
    console.log(jsonLine(results[results.length - 1]));
  }
  console.log(`\nstore: ${common.onDisk ? 'on disk (a temporary data directory per measurement)' : 'in memory'}\n${formatTable(results)}`);
});

async function measureHere(json: string | undefined): Promise<void> {
  let options: MeasureOptions;
  try {
    options = JSON.parse(json ?? '') as MeasureOptions;
  } catch {
    fail(`${CHILD_FLAG} expects the measurement as JSON, got '${json}'`);
  }
  console.log(JSON.stringify(await measureOne(options)));
}
