// What the scripts that write spec sets (make-dev-specs.ts, make-dev3-specs.ts) share: seeded random
// inputs (the same seed gives the same values, so running a script again writes the same files) and
// the schema their generated values fit.

type J = unknown;

export type Rng = () => number;

export function rngFor(seed: string): Rng {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
export const list = <T>(r: Rng, lo: number, hi: number, f: () => T): T[] => Array.from({ length: int(r, lo, hi) }, f);

/** The schema of all these values (numbers are integers only when every one is). */
export function schemaOf(vs: J[]): Record<string, unknown> {
  const v = vs[0];
  if (typeof v === "number") return { type: vs.every((x) => Number.isInteger(x)) ? "integer" : "number" };
  if (typeof v === "string") return { type: "string" };
  if (typeof v === "boolean") return { type: "boolean" };
  if (Array.isArray(v)) {
    const all = (vs as J[][]).flat();
    return { type: "array", items: all.length ? schemaOf(all) : {} };
  }
  if (v && typeof v === "object") {
    const props = Object.fromEntries(Object.keys(v).map((k) => [k, schemaOf(vs.map((x) => (x as Record<string, J>)[k]))]));
    return { type: "object", properties: props, required: Object.keys(props) };
  }
  return {};
}
