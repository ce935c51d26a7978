/** The nearest of `names` to what a person typed (edit distance), when it is near enough to be a typo. */
export function closest(word: string, names: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const d = distance(word.toLowerCase(), name.toLowerCase());
    if (!best || d < best.distance) best = { name, distance: d };
  }
  return best && (best.distance <= Math.max(1, Math.floor(word.length / 3)) || best.name.startsWith(word.toLowerCase())) ? best.name : undefined;
}

/** Levenshtein distance, with one row kept. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
