// Jest globalSetup of `npm run test:containers`: one clear failure, before any suite starts, when Docker or an
// image is missing, instead of the same error repeated by every suite. The run must never pass without Docker.
// It also chooses the network mode from the daemon and sets what testcontainers needs for it, before testcontainers
// reads its environment.
import { probeDaemon } from './docker-daemon';
import { connectImageStore, requireLocalImages, settingsFromEnv } from './preflight';

export default async function checkDocker(): Promise<void> {
  const daemon = await probeDaemon(process.env);
  const settings = settingsFromEnv(process.env, daemon);
  Object.assign(process.env, settings.testcontainersEnv);
  process.stderr.write(
    `containers target: Docker at ${daemon.address}, ${settings.networkMode} networking (bridge network ${daemon.bridge ? 'present' : 'absent'})\n`,
  );
  await requireLocalImages(await connectImageStore(), settings.images);
}
