// npm run seed — generate an orders CSV (reproducible with --seed) and upload it to S3.
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { writeFileSync } from 'node:fs';
import { defectName } from '../src/pipeline/demo-run';
import { DEFAULT_MALFORMED_KINDS, generateOrdersCsv, MALFORMED_KINDS, type MalformedKind } from '../src/pipeline/orders-csv';
import { fail, flags, intFlag, main, scriptContext } from './lib/cli';

const USAGE = `usage: npm run seed -- [--rows N] [--seed S] [--malformed K] [--kinds k1,k2] [--key KEY] [--out FILE]
  --rows N        data rows (default 10000)
  --seed S        generator seed (default 1): same seed, same file
  --malformed K   inject K malformed rows, one kind after another (default kinds: ${DEFAULT_MALFORMED_KINDS.join(', ')})
  --kinds LIST    only these kinds, from: ${MALFORMED_KINDS.join(', ')}. unbalanced-quote is never a default:
                  a stray quote swallows the lines up to the next quote, or fails the whole read at the end
  Defects are named by CSV line (the header is line 1) and data row (counted from 1 after the header,
  the csvRow the pipeline stores).
  --key KEY       S3 key (default <prefix>/<csvFile> from the config)
  --out FILE      also write the CSV to a local file`;

main(async (argv) => {
  const { values } = flags(
    argv,
    {
      rows: { type: 'string' },
      seed: { type: 'string' },
      malformed: { type: 'string' },
      kinds: { type: 'string' },
      key: { type: 'string' },
      out: { type: 'string' },
    },
    USAGE,
  );
  if (values.help) return void console.log(USAGE);
  const kinds = values.kinds?.split(',').map((k) => k.trim()) as MalformedKind[] | undefined;
  for (const k of kinds ?? []) if (!MALFORMED_KINDS.includes(k)) fail(`--kinds: unknown kind '${k}' (known: ${MALFORMED_KINDS.join(', ')})`);
  const csv = generateOrdersCsv({
    rows: intFlag('rows', values.rows, 10_000),
    seed: intFlag('seed', values.seed, 1),
    malformed: intFlag('malformed', values.malformed, 0),
    kinds,
  });
  const { config, clients } = scriptContext();
  const key = values.key ?? `${config.prefix}/${config.csvFile}`;
  await clients.s3.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: csv.text, ContentType: 'text/csv' }));
  if (values.out) writeFileSync(values.out, csv.text);
  console.log(`uploaded s3://${config.bucket}/${key}: ${csv.rows.length} well-formed rows, ${csv.defects.length} malformed`);
  for (const d of csv.defects) console.log(`  ${defectName(d)}: ${d.kind} ${JSON.stringify(d.text)}`);
});
