// Seeded random inputs for the scripts that write spec sets (make-dev-specs.ts, make-dev3-specs.ts):
// the same seed gives the same values, so running a script again writes the same files.

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
