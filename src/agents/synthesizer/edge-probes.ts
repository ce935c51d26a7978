/**
 * Edge values of each input type (round 14). People give clean examples ("Mary-Jane O'Neil",
 * "R2-D2"), and the probes of probes.ts change an example in ways a person could have typed
 * instead, so every probe is a clean text too. Coincidences of clean inputs then survive every
 * question: "the letters are at least as many as the letters and digits" is true of every name
 * with a letter in it, and of "" and "@#!" as well, where "only letters, and at least one" is
 * false. So the inputs that tell readings apart and confirm a program also hold, one place at a
 * time, the edge values of its type:
 *
 * - a text: empty, punctuation only, blank, digits only, a word of non-ASCII letters, and the
 *   text itself in mixed case (not labels, a status "open" seen twice, nor formats such as dates,
 *   times, links, e-mail addresses or paths, where an edge is no value anyone types); to confirm a
 *   program, also the text itself with a stray mark at its end;
 * - a number: 0, and a negative or a fraction where the examples show one there;
 * - an array: empty, one element, its first element twice (a tie, a duplicate).
 *
 * Ordered by kind of edge first (every example's empty text before any blank one), so that the
 * first few are the edges most likely to break a coincidence. Deterministic.
 */
import { isObj } from "./probes.ts";
import type { Json } from "./types.ts";

/**
 * Whether edge inputs are asked about for a program with these outputs: only a truth value's.
 * A predicate's coincidences of clean inputs ("at least as many letters as letters and digits")
 * are what the edges break, and its readings part there on purpose. A transformation's readings
 * part on "" or "@#!" too (which piece of an empty text is the first name?), where nobody's answer
 * teaches anything: asked there, 30 of the 40 held-out string tasks it published right became
 * questions (`npm run bench -- synthesis tests/fixtures/strings/validation`, 40 → 10/94).
 */
export function edgesApply(outputs: readonly (Json | undefined)[]): boolean {
  return outputs.length > 0 && outputs.every((o) => typeof o === "boolean");
}

/** Edge texts, likeliest to break a coincidence of clean texts first (after the empty one, the example's own text with a stray mark: rank 1). */
const TEXT_EDGES: readonly (string | undefined)[] = ["", undefined, "@#!", " ", "123", "Zoë", "-"];
/** Rank of the text in mixed case, after the fixed edge texts. */
const MIXED_RANK = TEXT_EDGES.length;
/** A mark put at the end of a clean text: the commonest one a person types. */
const STRAY_MARK = ".";
/** Most edge inputs made (a bound on the check's cost). */
const MAX_EDGES = 120;
/** Elements of an array whose own places are given edge values (the first only: one is enough to show it). */
const EDGED_ELEMENTS = 1;

/**
 * A text whose edges are no values: an ISO date or time, a link, an e-mail address, a file path
 * (where "#" and "?" are not punctuation: "@#!" would be a path with a fragment).
 */
const FORMAT = /^\d{4}-\d{2}-\d{2}|^\d{1,2}:\d{2}|^[a-z][a-z0-9+.-]*:\/\/|^[^\s@]+@[^\s@]+\.[^\s@]+$|\w[/\\]\w/i;

/** Every other letter in capitals, starting with a small one: "Mary Jane" → "mArY jAnE". */
export function mixedCase(s: string): string {
  let i = 0;
  return s.replace(/\p{L}/gu, (c) => (i++ % 2 === 0 ? c.toLowerCase() : c.toUpperCase()));
}

/** What the examples show of each place: where text recurs (labels), where a number is negative or fractional. */
interface Places {
  readonly labels: ReadonlySet<string>;
  readonly signed: ReadonlySet<string>;
  readonly fractional: ReadonlySet<string>;
  /** Whether a text gets a stray mark at its end (see `EdgeOptions`). */
  readonly strayMark: boolean;
}

export interface EdgeOptions {
  /**
   * The example's own text with a stray mark at its end, as the second kind of edge. Made for
   * confirming a program (leave-one-out, after a surprise, two measures of one value compared),
   * not among the rivals' probes: there it asks whether "jungle." capitalizes to "Jungle." of
   * every program that copies text, a question no description leaves open.
   */
  readonly strayMark?: boolean;
}

