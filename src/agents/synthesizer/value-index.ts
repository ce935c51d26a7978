/**
 * The bank's index of value vectors: one kept entry per key, where two vectors have the same key
 * exactly when the text key the bank wrote until stop 52 (`valueKey`, now the reference in
 * tests/synthesizer/value-index.test.ts) would be the same for them — integers as written, other
 * numbers to 12 significant digits, texts as JSON, objects' fields in `for…in` order — without writing it. Writing that text for every candidate and
 * hashing it was a third of a search's CPU time, with much of its collector's; here a vector is hashed
 * as it is walked, and compared with a kept one only where the hashes meet.
 *
 * Arrays of a source's elements (`src`) are keyed by which elements they hold, by identity, as the
 * bank always did (`@src:` and the elements' rows); where an element is none of the source's, by their
 * values and the source's name. `keyLength` is the length the text key would have: the budget charges
 * keying by it, so a search decides exactly as it did when the key was written out.
 */
import type { Json } from "./types.ts";

/** How vectors are keyed: by value (with the source's name, if any), or by the source's elements. */
export interface Keyed {
  readonly vals: readonly Json[];
  readonly src?: string | undefined;
}

/** Per example: element of a source (by identity) → its row. */
export type SourceLookups = (srcId: string) => readonly ReadonlyMap<Json, number>[] | undefined;

/** Strings that need more than their quotes in JSON: escaped characters and lone surrogate halves. */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const NAN_HASH = 0x7ff8_0001;

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x9e37_79b1);
  return h ^ (h >>> 15);
}

function digits(n: number): number {
  if (n < 10) return 1;
  if (n < 100) return 2;
  if (n < 1_000) return 3;
  if (n < 10_000) return 4;
  return String(n).length;
}

/** The number as its key writes it: integers as they are, other numbers to 12 significant digits. */
function keyNumber(v: number): number {
  return Number.isInteger(v) ? v : Number(v.toPrecision(12));
}

function sameNumber(a: number, b: number): boolean {
  const x = keyNumber(a);
  const y = keyNumber(b);
  return x === y || (x !== x && y !== y);
}

export interface ValueIndex<E extends Keyed> {
  /** The kept entry with the key of `vals` keyed as `src` says, or undefined; `keyLength` is then that key's length. */
  find(vals: readonly Json[], src: string | undefined): E | undefined;
  /** Keeps `entry` under the key `find` last looked up (call it right after a `find` of its values that found nothing). */
  keep(entry: E): void;
  /** The length of the text key of the vector `find` last looked up. */
  readonly keyLength: number;
  readonly size: number;
}

