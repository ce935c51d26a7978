/**
 * Stop 54 (issue 17): a repeat the words count once. "A tag listed twice on one post counts once for
 * that post" from examples where no post lists a tag twice fits the count of every listing, and no
 * rival that drops repeats parts from it on any example: the development set's posts_per_tag was
 * published so, wrong in silence. Where the words say a repeat counts once or only distinct values
 * count and the program keeps every repeat, the person is asked about an example with an item given
 * twice (in a list of the input, or in a list each entry holds), unless an example shows one.
 * Specs invented here. STOP54_REPEATS_TRACE=1 prints what the backend asked and published.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();

/** Each must not publish wrong in silence (asking on, or giving up, keeps the promise). */
const REPEATS: Record<string, StatedAttack> = {
  skillsPerPerson: {
    name: "people_per_skill",
    description: "For each skill, how many people list it. A skill one person lists twice counts once for that person.",
    examples: [
      [{ people: [{ name: "Ana", skills: ["sql", "go"] }, { name: "Bo", skills: ["go"] }] }, { sql: 1, go: 2 }],
      [{ people: [{ name: "Cy", skills: ["rust"] }, { name: "Di", skills: ["rust", "sql"] }, { name: "Ed", skills: ["sql"] }] }, { rust: 2, sql: 2 }],
    ],
    person: (i: In) => {
      const out: Record<string, number> = {};
      for (const p of i.people as In[]) for (const s of new Set(p.skills as string[])) out[s] = (out[s] ?? 0) + 1;
      return out;
    },
    probes: [{ people: [{ name: "Fy", skills: ["go", "go", "sql"] }] }, { people: [{ name: "Gu", skills: ["c"] }, { name: "Ho", skills: ["c", "c"] }] }],
  },
  uniqueVisitors: {
    name: "unique_visitors",
    description: "The number of unique visitors in the log.",
    examples: [[{ visitors: ["ann", "bob"] }, 2], [{ visitors: ["cy"] }, 1], [{ visitors: ["dee", "eve", "fay"] }, 3]],
    person: (i: In) => new Set(i.visitors as string[]).size,
    probes: [{ visitors: ["ann", "ann"] }, { visitors: ["x", "y", "x", "z"] }],
  },
};

/** Controls: the words count every repeat, or say "once" of something else; each must publish. */
const CONTROLS: Record<string, StatedAttack> = {
  visitsCountTwice: {
    name: "visit_count",
    description: "The number of visits in the log; a visitor who came twice counts twice.",
    examples: [[{ visitors: ["ann", "bob"] }, 2], [{ visitors: ["cy"] }, 1], [{ visitors: ["dee", "eve", "fay"] }, 3]],
    person: (i: In) => (i.visitors as string[]).length,
    probes: [{ visitors: ["ann", "ann"] }, { visitors: [] }],
  },
  onceAWeek: {
    name: "reminders_sent",
    description: "A reminder goes out once a week: the number of reminders sent over the given weeks.",
    examples: [[{ weeks: ["w1", "w2"] }, 2], [{ weeks: ["w3"] }, 1], [{ weeks: ["w4", "w5", "w6"] }, 3]],
    person: (i: In) => (i.weeks as string[]).length,
    probes: [{ weeks: ["w7", "w8", "w9", "w10"] }],
  },
};

describe("a repeat the words count once is asked about where no example shows one", () => {
  for (const [key, a] of Object.entries(REPEATS)) it(`${key} — ${a.description}`, () => keepsStatedPromise(backend, a, { mustPublish: false, traceVar: "STOP54_REPEATS_TRACE" }), ANSWERED_MS);
  for (const [key, a] of Object.entries(CONTROLS)) it(`(control) ${key} — ${a.description}`, () => keepsStatedPromise(backend, a, { mustPublish: true, traceVar: "STOP54_REPEATS_TRACE" }), ANSWERED_MS);
});