/** Labels (a status "open" twice: varied only by other labels) and the signs and fractions seen at each place. */
function placesOf(inputs: readonly Json[], strayMark: boolean): Places {
  const seen = new Map<string, Set<string>>();
  const labels = new Set<string>();
  const signed = new Set<string>();
  const fractional = new Set<string>();
  const visit = (v: Json, path: string): void => {
    if (Array.isArray(v)) for (const e of v) visit(e, `${path}[]`);
    else if (isObj(v)) for (const [k, e] of Object.entries(v)) visit(e, `${path}.${k}`);
    else if (typeof v === "string") {
      const here = seen.get(path) ?? new Set<string>();
      if (here.has(v)) labels.add(path);
      here.add(v);
      seen.set(path, here);
    } else if (typeof v === "number") {
      if (v < 0) signed.add(path);
      if (!Number.isInteger(v)) fractional.add(path);
    }
  };
  for (const i of inputs) visit(i, "");
  return { labels, signed, fractional, strayMark };
}

/**
 * The edge values of one leaf or array, each with its rank (lower: asked first). A number's edges
 * are 0, and a negative or a fraction only where an example shows one at that place: a negative
 * page count or duration is no input anyone types (asked about, they turned 17 of the
 * development set's 52 solved specs into questions about `Math.abs`).
 */
function edgesOf(v: Json, path: string, places: Places): [number, Json][] {
  if (typeof v === "string") {
    if (places.labels.has(path) || FORMAT.test(v)) return [];
    const out: [number, Json][] = [];
    TEXT_EDGES.forEach((t, i) => {
      if (t !== undefined) out.push([i, t]);
      else if (places.strayMark) out.push([i, `${v}${STRAY_MARK}`]);
    });
    const mixed = mixedCase(v);
    if (mixed !== v) out.push([MIXED_RANK, mixed]);
    return out;
  }
  if (typeof v === "number") {
    const out: [number, Json][] = [[0, 0]];
    if (places.signed.has(path)) out.push([1, v > 0 ? -v : -1]);
    if (places.fractional.has(path)) out.push([2, Number.isInteger(v) ? v + 0.5 : Math.trunc(v)]);
    return out;
  }
  if (Array.isArray(v) && v.length > 0) {
    const first = v[0] as Json;
    return [[0, []], [1, [first]], [2, [first, structuredClone(first)]]];
  }
  return [];
}

/** One input with one place set to an edge value: the edge's rank, the input, the place (".name"). */
interface Edged {
  readonly rank: number;
  readonly input: Json;
  readonly path: string;
}

/** Every copy of `v` with one place set to one of its edge values. */
function edged(v: Json, path: string, places: Places): Edged[] {
  const out: Edged[] = edgesOf(v, path, places).map(([rank, input]) => ({ rank, input, path }));
  if (Array.isArray(v)) {
    v.slice(0, EDGED_ELEMENTS).forEach((e, i) => {
      for (const c of edged(e, `${path}[]`, places)) out.push({ ...c, input: v.map((x, j) => (j === i ? c.input : x)) });
    });
  } else if (isObj(v)) {
    for (const [k, e] of Object.entries(v)) for (const c of edged(e, `${path}.${k}`, places)) out.push({ ...c, input: { ...v, [k]: c.input } });
  }
  return out;
}

/** Edge inputs of `inputs`, by rank first (then example by example), each once (examples too). */
function rankedEdges(inputs: readonly Json[], options: EdgeOptions): Edged[] {
  const places = placesOf(inputs, options.strayMark === true);
  const ranked = inputs.flatMap((i) => edged(i, "", places)).map((e, n) => ({ e, n }));
  ranked.sort((a, b) => a.e.rank - b.e.rank || a.n - b.n);
  const seen = new Set<string>();
  return ranked.map(({ e }) => e).filter(({ input }) => {
    const k = JSON.stringify(input);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The examples' inputs with one place at an edge value of its type, none an example, each once,
 * by kind of edge first (every example's empty text, then every one with a stray mark…).
 */
export function edgeInputs(inputs: readonly Json[], options: EdgeOptions = {}): Json[] {
  const examples = new Set(inputs.map((i) => JSON.stringify(i)));
  return rankedEdges(inputs, options).filter(({ input }) => !examples.has(JSON.stringify(input))).slice(0, MAX_EDGES).map(({ input }) => input);
}

/**
 * The first edge input of each of the first `kinds` kinds of edge made at the input field `path`
 * (an example among them too): the edges a value must have been answered at to count as tried.
 */
export function firstEdgeOfEachKind(inputs: readonly Json[], path: readonly string[], kinds: number): Json[] {
  const place = path.map((k) => `.${k}`).join("");
  const out = new Map<number, Json>();
  for (const { rank, input, path: p } of rankedEdges(inputs, { strayMark: true })) if (p === place && rank < kinds && !out.has(rank)) out.set(rank, input);
  return [...out.values()];
}
