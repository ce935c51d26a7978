/**
 * Attack on stop 49 (2f56ec4): unasked-order.ts (SORT_WORDS, KEEP_WORDS, asksSorted, unshownSort) and
 * the budget on inputs far past the fixtures' sizes (e410726). Specs invented here (helper attacker).
 *
 * Broke on 2f56ec4: orderTheBy ("Order the prices ... by size": SORT_WORDS wanted "order by" adjacent; the
 * prices published in input order, [100,25,7] for [7,25,100], no question); sortedInput, rankedByLeague,
 * alphabeticInput ("sorted list", "ranked by the league", "alphabetical roster" said of the input silence
 * the reversed-example question: after 3 answers `split(",").sort().slice(1)` is published, "li" -> [],
 * "amy,bo" -> ["BO"]); and the whole synthesis on wide records, long lists, nested lists and many examples
 * (4-180 s of CPU on budgets of 300-500 ms, the time after the search: probes.ts probeInputs, rival-search.ts
 * keyProbes, ambiguity checks, leave-one-out.ts unstable). Also measured outside this file: 2,000 numeric
 * fields beside a + b, budget 300, ran out of heap (4 GB); a lookup in 2,000 items beside 1,500 text fields,
 * budget 500, ran past 400 s wall.
 *
 * Mended by the lead (stop 49, 4172c86 and after): "order/sort/arrange/rank the ... by" is a word of a sort
 * (orderTheBy holds); the probes build each changed copy as they take it, the pairs of numbers fitted are
 * counted, sibling fields are at most 64 per field (rival-readings.ts), and an object schema too large for
 * the engine's stack is schema_unsupported, not a RangeError (validator.ts; the 2,000-field case): the four
 * whole-synthesis cases hold, measured below. A word of a sort said of a container the words take from
 * ("in the sorted ... list", "on the alphabetical roster", "given a sorted list") asks for no sort
 * (unasked-order.ts asksSorted): sortedInput and alphabeticInput hold. Open: "ranked by the league" (a
 * sort word about the input with no container named).
 * A49_TRACE=1 prints what the backend asked and published; A49_ONLY=key,key runs a few.
 */
import { describe, expect, it } from "vitest";
import { SynthesizerError, createExampleBackend, threadCpuMs } from "../../src/agents/synthesizer/index.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";
import { P, csvUpper, sortedShown } from "./lookup-specs.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const keeps = (a: StatedAttack, mustPublish: boolean): Promise<void> => keepsStatedPromise(backend, a, { mustPublish, traceVar: "A49_TRACE", answers: 6 });
const ONLY = (process.env.A49_ONLY ?? "").split(",").filter(Boolean);

/** Prices of products, examples already in order. */
const pricesShown = (name: string, description: string): StatedAttack => ({
  name, description,
  examples: [
    [{ products: [{ price: 2 }, { price: 5 }, { price: 9 }] }, [2, 5, 9]],
    [{ products: [{ price: 4 }, { price: 30 }] }, [4, 30]],
  ],
  person: P((i) => (i.products as In[]).map((p) => p.price as number).sort((a, b) => a - b)),
  probes: [{ products: [{ price: 100 }, { price: 25 }, { price: 7 }] }, { products: [] }],
});

