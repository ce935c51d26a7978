/**
 * Attacks on round 9's promise (leave-one-out.ts): a program is published silently only when each
 * example could be foreseen from the others. Each BREAK below was found on the first version: the
 * backend published, without a question, a program that is wrong on an input the task implies;
 * the comment says why the check let it through. Four are fixed (twins left out together, a fold
 * that finds nothing misses, folds bounded by counts) and run; an `it.skip` is still open, its
 * assertions what the promise requires. Each other `it` is an attack that held.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import type { SynthesisResult } from "../../src/agents/synthesizer/backend.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();

/** "published" when no question, else the question's reason, or `code:reason` when refused. */
async function outcome(spec: CapabilitySpec, budgetMs?: number): Promise<string> {
  return backend.synthesize(spec, budgetMs ? { budgetMs } : {}).then(
    (r: SynthesisResult) => r.ambiguity?.reason ?? "published",
    (e: { code?: string; details?: { reason?: string } }) => `${e.code}:${e.details?.reason}`,
  );
}

const TENURE = "Whole months a subscription has run, from its start date to today (ISO dates).";
const sub = (start: string, today: string): { start: string; today: string } => ({ start, today });

describe("attack leave-one-out: breaks (fixed ones run, open ones skipped)", () => {
  // BREAK (duplicated examples). The two tenure examples of leave-one-out.test.ts, each given
  // twice. Published silently: `Math.round(Date.parse(input.today) / 86400000 + -20165)`, which
  // gives 94 for { start: "2025-01-20", today: "2025-06-20" } (5 months) and ignores `start`.
  // Why: every fold leaves out one copy and keeps the other, so the search on "the others" sees
  // both distinct inputs and takes the same coincidence; each example is trivially "foreseen".
  // (The same with two copies of an age-in-years pair: `Date.parse(on) / 86400000 + -18362`.)
  // Fix: fold over distinct inputs (leave out every copy of an input together), and judge the
  // examples' count by distinct inputs; a repeated example is no evidence.
  it("duplicated examples do not make a coincidence foreseen", async () => {
    const twice = makeSpec("tenure_twice", TENURE, [
      [sub("2025-01-20", "2025-03-20"), 2], [sub("2025-01-20", "2025-03-19"), 1],
      [sub("2025-01-20", "2025-03-20"), 2], [sub("2025-01-20", "2025-03-19"), 1],
    ]);
    expect(["unstable", "no_program_found:unstable"]).toContain(await outcome(twice));
    // Two distinct weights, each twice: the "three examples" a linear relation needs are counted
    // with the copies, and `input.kg * 2.6 + 1.5` is published silently from a line through two
    // points (wrong for { kg: 2.5 }, a started third kilogram: 9.3).
    const ship = makeSpec("ship_twice", "Shipping cost from the parcel weight, charged per started kilogram.", [
      [{ kg: 2 }, 6.7], [{ kg: 3 }, 9.3], [{ kg: 2 }, 6.7], [{ kg: 3 }, 9.3],
    ]);
    expect(await outcome(ship)).not.toBe("published");
  });

  // BREAK (near-duplicates). The same two tenure examples, each twice, the copies told apart only
  // by a flag the task never mentions (`auto`: renews automatically). No input repeats, so
  // de-duplicating inputs would not catch it. Published silently: the same
  // `Math.round(Date.parse(input.today) / 86400000 + -20165)`, wrong for any other today.
  // Why: each fold keeps the left-out example's twin, alike in every field the program reads.
  // (With a string field instead of the flag the check happened to ask: a fold took a program
  // reading it; that is luck, not the check.) Fix: leave out together the examples that agree on
  // what the program reads (leave-one-group-out), so a twin cannot foresee its twin.
  it("near-duplicates that differ only in an unread flag do not make a coincidence foreseen", async () => {
    const flagged = makeSpec("tenure_flagged", TENURE, [
      [{ ...sub("2025-01-20", "2025-03-20"), auto: true }, 2], [{ ...sub("2025-01-20", "2025-03-19"), auto: true }, 1],
      [{ ...sub("2025-01-20", "2025-03-20"), auto: false }, 2], [{ ...sub("2025-01-20", "2025-03-19"), auto: false }, 1],
    ]);
    expect(["unstable", "no_program_found:unstable"]).toContain(await outcome(flagged));
  });

  // BREAK (every fold finds nothing). Three collinear points of a per-started-kilogram price.
  // Published silently: `input.kg * 2.6 + 1.5`, which gives 8 for { kg: 2.5 } where a started
  // third kilogram costs 9.3 (and 4.62 for { kg: 1.2 }, where two started kilograms cost 6.7).
  // Why: the linear relation is solved only from three examples, so each two-example fold's search
  // runs out of its time (3x the main search) with no program, and `folds` counts "no program in
  // time" as foreseen. All three folds: { ok: true, program: undefined } (measured with folds()
  // directly at foldMs 500 and 3000). With { budgetMs: 1500 } it was silent in a cold process and
  // asked in a warm one (main search 247 ms): timing, not the examples, decided. The escape is exactly the structure that needs all
  // examples, which is where a coincidence of the examples is likeliest.
  // Fix: a fold that finds nothing has not foreseen its example: count it as missed (ask), or
  // count it as foreseen only when the search says it stopped at its own bar (e.g. "linear needs
  // three examples") and not on time; and when no fold found anything, the program rests on all
  // of them.
  it("a fold that finds nothing in its time does not count as foreseen", async () => {
    const ship = makeSpec("ship_started_kg", "Shipping cost from the parcel weight, charged per started kilogram.", [
      [{ kg: 2 }, 6.7], [{ kg: 3 }, 9.3], [{ kg: 5 }, 14.5],
    ]);
    expect(await outcome(ship)).not.toBe("published");
  });

  // BREAK (timing decides). The duplicated tenure pair, each copy with its own reference code.
  // Usually asked (the fold leaving out example 3 takes a program reading `ref`, which misses it),
  // but in a warm process the same spec was published silently (the coincidence above) in 1 of 4
  // runs in a row (elapsedMs 164 where the others took 333, 340, 144), and in a vitest run after
  // the other breaks (un-skipped, it failed in 1 of 2 vitest runs: intermittent). Why: a fold's
  // search is bounded by CPU time (3x the main search, min 500 ms, with sub-budgets sliced by time), so what a fold finds, and so the verdict, moves with JIT
  // and GC. Fix: bound folds by counts (candidates, sizes) like the rival check, or count a fold
  // that stopped on time as missed; then this is the flag break above with a string field.
  it("near-duplicates told apart by a reference code are asked about, every run", async () => {
    const near = makeSpec("tenure_near", TENURE, [
      [{ ...sub("2025-01-20", "2025-03-20"), ref: "a1" }, 2], [{ ...sub("2025-01-20", "2025-03-19"), ref: "b7" }, 1],
      [{ ...sub("2025-01-20", "2025-03-20"), ref: "c3" }, 2], [{ ...sub("2025-01-20", "2025-03-19"), ref: "d9" }, 1],
    ]);
    const outcomes: string[] = [];
    for (let run = 0; run < 4; run++) outcomes.push(await outcome(near));
    expect(outcomes).not.toContain("published");
  });

  // BREAK (examples all alike; beyond leave-one-out's reach). Every count above one. Published
  // silently: `${String(input.n)} ${input.noun}s`, which gives "1 apples" for { n: 1, noun:
  // "apple" }, where the description says "when needed". Every fold sees the same pattern, so the
  // check holds as designed; no other check offers a reading that branches on the count. Fix (not
  // leave-one-out's): a condition the description states ("when needed", "if any") the program
  // never tests should be asked about on an input at the edge the examples never reach (n = 1, 0).
  it.skip("examples that never reach the stated condition are asked about", async () => {
    const plural = makeSpec("plural_alike", 'The count and the noun, pluralized when needed, e.g. "3 apples".', [
      [{ n: 3, noun: "apple" }, "3 apples"], [{ n: 2, noun: "pear" }, "2 pears"], [{ n: 7, noun: "fig" }, "7 figs"], [{ n: 10, noun: "plum" }, "10 plums"],
    ]);
    expect(await outcome(plural)).not.toBe("published");
  });
});

