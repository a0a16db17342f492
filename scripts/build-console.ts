// `npm run build` (after tsc): the console's front end as static files in dist/console/ (app.js, index.html,
// style.css), which the compiled endpoint serves as they are; under tsx the route bundles console/src itself.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleConsole, CONSOLE_DIR } from '../src/console/bundle';
import { main } from './lib/cli';

main(async () => {
  const out = join(__dirname, '..', 'dist', 'console');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'app.js'), await bundleConsole(CONSOLE_DIR));
  for (const file of ['index.html', 'style.css']) copyFileSync(join(CONSOLE_DIR, file), join(out, file));
  console.log(`console built in ${out}`);
  return 0;
});
