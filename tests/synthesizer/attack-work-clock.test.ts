import { describe, expect, it } from "vitest";
import { WORK_COST_US, workDone } from "../../src/agents/synthesizer/budget.ts";
import { SynthesizerError, createExampleBackend, threadCpuMs } from "../../src/agents/synthesizer/index.ts";
import { boundaryProbes, probeInputs } from "../../src/agents/synthesizer/probes.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { makeSpec } from "./fixtures.ts";

// Attacks on the work clock's second promise (helper attacker on b421b92): "a budget millisecond is
// about a millisecond of CPU on an idle machine" (0.5x-2x, the CPU guard at 3x + 1 s never what
// decides an ordinary search). All are inputs far past the development sets' sizes (lists of 15,000,
// texts of 100,000 letters, records of 1,500 fields); each broke on b421b92 and was mended (stop 49).
// The first promise (the same program, question and give-up point under any load) held on every
// spec the attacker tried unless the CPU guard ended the search.

let seed = 7;
const rnd = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const ri = (n: number): number => Math.floor(rnd() * n);
const word = (n: number): string => Array.from({ length: n }, () => "abcdefghij"[ri(10)]).join("");
const NOISE = [17, 4, 99, 23, 61];

/** The main search's CPU (the error's or result's elapsedMs), its work in idle ms, and the synthesis's whole CPU. */
async function measure(spec: CapabilitySpec, budgetMs: number): Promise<{ searchCpu: number; workMs: number; totalCpu: number }> {
  const w0 = workDone();
  const c0 = threadCpuMs();
  let searchCpu: number;
  try {
    searchCpu = (await createExampleBackend().synthesize(spec, { budgetMs })).elapsedMs;
  } catch (err) {
    expect(err).toBeInstanceOf(SynthesizerError);
    searchCpu = (err as SynthesizerError).details?.["elapsedMs"] as number;
  }
  const w1 = workDone();
  let workMs = 0;
  for (const k of Object.keys(w1) as (keyof typeof w1)[]) workMs += ((w1[k] - w0[k]) * WORK_COST_US[k]) / 1000;
  const m = { searchCpu, workMs, totalCpu: threadCpuMs() - c0 };
  return m;
}

// Five lists of 15 000 numbers, answers no program gives. Measured (idle, budget 1000): search CPU
// 2950-3460 ms (3-3.5x; CPU guard at 4000 not reached), work clock at give-up 1873 ms.
// Uncounted: problem.ts elementContext -> contexts.ts inputTerminals -> kinds.ts kindOf, once per
// element row over the whole input (quadratic in the list's length), and budget.ts charge checks the
// clock only every 256 charges however large each is (a lambda over 75 000 elements is 9 ms).
// Mended: the clock is read after 4,096 units too; the input's fields beside an element are told
// scalar on the examples, not per element row; a lambda's sort is charged its n log2 n comparisons
// (the rest of the CPU): 830-1130 ms.
const bigList = (): CapabilitySpec => {
  seed = 7;
  return makeSpec("big_list", "A number from the list.", NOISE.map((n) => [{ xs: Array.from({ length: 15_000 }, () => ri(1000)) }, n]));
};

// Five texts of 100 000 letters. Measured (idle, budget 500): search CPU 138-179 ms (0.28-0.36x).
// Over-priced: bank.ts add's keyChars (2.1 us per 256 characters) for a key that is one long string
// (kinds.ts keyPart's JSON.stringify copies it at far less). Measured again on the mended tree (stop
// 49): 322-377 ms (0.65-0.75x), the keys priced as before; the charges added since move the rest.
const longText = (): CapabilitySpec => {
  seed = 7;
  return makeSpec("long_text", "Something about the text.", NOISE.map((n) => [{ s: word(100_000) }, `q${n}`]));
};

// A record of 1 500 short texts with numbers in them beside a list of 400 numbers, answers no program
// gives. Measured (idle, budget 1000): search CPU 3390 ms (3.4x; CPU guard at 4000 not reached) while
// the work clock reads 1001 ms at give-up: uncounted before the first candidate, lookup-keys.ts
// namingKeys (every field against every part of every entry of the list, called from
// example-backend.ts before chooseProgram) and problem.ts elementContext -> contexts.ts
// inputTerminals/numberTerminals (every field of the input again for each element row).
// Mended: namingKeys reads the lists' naming parts once, not once per field; at most 64 of the input's
// fields are read beside an element (contexts.ts MAX_OUTER_FIELDS), each counted: 1125-1450 ms; once
// the pairs of numbers fitted as a * x + b * y are counted too (search.ts pairFits), 360-410 ms at load 5.
const wideRecord = (): CapabilitySpec => {
  seed = 13;
  return makeSpec("wide_record", "A number from the record.", NOISE.map((n) => [{ ...Object.fromEntries(Array.from({ length: 1500 }, (_, k) => [`f${k}`, `${word(3)}${ri(99)}-${ri(99)}`])), xs: Array.from({ length: 400 }, () => ri(100)) }, n]));
};

