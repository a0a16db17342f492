// Builds the console's front end (console/src/*.ts, browser TypeScript) into one script with esbuild.
// `npm run build` writes it to dist/console/; under tsx (npm start) the route builds it in memory once.
import { join } from 'node:path';

/** The front end's folder: the repository's console/ (sources), or dist/console/ once compiled. */
export const CONSOLE_DIR = join(__dirname, '..', '..', 'console');

export async function bundleConsole(consoleDir = CONSOLE_DIR): Promise<string> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error(
      `the console's script is not built and esbuild is not installed: run \`npm install\` (or \`npm run build\`, which writes ${join(consoleDir, 'app.js')})`,
    );
  }
  const result = await esbuild.build({
    entryPoints: [join(consoleDir, 'src', 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
