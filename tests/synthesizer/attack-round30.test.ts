/**
 * Attacks on rounds 30a, 30b and 30c (issue 17): plain tasks published, not asked about forever,
 * and the ordinary answer a description states (30a: stated-ordinary.ts, stated-range.ts); numbers
 * as people write them (30b: written-numbers.ts, number-marks.ts); a test of the letters' case the
 * description does not speak of (30c: case-tests.ts). Specs invented here (attack-round30-variants.ts),
 * none copied from a set under tests/fixtures/specs. Each holds the backend to its promise: never
 * publish a program that fits the examples but is wrong where the description settles the answer;
 * when unsure, ask. The person answers up to six questions; a `simple` spec's task is plain enough
 * that asking forever is itself a break.
 * A break is `it.fails("BREAK: …")`, an attempt that held `it("held: …")`, a benign spec that must
 * keep working `it("control: …")`. R30_TRACE=1 prints what the backend asked and published.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { attackSuite, keepsStatedPromise } from "./stated-attacks.ts";
import type { AttackStanding } from "./stated-attacks.ts";
import type { Attack } from "./attack-round28-variants.ts";
import { CASES, CONTROLS, MARKS, ORDINARY, PLAIN } from "./attack-round30-variants.ts";

const backend = createExampleBackend();

/** The promise (stated-attacks.ts), published within six answers where the spec says it must be. */
const keepsPromise = (a: Attack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: a.simple === true, traceVar: "R30_TRACE" });

/** The attacks that break the promise, by cause (R30_TRACE=1 shows each trace). */
const BREAKS = new Set<string>([
  // Asked forever about a plain task because of a number that is no bound: a phone number with
  // no-break spaces ("0800 123 456": minutes 456, 457, …), an id with a thin space ("batch 12 345":
  // temperature 345, 346, …); and the lakh with the rupee sign after it ("above 1,00,000 ₹": price
  // 1, 2, 50001, 50002, … never published).
  "phoneNbsp", "idThinSpace", "lakhRupeeAfter",
]);

/**
 * Broke round 30, mended by the lead before it landed (each published wrong):
 * - stated-ordinary.ts: a label that makes the number a rate ("per item ordered", "Hourly", "Daily")
 *   states no ordinary answer, so the constant is doubted as before.
 * - number-marks.ts / written-numbers.ts: a k or M after digits is doubtful (a thousand or a million,
 *   or a unit: "18k" gold, "2M" of cable), read both ways and settled by the examples or asked about.
 * - case-tests.ts: an example counts as "already in capitals" only where a text of it has a letter.
 */
/**
 * Broke round 30 (asked forever about a plain task), mended in round 31 (stated-range.ts): "per m3
 * in excess of 20", "per day past 30" are rates past a bound; "2 per km for the first 10 km, then 1
 * per km" is a second tier's rate past the first's bound.
 */
const FIXED_31 = new Set<string>(["inExcessRate", "pastRate", "twoRates"]);

const FIXED = new Set<string>(["perItemLabel", "hourlyLabel", "dailyLabel", "karatGold", "karatSurcharge", "metresM", "emptyTextExample", "blankTextExample"]);

/** A describe of attacks, each named by how it stands (stated-attacks.ts). */
function attacks(title: string, list: Record<string, Attack>, kind = "held"): void {
  const standing: AttackStanding = { breaks: BREAKS, fixed: [["round 30, lead", FIXED], ["round 31", FIXED_31]] };
  attackSuite(title, list, standing, keepsPromise, kind);
}

attacks("30a: plain tasks in other words", PLAIN);
attacks("30a: a stated constant that is not the ordinary answer", ORDINARY);
attacks("30b: marks beside numbers that are no thousands, no currency, no k", MARKS);
attacks("30c: a test of case past the doubt", CASES);

describe("controls", () => {
  for (const [key, a] of Object.entries(CONTROLS)) {
    if (BREAKS.has(key)) it.fails(`BREAK (control): ${key} — ${a.description}`, () => keepsPromise(a), ANSWERED_MS);
    else it(`control: ${key} — ${a.description}`, () => keepsPromise(a), ANSWERED_MS);
  }
});