describe("attack leave-one-out: holds", () => {
  it("a small budget does not let folds that ran out of time publish a coincidence", async () => {
    // With budgetMs 60 the first fold times out (counted foreseen) but leaves the total no room
    // for the second, which counts as missed: refused, no_program_found with reason unstable.
    const two = makeSpec("tenure_small", TENURE, [[sub("2025-01-20", "2025-03-20"), 2], [sub("2025-01-20", "2025-03-19"), 1]]);
    expect(["unstable", "no_program_found:unstable"]).toContain(await outcome(two, 60));
  });

  it("a coincidence in one field of a two-example object is asked about", async () => {
    const card = makeSpec("tenure_card", `${TENURE} Keep the plan.`, [
      [{ ...sub("2025-01-20", "2025-03-20"), plan: "pro" }, { plan: "pro", months: 2 }],
      [{ ...sub("2025-01-20", "2025-03-19"), plan: "basic" }, { plan: "basic", months: 1 }],
    ]);
    expect(await outcome(card)).not.toBe("published");
  });

  it("examples all alike (every one below a stated threshold) are asked about, by the rival readings", async () => {
    // Leave-one-out cannot see this (every fold sees the same constant), but the description's
    // threshold gives a rival reading that answers otherwise above it.
    const fee = makeSpec("fee_alike", "Shipping fee: free (0) when the order total is at least 100, otherwise 7.5.", [
      [{ total: 20 }, 7.5], [{ total: 45 }, 7.5], [{ total: 80 }, 7.5], [{ total: 99 }, 7.5],
    ]);
    expect(await outcome(fee)).not.toBe("published");
    const discount = makeSpec("discount_alike", "Price after discount: 10 percent off when quantity is 10 or more.", [
      [{ price: 20, qty: 2 }, 20], [{ price: 45, qty: 3 }, 45], [{ price: 80, qty: 1 }, 80], [{ price: 12, qty: 5 }, 12],
    ]);
    expect(await outcome(discount)).not.toBe("published");
  });
});

