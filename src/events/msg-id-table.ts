/**
 * Which record carries a msgId, for deduplicating appends over the whole log without keeping a
 * million id strings in memory: older ids are kept as a table of 32-bit hashes sorted with their
 * record positions (8 bytes an id, persisted in the index checkpoint), recent ones as strings. A
 * hash match in the table is only a candidate: the caller reads that record to compare the id.
 */
const FOLD_AT = 65_536;

export function msgIdHash(id: string): number {
  // FNV-1a over UTF-16 code units.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class MsgIdTable {
  /** Sorted by hash; `seqs[i]` is the record whose msgId hashes to `hashes[i]`. */
  private hashes: Uint32Array = new Uint32Array(0);
  private seqs: Uint32Array = new Uint32Array(0);
  private recent = new Map<string, number>();

  get size(): number {
    return this.hashes.length + this.recent.size;
  }

  set(id: string, seq: number): void {
    this.recent.set(id, seq);
    if (this.recent.size >= FOLD_AT) this.fold();
  }

  /** The record known to carry `id`, or the records whose id hashes alike (to be read and compared). */
  lookup(id: string): { seq: number } | { candidates: number[] } {
    const known = this.recent.get(id);
    if (known !== undefined) return { seq: known };
    const hash = msgIdHash(id);
    let lo = 0;
    let hi = this.hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.hashes[mid]! < hash) lo = mid + 1;
      else hi = mid;
    }
    const candidates: number[] = [];
    for (let i = lo; i < this.hashes.length && this.hashes[i] === hash; i++) candidates.push(this.seqs[i]!);
    return { candidates };
  }

  /** The whole table, sorted (for the checkpoint). */
  table(): { hashes: Uint32Array; seqs: Uint32Array } {
    this.fold();
    return { hashes: this.hashes, seqs: this.seqs };
  }

  load(hashes: Uint32Array, seqs: Uint32Array): void {
    this.hashes = hashes;
    this.seqs = seqs;
    this.recent.clear();
  }

  clear(): void {
    this.load(new Uint32Array(0), new Uint32Array(0));
  }

  /** Moves the recent ids into the sorted table (a sort of the few, one linear merge). */
  private fold(): void {
    if (this.recent.size === 0) return;
    const added = [...this.recent].map(([id, seq]) => [msgIdHash(id), seq] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const n = this.hashes.length + added.length;
    const hashes = new Uint32Array(n);
    const seqs = new Uint32Array(n);
    let i = 0;
    let j = 0;
    for (let k = 0; k < n; k++) {
      if (j >= added.length || (i < this.hashes.length && this.hashes[i]! <= added[j]![0])) {
        hashes[k] = this.hashes[i]!;
        seqs[k] = this.seqs[i++]!;
      } else {
        hashes[k] = added[j]![0];
        seqs[k] = added[j++]![1];
      }
    }
    this.hashes = hashes;
    this.seqs = seqs;
    this.recent.clear();
  }
}
