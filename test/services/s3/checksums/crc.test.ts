import { randomBytes } from 'node:crypto';
import { createCrc32, createCrc32Portable, createCrc32c, createCrc64Nvme, type Hasher } from '../../../../src/services/s3/checksums/crc';

const hex = (create: () => Hasher, ...chunks: string[]): string => {
  const hasher = create();
  for (const chunk of chunks) hasher.update(Buffer.from(chunk));
  return hasher.digest().toString('hex');
};

describe('CRC check values (input "123456789", from the CRC catalogue)', () => {
  it.each([
    ['CRC-32', createCrc32, 'cbf43926'],
    ['CRC-32 portable', createCrc32Portable, 'cbf43926'],
    ['CRC-32C', createCrc32c, 'e3069283'],
    ['CRC-64/NVME', createCrc64Nvme, 'ae8b14860a799888'],
  ])('%s', (_name, create, expected) => {
    expect(hex(create, '123456789')).toBe(expected);
    expect(hex(create, '1234', '', '56789')).toBe(expected);
  });

  it('gives the initial value for empty input', () => {
    expect(hex(createCrc32, '')).toBe('00000000');
    expect(hex(createCrc64Nvme, '')).toBe('0000000000000000');
  });

  it('portable CRC-32 agrees with the native one on random data', () => {
    const data = randomBytes(100_000);
    const native = createCrc32();
    const portable = createCrc32Portable();
    native.update(data.subarray(0, 777));
    native.update(data.subarray(777));
    portable.update(data);
    expect(portable.digest()).toEqual(native.digest());
  });
});
