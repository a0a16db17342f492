// Chunking shared by States.ArrayPartition and $partition: the last chunk holds the remainder
// (`[0,1,2]` by 2 → `[[0,1],[2]]`, docs/aws-behaviour.md#jsonata-functions).

export function partition<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
