// S3 lists keys in UTF-8 binary order, which is code point order. JS `<` compares UTF-16 code units, which disagrees
// for U+E000–U+FFFF against astral characters (surrogates), so remap code units before comparing.
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Index of the first element whose key is greater than `target` (or, with `inclusive`, greater or equal). */
export function searchKeys(sorted: ReadonlyArray<{ readonly key: string }>, target: string, inclusive = false): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const order = compareKeys(sorted[mid].key, target);
    if (order < 0 || (order === 0 && !inclusive)) low = mid + 1;
    else high = mid;
  }
  return low;
}