const ORDER: Record<string, StatedAttack> = {
  // Words of a sort SORT_WORDS lacks, examples already in order.
  lexicographic: sortedShown("names_lexicographically", "The comma-separated names, ordered lexicographically."),
  leastToGreatest: pricesShown("prices_least_greatest", "The prices of the products, from least to greatest."),
  lowestFirstHyphen: pricesShown("prices_lowest_first_hyphen", "The prices of the products, lowest-first."),
  orderTheBy: pricesShown("prices_order_the_by", "Order the prices of the products by size."),
  // KEEP_WORDS said of the input, a sort asked for.
  keepAboutInput: sortedShown("names_as_they_appear", "Given the comma-separated names as they appear on the sign-up sheet, return them sorted."),
  // A sort by a key the answer does not show: the answers are names, not in alphabetical order.
  byPriceNames: {
    name: "names_by_price",
    description: "The names of the products, ordered by price.",
    examples: [
      [{ products: [{ name: "tea", price: 2 }, { name: "cake", price: 5 }, { name: "bun", price: 9 }] }, ["tea", "cake", "bun"]],
      [{ products: [{ name: "milk", price: 4 }, { name: "jam", price: 30 }] }, ["milk", "jam"]],
    ],
    person: P((i) => [...(i.products as In[])].sort((a, b) => (a.price as number) - (b.price as number)).map((p) => p.name as string)),
    probes: [{ products: [{ name: "pie", price: 100 }, { name: "egg", price: 25 }, { name: "oat", price: 7 }] }],
  },
  // A sort asked for, the program's array no input array reverser() knows (unique, take).
  distinctSorted: {
    name: "distinct_sorted",
    description: "The distinct comma-separated names, sorted.",
    examples: [
      [{ names: "al,al,bo" }, ["al", "bo"]],
      [{ names: "cy,dee,dee,eve" }, ["cy", "dee", "eve"]],
    ],
    person: P((i) => [...new Set((i.names as string).split(","))].sort()),
    probes: [{ names: "zed,amy,zed" }, { names: "li" }],
  },
  // "sorted"/"ranked by"/"alphabetical order" said of the input: the sort that drops the empty first name fits, no question.
  sortedInput: { ...csvUpper("sorted_input_upper", "The names in the sorted, comma-separated list that are not empty, each in upper case.", ","), probes: [{ names: "li" }, { names: "amy,bo" }] },
  rankedByLeague: csvUpper("ranked_by_league", "The names of the players ranked by the league (comma-separated) that are not empty, each in upper case.", ","),
  alphabeticInput: { ...csvUpper("alphabetic_roster", "The names on the alphabetical roster (comma-separated) that are not empty, each in upper case.", ","), probes: [{ names: "li" }, { names: "amy,bo" }] },
  // The words ask for a sort of an input that comes sorted: the question is silly, the filter should still be published.
  sortedFilter: {
    name: "sorted_above_ten",
    description: "Given a sorted list of numbers, the numbers above 10.",
    examples: [
      [{ xs: [3, 11, 20] }, [11, 20]],
      [{ xs: [1, 5, 12, 40] }, [12, 40]],
    ],
    person: P((i) => (i.xs as number[]).filter((x) => x > 10)),
    probes: [{ xs: [2, 15, 30, 31] }, { xs: [] }],
  },
};
const MUST = new Set(Object.keys(ORDER));
const ORDER_BREAKS = new Set<string>(["rankedByLeague"]);

describe("stop 49 attack: words of a sort", () => {
  for (const [key, a] of Object.entries(ORDER)) {
    (ONLY.length && !ONLY.includes(key) ? it.skip : ORDER_BREAKS.has(key) ? it.fails : it)(`${ORDER_BREAKS.has(key) ? "BREAK" : "held"}: ${key} — ${a.description}`, () => keeps(a, MUST.has(key)), ANSWERED_MS);
  }
});

// --- Promise 1: the whole synthesis (search, probes, ambiguity checks, leave-one-out) within ~3x budget + 2 s of CPU.
let seed = 13;
const rnd = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const ri = (n: number): number => Math.floor(rnd() * n);
const word = (n: number): string => Array.from({ length: n }, () => "abcdefghij"[ri(10)]).join("");

/** The synthesis's whole CPU and heap after it; a program or a SynthesizerError, nothing else. */
async function whole(spec: CapabilitySpec, budgetMs: number): Promise<{ cpu: number; heapMB: number; program: boolean }> {
  const c0 = threadCpuMs();
  let program = false;
  try {
    await createExampleBackend().synthesize(spec, { budgetMs });
    program = true;
  } catch (err) {
    expect(err).toBeInstanceOf(SynthesizerError);
  }
  const m = { cpu: threadCpuMs() - c0, heapMB: process.memoryUsage().heapUsed / 1e6, program };
  if (process.env.A49_TRACE) console.log(`[whole] budget ${budgetMs}:`, m);
  return m;
}
const withinBudget = async (spec: CapabilitySpec, budgetMs: number): Promise<void> => {
  const { cpu } = await whole(spec, budgetMs);
  expect(cpu).toBeLessThanOrEqual(3 * budgetMs + 2000);
};

/** a + b beside `fields` numeric fields: the search finds it, then probes.ts probeInputs copies the record per variant. */
const wideNumbers = (fields: number): CapabilitySpec => {
  seed = 13;
  return makeSpec(`wide_numbers_${fields}`, "The total of a and b.", [0, 1, 2, 3, 4].map(() => {
    const a = ri(50);
    const b = ri(50);
    return [{ ...Object.fromEntries(Array.from({ length: fields }, (_, k) => [`f${k}`, ri(1000)])), a, b }, a + b];
  }));
};
/** The sum of lists of `n` numbers: found at once, then the probes copy the list per variant. */
const longSum = (n: number): CapabilitySpec => {
  seed = 13;
  return makeSpec(`long_sum_${n}`, "The sum of the numbers.", [0, 1, 2].map(() => {
    const xs = Array.from({ length: n }, () => ri(100));
    return [{ xs }, xs.reduce((x, y) => x + y, 0)];
  }));
};
/** The words of texts of `n` words. */
const longWords = (n: number): CapabilitySpec => {
  seed = 13;
  return makeSpec(`long_words_${n}`, "The words of the text.", [0, 1, 2].map(() => {
    const s = Array.from({ length: n }, () => word(4)).join(" ");
    return [{ s }, s.split(" ")];
  }));
};
/** Lists of 5,000 records, a filter no search of 500 ms reaches (held: gives up near its budget). */
const longRecords = (): CapabilitySpec => {
  seed = 13;
  return makeSpec("long_records", "The names of the products that cost more than 10.", [0, 1, 2].map(() => {
    const ps = Array.from({ length: 5000 }, () => ({ name: word(4), price: ri(30) }));
    return [{ products: ps }, ps.filter((p) => p.price > 10).map((p) => p.name)];
  }));
};

