// A seeded generator for `$random(seed)` and `States.MathRandom(start, end, seed)`. AWS runs on the JVM and
// documents only that a seed makes the result deterministic; we mirror java.util.Random (48-bit LCG) so a seed
// gives the value a JVM would [UNCONFIRMED that AWS uses java.util.Random; no recorded seeded value exists].

const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

export class JavaRandom {
  private seed: bigint;

  constructor(seed: number) {
    this.seed = (BigInt.asIntN(64, BigInt(Math.trunc(seed))) ^ MULTIPLIER) & MASK;
  }

  private next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  /** Uniform in [0, 1), exactly as Random.nextDouble(). */
  nextDouble(): number {
    const high = BigInt(this.next(26) >>> 0);
    const low = BigInt(this.next(27) >>> 0);
    return Number((high << 27n) + low) * 2 ** -53;
  }
}
