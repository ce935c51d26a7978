/**
 * The lookup specs' shared material (rounds 32 and its attacks): a person's reading of a lookup with
 * a stated answer for a missing key, the inputs whose answer that settles, and a catalog of skus.
 */
import type { In, StatedAttack } from "./stated-attacks.ts";

/** The part `field` of the first entry of `list` whose `key` is the input's; `missing` where none is. */
export const lookup = (list: string, key: string, field: string, missing: unknown) => (i: In): unknown =>
  (i[list] as In[]).find((e) => e[key] === i[key])?.[field] ?? missing;
/** Inputs whose key names no entry of `list`: the description states their answer. */
export const absent = (list: string, key: string) => (i: In): boolean => !(i[list] as In[]).some((e) => e[key] === i[key]);
/** A reading typed as a person's. */
export const P = (f: (i: In) => unknown): StatedAttack["person"] => f as StatedAttack["person"];

export const SKU_EXAMPLES: [In, number][] = [
  [{ sku: "K7", catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }] }, 14],
  [{ sku: "P4", catalog: [{ sku: "R8", price: 3 }, { sku: "P4", price: 21 }] }, 21],
  [{ sku: "M2", catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }] }, 9],
];
/** A sku the catalog lacks, an empty catalog, and a third entry named. */
export const SKU_PROBES: In[] = [
  { sku: "Z1", catalog: [{ sku: "K7", price: 4 }] },
  { sku: "K7", catalog: [] },
  { sku: "R8", catalog: [{ sku: "P4", price: 6 }, { sku: "R8", price: 30 }, { sku: "K7", price: 1 }] },
];

/** An inventory of items and their stock, named by `item`. */
export const STOCK_EXAMPLES: [In, number][] = [
  [{ item: "bolt", inventory: [{ item: "bolt", stock: 40 }, { item: "nut", stock: 12 }] }, 40],
  [{ item: "gear", inventory: [{ item: "axle", stock: 2 }, { item: "gear", stock: 17 }] }, 17],
  [{ item: "nut", inventory: [{ item: "bolt", stock: 40 }, { item: "nut", stock: 12 }] }, 12],
];
/** An item the inventory lacks, an empty inventory, and another entry named. */
export const STOCK_PROBES: In[] = [{ item: "cog", inventory: [{ item: "bolt", stock: 3 }] }, { item: "nut", inventory: [] }, { item: "axle", inventory: [{ item: "gear", stock: 1 }, { item: "axle", stock: 8 }] }];
