/**
 * A map that keeps its most recent entries: at least the last `size / 2` set, at most `size`. Two
 * generations instead of an exact LRU: evicting a Map's oldest key one at a time gets slow once it
 * has seen many deletes, while swapping generations is O(1). The JetStream adapter keeps its
 * subjects' heads (nats-log.ts) and a subscription's finished records (nats-subscription.ts) in one.
 */
export class RecentMap<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  private readonly generationSize: number;

  constructor(size: number) {
    this.generationSize = Math.max(1, Math.floor(size / 2));
  }

  get(key: string): V | undefined {
    return this.young.get(key) ?? this.old.get(key);
  }

  has(key: string): boolean {
    return this.young.has(key) || this.old.has(key);
  }

  set(key: string, value: V): void {
    this.young.set(key, value);
    if (this.young.size >= this.generationSize) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  delete(key: string): void {
    this.young.delete(key);
    this.old.delete(key);
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }
}
