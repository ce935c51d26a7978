/**
 * The lookup specs' shared material (rounds 32 and its attacks): a person's reading of a lookup with
 * a stated answer for a missing key, the inputs whose answer that settles, a catalog of skus; and the
 * builders of the attacks on prefixes and unasked orders (rounds 32b, 35 and 36).
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

/** Names cut at `sep`, the empty ones dropped, upper-cased, in input order. */
export const csvUpper = (name: string, description: string, sep: string): StatedAttack => ({
  name, description,
  examples: [
    [{ names: `ana${sep}${sep}bo` }, ["ANA", "BO"]],
    [{ names: `${sep}cy${sep}dee` }, ["CY", "DEE"]],
  ],
  person: P((i) => (i.names as string).split(sep).filter((x) => x !== "").map((x) => x.toUpperCase())),
  probes: [{ names: `mary ann${sep}${sep}jo` }, { names: "li" }, { names: `zed${sep}amy` }],
});

/** A product's price by a code the given letters start (includes and startsWith both fit the examples). */
export const prefixShown = (name: string, description: string): StatedAttack => ({
  name, description,
  examples: [
    [{ prefix: "AB", products: [{ code: "AB12", price: 5 }, { code: "CD34", price: 8 }] }, 5],
    [{ prefix: "EF", products: [{ code: "GH78", price: 3 }, { code: "EF56", price: 11 }] }, 11],
    [{ prefix: "CD", products: [{ code: "AB12", price: 5 }, { code: "CD34", price: 8 }] }, 8],
  ],
  person: P((i) => (i.products as In[]).find((e) => (e.code as string).startsWith(i.prefix as string))?.price),
  probes: [
    { prefix: "AB", products: [{ code: "XAB1", price: 1 }, { code: "AB9", price: 2 }, { code: "AB7", price: 3 }] },
    { prefix: "C", products: [{ code: "CD34", price: 8 }, { code: "C1", price: 4 }] },
  ],
});

/** Names cut at commas, examples already in order: a sort the words ask for is not shown. */
export const sortedShown = (name: string, description: string): StatedAttack => ({
  name, description,
  examples: [
    [{ names: "ana,bo,cy" }, ["ana", "bo", "cy"]],
    [{ names: "al,dee" }, ["al", "dee"]],
  ],
  person: P((i) => (i.names as string).split(",").sort()),
  probes: [{ names: "zed,amy,max" }, { names: "li" }],
});
