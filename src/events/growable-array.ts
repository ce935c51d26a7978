/**
 * A typed array that grows by doubling: a million record offsets cost 8 MB in one block instead of
 * a million boxed numbers scattered over the heap (and are written to the index checkpoint as is).
 */
type Typed = Float64Array | Uint32Array;

export class GrowableArray<T extends Typed> {
  private data: T;
  length = 0;
  private readonly make: (capacity: number) => T;

  constructor(make: (capacity: number) => T, initial: T | undefined = undefined) {
    this.make = make;
    this.data = initial ?? make(1024);
    this.length = initial?.length ?? 0;
  }

  at(i: number): number | undefined {
    return i >= 0 && i < this.length ? this.data[i] : undefined;
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(Math.max(1024, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The filled part (a view: valid until the next push). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
