// Jest globalSetup of `npm run test:containers`: one clear failure, before any suite starts, when Docker or an
// image is missing, instead of the same error repeated by every suite. The run must never pass without Docker.
import { connectImageStore, requireLocalImages, settingsFromEnv } from './preflight';

export default async function checkDocker(): Promise<void> {
  const settings = settingsFromEnv(process.env);
  await requireLocalImages(await connectImageStore(), settings.images);
}
