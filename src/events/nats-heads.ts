/**
 * A subject's head: the seq and hash of its last readable record (what appends chain to and what
 * `expectedSubjectSeq` is compared with), and `raw`, the seq of its last message of any kind (what
 * JetStream's expected-last-subject-sequence is compared with; past a stray message the two differ).
 */
export interface Head {
  seq: number;
  hash: string | null;
  raw: number;
}

/**
 * Two generations instead of an exact LRU: evicting a Map's oldest key one at a time gets slow once
 * it has seen many deletes, while swapping generations is O(1).
 */
export class HeadCache {
  private young = new Map<string, Head>();
  private old = new Map<string, Head>();
  private readonly generationSize: number;

  constructor(size: number) {
    this.generationSize = Math.max(1, Math.floor(size / 2));
  }

  get(subject: string): Head | undefined {
    return this.young.get(subject) ?? this.old.get(subject);
  }

  set(subject: string, head: Head): void {
    this.young.set(subject, head);
    if (this.young.size >= this.generationSize) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  delete(subject: string): void {
    this.young.delete(subject);
    this.old.delete(subject);
  }
}
