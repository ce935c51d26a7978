/**
 * Positions in a string, described so that the description carries over to other strings: the
 * k-th character from the start or the end, or the start / end of the n-th match (from either
 * end) of a token class or of a punctuation character. Each description has a cost: the plainer,
 * the likelier to generalize.
 */
import { TOKEN_CLASSES, matchesOf, tokenPosition } from "./string-ops.ts";
import type { TokenPosition } from "./string-ops.ts";

/** `a:K` from the start, `r:K` from the end, `t:RE:N:s|e` a token boundary. */
export type Descriptor = string;

function escapeChar(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

function classesFor(text: string): string[] {
  const res = TOKEN_CLASSES.map((c) => c.re);
  for (const c of new Set(text.match(/[^A-Za-z0-9\s]/g) ?? [])) res.push(escapeChar(c));
  return res;
}

const cache = new Map<string, Map<number, Descriptor[]>>();

/** Every description of every position 0..length of `text`. */
export function descriptors(text: string): Map<number, Descriptor[]> {
  const hit = cache.get(text);
  if (hit) return hit;
  const out = new Map<number, Descriptor[]>();
  const add = (pos: number, d: Descriptor): void => {
    const list = out.get(pos) ?? [];
    list.push(d);
    out.set(pos, list);
  };
  for (let k = 0; k <= text.length; k++) {
    add(k, `a:${k}`);
    add(k, `r:${text.length - k}`);
  }
  for (const re of classesFor(text)) {
    const ms = matchesOf(text, re);
    ms.forEach((m, i) => {
      const back = i - ms.length;
      add(m.index, `t:${re}:${i}:s`);
      add(m.index, `t:${re}:${back}:s`);
      add(m.end, `t:${re}:${i}:e`);
      add(m.end, `t:${re}:${back}:e`);
    });
  }
  if (cache.size > 2000) cache.clear();
  cache.set(text, out);
  return out;
}

export function tokenOf(d: Descriptor): TokenPosition | undefined {
  if (!d.startsWith("t:")) return undefined;
  const last = d.lastIndexOf(":");
  const mid = d.lastIndexOf(":", last - 1);
  return { re: d.slice(2, mid), n: Number(d.slice(mid + 1, last)), side: d.slice(last + 1) === "s" ? "start" : "end" };
}

export function resolve(d: Descriptor, text: string): number | undefined {
  if (d.startsWith("a:")) {
    const k = Number(d.slice(2));
    return k <= text.length ? k : undefined;
  }
  if (d.startsWith("r:")) {
    const k = Number(d.slice(2));
    return k <= text.length ? text.length - k : undefined;
  }
  return tokenPosition(text, tokenOf(d) as TokenPosition);
}

export function descriptorCost(d: Descriptor): number {
  if (d === "a:0" || d === "r:0") return 0;
  if (d.startsWith("a:") || d.startsWith("r:")) {
    const k = Number(d.slice(2));
    return (k <= 4 ? 1.5 : 4) + (d.startsWith("r:") ? 0.5 : 0);
  }
  const t = tokenOf(d) as TokenPosition;
  return t.n === 0 || t.n === -1 ? 1 : 2.5;
}

export function cheapest(ds: readonly Descriptor[]): Descriptor {
  let best = ds[0] as Descriptor;
  for (const d of ds) if (descriptorCost(d) < descriptorCost(best)) best = d;
  return best;
}
