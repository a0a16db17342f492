// StringMatches [DOC choice-state]: `*` matches any run of characters (including none); `\*` is a literal
// asterisk and `\\` a literal backslash. Everything else matches itself; the whole string must match.

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function compileStringMatches(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]);
    else source += c === '*' ? '.*' : escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, 's');
}
