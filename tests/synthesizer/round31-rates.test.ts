/**
 * Round 31 (issue 17): a rate past a bound in the words people use ("3 per m3 in excess of 20",
 * "2 per day past 30", "exceeding 40"), a second tier's rate with no bound of its own ("2 per km for
 * the first 10 km, then 1 per km"), and examples that lie past the bound: the search fits them less
 * the rate's amount (stated-range.ts `lessStatedRates`), so a plain task is published, not asked
 * about forever, and the rate is not taken where the examples past the bound refute it. Specs
 * invented here. R31_TRACE=1 prints what the backend asked and published.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const over = (x: number, n: number): number => Math.max(0, x - n);
type Spec = StatedAttack & { readonly simple?: true };
const keeps = (a: Spec): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: a.simple === true, traceVar: "R31_TRACE" });

const PLAIN: Record<string, Spec> = {
  exceedingRate: {
    name: "overtime_pay",
    description: "Overtime pay: 0, plus 25 per hour exceeding 40.",
    examples: [[{ hours: 30 }, 0], [{ hours: 38 }, 0]],
    person: (i: In) => 25 * over(i.hours, 40),
    probes: [{ hours: 41 }, { hours: 40 }, { hours: 50 }],
    simple: true,
  },
  inExcessWithExample: {
    name: "data_charge",
    description: "Data charge: 20, plus 4 per GB in excess of 10.",
    examples: [[{ gb: 3 }, 20], [{ gb: 13 }, 32]],
    person: (i: In) => 20 + 4 * over(i.gb, 10),
    probes: [{ gb: 10 }, { gb: 11 }, { gb: 0 }, { gb: 30 }],
    simple: true,
  },
  pastWithExamples: {
    name: "parking_fine",
    description: "Parking fine: 15, plus 5 per day past 3.",
    examples: [[{ days: 1 }, 15], [{ days: 5 }, 25], [{ days: 8 }, 40]],
    person: (i: In) => 15 + 5 * over(i.days, 3),
    probes: [{ days: 3 }, { days: 4 }, { days: 20 }],
    simple: true,
  },
  aboveWithExampleOnly: {
    name: "luggage_fee",
    description: "Luggage fee: 40, plus 10 for each kg above 20.",
    examples: [[{ kg: 25 }, 90], [{ kg: 22 }, 60]],
    person: (i: In) => 40 + 10 * over(i.kg, 20),
    probes: [{ kg: 20 }, { kg: 10 }, { kg: 30 }],
  },
  thenRate: {
    name: "taxi_fare",
    description: "Taxi fare: 3 per km for the first 5 km, then 2 per km.",
    examples: [[{ km: 2 }, 6], [{ km: 9 }, 23]],
    person: (i: In) => 3 * Math.min(i.km, 5) + 2 * over(i.km, 5),
    probes: [{ km: 5 }, { km: 6 }, { km: 1 }, { km: 40 }],
    simple: true,
  },
  thereafterRate: {
    name: "print_cost",
    description: "Printing: 0.5 per page up to 100 pages, and 0.25 per page thereafter.",
    examples: [[{ pages: 40 }, 20], [{ pages: 300 }, 100]],
    person: (i: In) => 0.5 * Math.min(i.pages, 100) + 0.25 * over(i.pages, 100),
    probes: [{ pages: 100 }, { pages: 101 }, { pages: 10 }],
    simple: true,
  },
  afterThatRate: {
    name: "call_cost",
    description: "Call cost: 0.3 per minute for the first 10 minutes, after that 0.1 per minute.",
    examples: [[{ minutes: 5 }, 1.5], [{ minutes: 30 }, 5]],
    person: (i: In) => 0.3 * Math.min(i.minutes, 10) + 0.1 * over(i.minutes, 10),
    probes: [{ minutes: 10 }, { minutes: 11 }, { minutes: 0 }],
    simple: true,
  },
  minusPast: {
    name: "battery_score",
    description: "Battery score: 100, minus 2 for each cycle past 500.",
    examples: [[{ cycles: 100 }, 100], [{ cycles: 510 }, 80]],
    person: (i: In) => 100 - 2 * over(i.cycles, 500),
    probes: [{ cycles: 500 }, { cycles: 501 }, { cycles: 520 }],
    simple: true,
  },
};

/** The examples past the bound refute the rate, or the words name another field: never published wrong. */
const HOSTILE: Record<string, Spec> = {
  // The example past the bound says the rate is not added (the fee is capped): the rate is not the
  // reading, and no program that adds it may be published.
  refutedByExample: {
    name: "storage_cap",
    description: "Storage: 10, plus 2 per day past 30; at most 40.",
    examples: [[{ days: 5 }, 10], [{ days: 60 }, 40], [{ days: 35 }, 20]],
    person: (i: In) => Math.min(40, 10 + 2 * over(i.days, 30)),
    probes: [{ days: 31 }, { days: 45 }, { days: 100 }],
  },
  // Two numbers: the rate is on the weight, not on the distance.
  twoFields: {
    name: "courier_fee",
    description: "Courier fee: 8, plus 1.5 for each kg above 5 of the weight.",
    examples: [[{ weight: 2, distance: 30 }, 8], [{ weight: 9, distance: 4 }, 14]],
    person: (i: In) => 8 + 1.5 * over(i.weight, 5),
    probes: [{ weight: 5, distance: 50 }, { weight: 20, distance: 1 }, { weight: 1, distance: 100 }],
  },
  // A rate whose unit names the wrong field for a reader of units: "per km past 100" of the distance, beside a `kg` field.
  unitNamesField: {
    name: "freight",
    description: "Freight: 50, plus 0.5 per km past 100.",
    examples: [[{ km: 80, kg: 300 }, 50], [{ km: 140, kg: 20 }, 70]],
    person: (i: In) => 50 + 0.5 * over(i.km, 100),
    probes: [{ km: 100, kg: 500 }, { km: 300, kg: 1 }, { km: 10, kg: 900 }],
  },
  // "past" in time, not a bound of a rate: "the fee per day past due" names no number after it.
  pastDue: {
    name: "late_charge",
    description: "Late charge: 3 per day past due.",
    examples: [[{ daysLate: 2 }, 6], [{ daysLate: 5 }, 15]],
    person: (i: In) => 3 * i.daysLate,
    probes: [{ daysLate: 0 }, { daysLate: 30 }],
  },
};

describe("a rate past a bound in other words, and examples past the bound", () => {
  for (const [key, a] of Object.entries(PLAIN)) it(`${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
});
describe("never a rate the examples or the words refute", () => {
  for (const [key, a] of Object.entries(HOSTILE)) it(`${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
});
