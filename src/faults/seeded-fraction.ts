// A stateless seeded draw in [0, 1): the same (seed, rule, operation, call) always gives the same number.
// Keyed by call number rather than drawn from one shared stream, so a fault hits the same call of an
// operation on every run even when other operations interleave differently (concurrent Map children).

// MurmurHash3's finalizer: a bijection on 32 bits with full avalanche.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mix(h: number, word: number): number {
  return fmix32((h ^ word) + 0x9e3779b9);
}

export function seededFraction(seed: number, ruleIndex: number, operation: string, call: number): number {
  // Both halves of the seed and of the call number count (seeds and counts may exceed 32 bits).
  let h = mix(mix(0, seed >>> 0), Math.floor(seed / 0x1_0000_0000) >>> 0);
  h = mix(h, ruleIndex);
  for (let i = 0; i < operation.length; i++) h = mix(h, operation.charCodeAt(i));
  h = mix(mix(h, call >>> 0), Math.floor(call / 0x1_0000_0000) >>> 0);
  return h / 0x1_0000_0000;
}
