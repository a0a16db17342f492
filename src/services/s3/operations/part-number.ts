import { InvalidArgument } from '../errors';

/** Part numbers are integers 1–10,000 (S3's InvalidArgument wording). */
export function readPartNumber(raw: string | null, name = 'partNumber'): number {
  const value = Number(raw);
  if (raw === null || !/^\d+$/.test(raw) || value < 1 || value > 10000) {
    throw new InvalidArgument('Part number must be an integer between 1 and 10000, inclusive', name, raw ?? '');
  }
  return value;
}
