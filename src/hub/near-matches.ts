/**
 * Names close to a capability name a person or a plan asked for: a small edit distance
 * (`total_costs` → `total_cost`) or mostly the same words (`cost_total` → `total_cost`). Pure.
 */

/** Damerau–Levenshtein distance (optimal string alignment), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** The words of a name: split on `_` and digits' edges, a plural `s` dropped. */
function words(name: string): Set<string> {
  return new Set(name.toLowerCase().split(/_+/).filter(Boolean).map((w) => (w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w)));
}

export interface NameSimilarity {
  /** Edit distance between the names. */
  distance: number;
  /** Share of words in common (Jaccard), 0..1. */
  overlap: number;
}

/** How similar two names are, or undefined when they are not near (same name included). */
export function nameSimilarity(wanted: string, other: string): NameSimilarity | undefined {
  if (wanted === other) return undefined;
  const limit = Math.max(1, Math.floor(Math.min(wanted.length, other.length) / 4));
  const distance = editDistance(wanted, other, Math.max(limit, 64));
  const a = words(wanted);
  const b = words(other);
  const common = [...a].filter((w) => b.has(w)).length;
  const overlap = common / new Set([...a, ...b]).size;
  return distance <= limit || overlap >= 0.5 ? { distance, overlap } : undefined;
}