export function createValueIndex<E extends Keyed>(lookups: SourceLookups): ValueIndex<E> {
  let lastHash = 0;
  let lastLength = 0;
  let hash = 0;
  let length = 0;

  function text(s: string): void {
    let h = s.length;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x0100_0193);
    hash = mix(hash, h);
    length += jsonLength(s);
  }

  function value(v: Json): void {
    switch (typeof v) {
      case "number": {
        const n = keyNumber(v);
        if (n !== n) hash = mix(hash, NAN_HASH);
        else if ((n | 0) === n) hash = mix(mix(hash, 1), n);
        else {
          f64[0] = n;
          hash = mix(mix(mix(hash, 2), u32[0] as number), u32[1] as number);
        }
        length += n >= 0 && Number.isInteger(n) ? digits(n) : String(n).length;
        return;
      }
      case "string":
        hash = mix(hash, 3);
        text(v);
        return;
      case "boolean":
        hash = mix(hash, v ? 4 : 5);
        length += 1;
        return;
      default:
        break;
    }
    if (v === null) {
      hash = mix(hash, 6);
      length += 1;
      return;
    }
    if (Array.isArray(v)) {
      hash = mix(hash, 7);
      for (const e of v) value(e);
      hash = mix(hash, 8);
      length += 2 + v.length;
      return;
    }
    hash = mix(hash, 9);
    let fields = 0;
    for (const k in v) {
      text(k);
      value(v[k] as Json);
      fields++;
    }
    hash = mix(hash, 10);
    length += 2 + 2 * fields;
  }

  /** Hashes `vals` by the source's elements (`@src:` and their rows); false when an element is none of them. */
  function byElements(vals: readonly Json[], srcId: string): boolean {
    const rows = lookups(srcId);
    if (!rows) return false;
    hash = mix(11, sourceId(srcId));
    length = srcId.length + 2;
    for (let r = 0; r < vals.length; r++) {
      const lookup = rows[r];
      const arr = vals[r];
      if (!lookup || !Array.isArray(arr)) return false;
      for (const el of arr) {
        const i = lookup.get(el);
        if (i === undefined) return false;
        hash = mix(hash, i);
        length += digits(i) + 1;
      }
      hash = mix(hash, -1);
      length += 1;
    }
    return true;
  }

  /** Hashes `vals` by value, with the source's name after them (`@src`) when there is one. */
  function byValue(vals: readonly Json[], srcId: string | undefined): void {
    hash = 12;
    length = 0;
    for (const v of vals) {
      value(v);
      hash = mix(hash, -2);
      length += 1;
    }
    if (srcId !== undefined) {
      hash = mix(mix(hash, 13), sourceId(srcId));
      length += srcId.length + 1;
    }
  }

  const sources = new Map<string, number>();
  function sourceId(srcId: string): number {
    let id = sources.get(srcId);
    if (id === undefined) sources.set(srcId, (id = sources.size));
    return id;
  }

  /** Whether the vector `find` last looked up is keyed by its source's elements (else by value). */
  let lastByElements = false;

  /** Open addressing over typed arrays: a slot holds a kept entry's position + 1 (0 is empty). */
  let slots = new Int32Array(1 << 12);
  /** Per kept entry, by position: its hash, and 1 where it is keyed by its source's elements. */
  let entryHashes = new Int32Array(1 << 11);
  let entryByElements = new Uint8Array(1 << 11);
  const entries: E[] = [];
  let lastSlot = 0;

  function same(at: number, vals: readonly Json[], src: string | undefined): boolean {
    const kept = entries[at] as E;
    if (entryHashes[at] !== lastHash || (kept.src || undefined) !== src || entryByElements[at] !== (lastByElements ? 1 : 0)) return false;
    return lastByElements ? sameElements(kept.vals, vals) : sameValues(kept.vals, vals);
  }

  function grow(): void {
    slots = new Int32Array(slots.length * 2);
    const mask = slots.length - 1;
    for (let i = 0; i < entries.length; i++) {
      let at = (entryHashes[i] as number) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = i + 1;
    }
  }

  return {
    find(vals, named) {
      // A source's name is one only when it is not empty, as the text key read it.
      const src = named || undefined;
      lastByElements = src !== undefined && byElements(vals, src);
      if (!lastByElements) byValue(vals, src);
      lastHash = hash | 0;
      lastLength = length;
      const mask = slots.length - 1;
      let at = lastHash & mask;
      for (let i = slots[at] as number; i !== 0; at = (at + 1) & mask, i = slots[at] as number) if (same(i - 1, vals, src)) return entries[i - 1] as E;
      lastSlot = at;
      return undefined;
    },
    keep(entry) {
      if (entries.length === entryHashes.length) {
        const hashes = new Int32Array(entryHashes.length * 2);
        hashes.set(entryHashes);
        entryHashes = hashes;
        const modes = new Uint8Array(entryByElements.length * 2);
        modes.set(entryByElements);
        entryByElements = modes;
      }
      entryHashes[entries.length] = lastHash;
      entryByElements[entries.length] = lastByElements ? 1 : 0;
      entries.push(entry);
      slots[lastSlot] = entries.length;
      if (entries.length * 2 > slots.length) grow();
    },
    get keyLength() {
      return lastLength;
    },
    get size() {
      return entries.length;
    },
  };
}

function jsonLength(s: string): number {
  return ESCAPED.test(s) ? JSON.stringify(s).length : s.length + 2;
}

/** Elements alike as a source's lookup (a `Map`) tells them: by identity, NaN alike. */
function sameElements(a: readonly Json[], b: readonly Json[]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r] as Json[];
    const y = b[r] as Json[];
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && !(x[i] !== x[i] && y[i] !== y[i])) return false;
  }
  return true;
}

/** Whether two value vectors have one key by value. */
export function sameValues(a: readonly Json[], b: readonly Json[]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) if (!sameValue(a[r] as Json, b[r] as Json)) return false;
  return true;
}

/** The text key wrote a missing value (an array's hole) as it wrote `{}`. */
const NO_FIELDS: Json = {};

function sameValue(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (a === undefined) a = NO_FIELDS;
  if (b === undefined) b = NO_FIELDS;
  if (typeof a === "number") return typeof b === "number" && sameNumber(a, b);
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i] as Json, b[i] as Json)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // Fields as the text key walks them (`for...in`: an object whose prototype a "__proto__" field set reads its fields).
  const ka = fieldsOf(a);
  const kb = fieldsOf(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i] || !sameValue((a as Record<string, Json>)[k] as Json, (b as Record<string, Json>)[k] as Json)) return false;
  }
  return true;
}

function fieldsOf(o: object): string[] {
  const out: string[] = [];
  for (const k in o) out.push(k);
  return out;
}