/** The length of each of `n` rows of `n` digits. */
const nestedRows = (n: number): CapabilitySpec => {
  seed = 13;
  return makeSpec(`nested_rows_${n}`, "The length of each row.", [0, 1, 2].map(() => {
    const rows = Array.from({ length: n }, () => Array.from({ length: n }, () => ri(9)));
    return [{ rows }, rows.map((r) => r.length)];
  }));
};
/** `n` examples of lists of 50 numbers, the answer the first times 3. */
const manyExamples = (n: number): CapabilitySpec => {
  seed = 13;
  return makeSpec(`many_examples_${n}`, "The first number times 3.", Array.from({ length: n }, () => {
    const xs = Array.from({ length: 50 }, () => ri(100));
    return [{ xs }, (xs[0] as number) * 3];
  }));
};

const PERF: Record<string, { run: () => Promise<void>; breaks: boolean; why: string }> = {
  // Measured (nice 19, loaded machine): 500 fields, budget 500 -> 4.8-4.9 s CPU (search 0.87 s); 1,000 fields,
  // budget 300 -> 20.4 s CPU (68x), 72 s wall; 2,000 fields, budget 300 -> out of heap (--max-old-space-size=4000),
  // the process aborts. Profile (500 fields): example-backend.ts firstAskable 2.95 s, probes.ts probeInputs 2.2 s
  // (key() of every variant), leave-one-out.ts unstable 1.45 s, rival-search.ts keyProbes 1.3 s. 700 fields,
  // budget 300 -> 180 s CPU (600x, a program published after 205 s wall): the cost is not even monotonic in the width.
  // Mended (stop 49): 700 fields 1.9 s, 1,000 fields 2.1 s, 1,400 fields 3.4 s (the checks after the search,
  // uncounted, are what is left; 1,500 and more: the input schema is too large to check).
  wideNumbers: { run: () => withinBudget(wideNumbers(700), 300), breaks: false, why: "a + b beside 700 numeric fields, budget 300" },
  // Measured: 20,000 numbers x 3, budget 500 -> 24.0 s CPU (search 0.37 s); 5,000 -> 1.9 s (quadratic-ish).
  // Profile (5,000): probeInputs/leafVariants 1.2 s, keyProbes 0.85 s, findAmbiguity 0.8 s. 15,000, budget 300 -> 4.1 s
  // (limit 2.9 s; the narrowest margin here).
  // Mended (stop 49): 1.1-1.7 s.
  longSum: { run: () => withinBudget(longSum(15_000), 300), breaks: false, why: "sum of lists of 15,000 numbers, budget 300" },
  // Measured: 300 rows of 300, budget 500 -> 88.6 s CPU (177x), 101 s wall, the search itself 1.8 s (3.6x);
  // 150 rows of 150, budget 300 -> 6.7 s CPU (limit 2.9 s). Profile: probeInputs 7.5 s of 10.8 (key() 4.6 s, leafVariants
  // 2.3 s), rival-search.ts keyProbes 4.2 s, GC 6.1 s.
  // Mended (stop 49): 1.1-1.5 s.
  nestedRows: { run: () => withinBudget(nestedRows(150), 300), breaks: false, why: "the length of each of 150 rows of 150, budget 300" },
  // Measured: 1,000 examples of 50 numbers, budget 500 -> 6.3 s CPU (search 0.82 s): the work after the search is per example, uncounted;
  // 7.9 s in the file's run.
  // Mended (stop 49): 0.6 s.
  manyExamples: { run: () => withinBudget(manyExamples(1000), 500), breaks: false, why: "1,000 examples of lists of 50, budget 500" },
  // Measured: 20,000 words x 3, budget 500 -> 3.2 s CPU (limit 3.5 s): near the line, held.
  longWords: { run: () => withinBudget(longWords(10_000), 500), breaks: false, why: "the words of texts of 10,000 words, budget 500" },
  // Measured: 1.2 s CPU, SynthesizerError (no program within 500 ms).
  longRecords: { run: () => withinBudget(longRecords(), 500), breaks: false, why: "a filter over lists of 5,000 records, budget 500" },
};

describe("stop 49 attack: the whole synthesis within its budget", () => {
  for (const [key, a] of Object.entries(PERF)) {
    (ONLY.length && !ONLY.includes(key) ? it.skip : a.breaks ? it.fails : it)(`${a.breaks ? "BREAK" : "held"}: ${key} — ${a.why}`, a.run, 300_000);
  }
});
