// Chunking shared by States.ArrayPartition and $partition: the last chunk holds the remainder
// (`[0,1,2]` by 2 → `[[0,1],[2]]`, spec §1.6).

export function partition<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