describe("attack leave-one-out: no needless questions on varied examples", () => {
  const honest: [CapabilitySpec, [unknown, unknown][]][] = [
    [makeSpec("area", "Area of the rectangle: width times height.", [
      [{ w: 3, h: 4 }, 12], [{ w: 10, h: 2 }, 20], [{ w: 7, h: 7 }, 49], [{ w: 1, h: 9 }, 9], [{ w: 6, h: 5 }, 30],
    ]), [[{ w: 11, h: 3 }, 33], [{ w: 0, h: 8 }, 0]]],
    [makeSpec("full_name", "Full name: first name, a space, last name.", [
      [{ first: "Ana", last: "Silva" }, "Ana Silva"], [{ first: "Bo", last: "Chen" }, "Bo Chen"],
      [{ first: "Cyd", last: "Moreau" }, "Cyd Moreau"], [{ first: "Dee", last: "Ng" }, "Dee Ng"],
    ]), [[{ first: "Eli", last: "Park" }, "Eli Park"]]],
    [makeSpec("largest", "The largest of the numbers.", [
      [{ xs: [3, 9, 2] }, 9], [{ xs: [10] }, 10], [{ xs: [-4, -1, -7] }, -1], [{ xs: [5, 5, 8, 1] }, 8],
    ]), [[{ xs: [2, 40, 7] }, 40], [{ xs: [-9] }, -9]]],
    [makeSpec("adult", "True when the person is 18 or older.", [
      [{ age: 30 }, true], [{ age: 17 }, false], [{ age: 18 }, true], [{ age: 5 }, false], [{ age: 64 }, true],
    ]), [[{ age: 19 }, true], [{ age: 0 }, false]]],
    [makeSpec("done_percent", "Percentage of the tasks that are done, rounded to a whole number.", [
      [{ done: 1, total: 4 }, 25], [{ done: 2, total: 3 }, 67], [{ done: 5, total: 5 }, 100], [{ done: 0, total: 7 }, 0],
    ]), [[{ done: 1, total: 3 }, 33], [{ done: 7, total: 8 }, 88]]],
    [makeSpec("big_orders", "How many orders are above 100.", [
      [{ orders: [50, 150, 200] }, 2], [{ orders: [] }, 0], [{ orders: [101, 99, 100] }, 1], [{ orders: [500] }, 1],
    ]), [[{ orders: [100, 100.5] }, 1], [{ orders: [1, 2] }, 0]]],
  ];
  // NEEDLESS QUESTION (not round 9's: the rival readings'). Four varied examples of a share
  // rounded up; the program is right and leave-one-out passes, but the backend asks
  // (programs_disagree) about { rent: 1249, people: 43 } against
  // `Math.ceil(Math.round(input.rent / input.people * 10) / 10)` (29 where the right answer is 30),
  // a rounding to tenths no word of the description asks for. Fix: a rounding step nobody named
  // should not be a rival reading of a program that rounds as the description says.
  it.skip("rent share from four varied examples is published without a question", async () => {
    const rent = makeSpec("rent_four", "Each flatmate's share of the rent, rounded up to a whole euro.", [
      [{ rent: 1000, people: 3 }, 334], [{ rent: 900, people: 2 }, 450], [{ rent: 1250, people: 4 }, 313], [{ rent: 700, people: 5 }, 140],
    ]);
    expect((await backend.synthesize(rent)).ambiguity).toBeUndefined();
  });
  for (const [spec, checks] of honest) {
    it(`${spec.capability}: published without a question, and right on new inputs`, async () => {
      const result = await backend.synthesize(spec);
      expect(result.ambiguity).toBeUndefined();
      const program = await loadPlugin(result.code);
      for (const [input, output] of checks) expect(program(input, {})).toEqual(output);
    });
  }
});