describe("the work clock's calibration (attack)", () => {
  it("a search on a wide record beside a list spends at most about twice its budget in CPU", async () => {
    const { searchCpu, workMs } = await measure(wideRecord(), 1000);
    expect(workMs).toBeLessThanOrEqual(1.1 * 1000);
    expect(searchCpu).toBeLessThanOrEqual(2 * 1000);
  });

  it("a search on long lists spends at most about twice its budget in CPU", async () => {
    const { searchCpu } = await measure(bigList(), 1000);
    expect(searchCpu).toBeLessThanOrEqual(2 * 1000);
  });

  // Mended (stop 48): the budget read its clock every 256 charges however large each was; it now
  // reads it after 4,096 units of work too.
  it("a search on long lists stops near its budget in work, too", async () => {
    const { workMs } = await measure(bigList(), 1000);
    expect(workMs).toBeLessThanOrEqual(1.25 * 1000);
  });

  // Its CPU is no test: how much CPU a unit of work costs is the machine's speed (0.65-0.75x of the
  // budget where stop 49 measured it, 0.35-0.38x on stop 50's machine, e866180 and after alike), and
  // a lower bound on it failed every clean-clone run there. What the clock promises is that the
  // search runs to its budget in work, not past it and not short of it.
  it("a search on long texts runs to its budget in work", async () => {
    const { workMs } = await measure(longText(), 500);
    expect(workMs).toBeGreaterThanOrEqual(500);
    expect(workMs).toBeLessThanOrEqual(1.25 * 500);
  });

  // Not the clock's promise but met on the way: 500 texts with numbers and a list of 400 numbers, the
  // answer a + b. The rival search's topContext (rows: examples and probes, 400 elements each) reached
  // contexts.ts numberTerminals' Math.min(...runs) with ~10^5 arguments: RangeError (call stack), not a
  // SynthesizerError; with the spread a loop, it ran out of heap (the rival search's probes are every
  // other entry a and b name in xs: 395,600 element rows, each with every field). Mended: a loop; the
  // rival search builds its contexts inside its time guard, and every field read for them is counted.
  const wideSum = (fields: number, list: number): CapabilitySpec => {
    seed = 13;
    return makeSpec("wide_sum", "The total of a and b.", NOISE.map(() => {
      const a = ri(50);
      const b = ri(50);
      return [{ ...Object.fromEntries(Array.from({ length: fields }, (_, k) => [`f${k}`, `${word(3)}${ri(99)}-${ri(99)}`])), a, b, xs: Array.from({ length: list }, () => ri(100)) }, a + b];
    }));
  };

  it("a wide record beside a list of 400 gives a program or a SynthesizerError, never a RangeError", async () => {
    try {
      await createExampleBackend().synthesize(wideSum(500, 400), { budgetMs: 300 });
    } catch (err) {
      expect(err).toBeInstanceOf(SynthesizerError);
    }
  });

  it("on a budget that reaches it, the same task gives a + b, and the rival search ends", async () => {
    const result = await createExampleBackend().synthesize(wideSum(500, 400), { budgetMs: 1000 });
    expect(result.program).toEqual({ k: "op", op: "add", args: [{ k: "in", path: ["a"] }, { k: "in", path: ["b"] }] });
  });

  // 2 500 texts and a list of 300 on a budget of 500 ran out of heap after ~100 s of probes.
  it("2,500 texts beside a list of 300 end in a program or a SynthesizerError, in bounded memory", async () => {
    try {
      await createExampleBackend().synthesize(wideSum(2500, 300), { budgetMs: 500 });
    } catch (err) {
      expect(err).toBeInstanceOf(SynthesizerError);
    }
    expect(process.memoryUsage().heapUsed).toBeLessThan(1.5e9);
  });

  // Found past the attack (stop 49): a search that finds a + b beside 2,500 texts went on into the
  // probes, which copied the whole record for every change of every field (each example's 2,500
  // fields times about ten changes, then again for sixty probes of two changes): out of heap.
  // The changes are now built as they are taken, up to the 400 probes kept.
  it("probes of records of 3,000 fields are at most 400, each one field off an example, in bounded memory", () => {
    seed = 13;
    const records = NOISE.map(() => Object.fromEntries(Array.from({ length: 3000 }, (_, k) => [`f${k}`, k % 2 ? ri(1000) : `${word(3)}${ri(99)}`])));
    const before = process.memoryUsage().heapUsed;
    const probes = probeInputs(records);
    const bounds = boundaryProbes(records, [10, 500]);
    expect(probes.length).toBe(400);
    expect(bounds.length).toBe(400);
    const changed = (p: Record<string, unknown>): number => Math.min(...records.map((r) => Object.keys(r).filter((k) => r[k] !== p[k]).length));
    // The first round changes one leaf; the few of two changes come after it.
    expect(probes.slice(0, 300).every((p) => changed(p as Record<string, unknown>) === 1)).toBe(true);
    expect(bounds.every((p) => changed(p as Record<string, unknown>) === 1)).toBe(true);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(1e9);
  });
});
