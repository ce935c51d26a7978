/**
 * Attack on stop 54's repeat rule (described-shapes.ts: ONCE_WORDS, TWICE, innerPieces): where the
 * words count a repeat once and the program keeps every repeat, the person is asked about an example
 * with a text item given twice. Specs invented for the attack, none from a set under tests/fixtures.
 *
 * Standing (each a `BREAK` until mended):
 * - Held since the lead's mend (ONCE_WORDS reads only words that count a repeat once): "counts one
 *   time no matter how often", "each city taken once", "however many times a language is listed"
 *   (published wrong in silence before stop 54) are asked about and published right; "a visitor who
 *   came twice counts twice", "duplicates included", "every repeat counts", "twice the base price",
 *   "paid twice a month" (pointless questions of the rule's first form) publish with none.
 * - Open: a repeat across entries (distinct customers of orders: no entry holds a list, so no
 *   example is changed into one; published as the count of orders); "a unique id" per order asks
 *   about a repeated id the sum never reads (another question, as before stop 54); a count with a
 *   condition ("each line with a weight over 2 counted twice") still asks after six answers.
 * - Held from the start: unique ids as numbers, "different colours", two levels deep, a repeat asked
 *   or shown in another list.
 * STOP54B_ATTACK_TRACE=1 prints what the backend asked and published; STOP54B_ATTACK_ONLY=key,key runs those.
 */
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { attackSuite, keepsStatedPromise } from "./stated-attacks.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const uniq = (xs: readonly unknown[]): number => new Set(xs).size;
const hasRepeat = (xs: unknown): boolean => Array.isArray(xs) && new Set(xs).size < xs.length;

const ATTACKS: Record<string, StatedAttack> = {
  // ---- silent overfits the rule may miss ----
  uniqueIdsNumbers: {
    name: "unique_ids_count",
    description: "The number of unique ids in the batch.",
    examples: [[{ ids: [101, 205, 317] }, 3], [{ ids: [4] }, 1], [{ ids: [9, 8] }, 2]],
    person: (i: In) => uniq(i.ids),
    probes: [{ ids: [5, 5, 6] }, { ids: [7, 7] }],
  },
  distinctCustomersAcross: {
    name: "distinct_customers",
    description: "The number of distinct customers who placed the orders.",
    examples: [
      [{ orders: [{ customer: "ann", total: 5 }, { customer: "bob", total: 7 }] }, 2],
      [{ orders: [{ customer: "cy", total: 3 }] }, 1],
      [{ orders: [{ customer: "dee", total: 1 }, { customer: "eve", total: 2 }, { customer: "fay", total: 4 }] }, 3],
    ],
    person: (i: In) => uniq((i.orders as In[]).map((o) => o.customer)),
    probes: [{ orders: [{ customer: "ann", total: 5 }, { customer: "ann", total: 2 }] }],
  },
  differentColours: {
    name: "different_colours",
    description: "How many different colours are in the list.",
    examples: [[{ colours: ["red", "blue"] }, 2], [{ colours: ["green"] }, 1], [{ colours: ["red", "teal", "gold"] }, 3]],
    person: (i: In) => uniq(i.colours),
    probes: [{ colours: ["red", "red", "blue"] }],
  },
  noMatterHowOften: {
    name: "guests_invited",
    description: "The number of guests invited; a guest counts one time no matter how often the name appears on the list.",
    examples: [[{ names: ["ann", "bob"] }, 2], [{ names: ["cy"] }, 1], [{ names: ["dee", "eve", "fay"] }, 3]],
    person: (i: In) => uniq(i.names),
    probes: [{ names: ["ann", "ann"] }, { names: ["x", "y", "x"] }],
  },
  eachCityOnce: {
    name: "cities_visited",
    description: "The number of cities in the travel log, each city taken once.",
    examples: [[{ cities: ["rome", "oslo"] }, 2], [{ cities: ["lima"] }, 1], [{ cities: ["kyiv", "bern", "riga"] }, 3]],
    person: (i: In) => uniq(i.cities),
    probes: [{ cities: ["rome", "oslo", "rome"] }],
  },
  howeverManyTimes: {
    name: "languages_spoken",
    description: "How many languages the team speaks, however many times a language is listed.",
    examples: [[{ languages: ["en", "fr"] }, 2], [{ languages: ["de"] }, 1], [{ languages: ["es", "it", "pt"] }, 3]],
    person: (i: In) => uniq(i.languages),
    probes: [{ languages: ["en", "en", "fr"] }],
  },
  twoLevelsDeep: {
    name: "skills_across_teams",
    description: "The number of distinct skills across all members of all teams.",
    examples: [
      [{ teams: [{ name: "a", members: [{ name: "x", skills: ["go", "sql"] }] }] }, 2],
      [{ teams: [{ name: "b", members: [{ name: "y", skills: ["c"] }, { name: "z", skills: ["rust"] }] }] }, 2],
      [{ teams: [{ name: "c", members: [{ name: "w", skills: ["js"] }] }, { name: "d", members: [{ name: "v", skills: ["py", "r"] }] }] }, 3],
    ],
    person: (i: In) => uniq((i.teams as In[]).flatMap((t) => (t.members as In[]).flatMap((m) => m.skills))),
    probes: [{ teams: [{ name: "e", members: [{ name: "u", skills: ["go", "go"] }] }] }, { teams: [{ name: "f", members: [{ name: "s", skills: ["go"] }, { name: "t", skills: ["go"] }] }] }],
  },
  repeatAskedInOtherList: {
    name: "unique_visitors_pages",
    description: "The number of unique visitors; pages lists the pages they viewed.",
    examples: [
      [{ pages: ["home", "about", "faq"], visitors: ["ann", "bob"] }, 2],
      [{ pages: ["home"], visitors: ["cy", "dee", "eve"] }, 3],
      [{ pages: ["faq", "shop"], visitors: ["fay"] }, 1],
    ],
    person: (i: In) => uniq(i.visitors),
    probes: [{ pages: ["home"], visitors: ["ann", "ann"] }, { pages: ["a", "b"], visitors: ["x", "y", "x"] }],
  },
  repeatShownInOtherList: {
    name: "unique_visitors_shown",
    description: "The number of unique visitors; pages lists the pages they viewed.",
    examples: [
      [{ pages: ["home", "home", "faq"], visitors: ["ann", "bob"] }, 2],
      [{ pages: ["home"], visitors: ["cy", "dee", "eve"] }, 3],
      [{ pages: ["faq", "shop"], visitors: ["fay"] }, 1],
    ],
    person: (i: In) => uniq(i.visitors),
    probes: [{ pages: ["home"], visitors: ["ann", "ann"] }, { pages: ["a", "b"], visitors: ["x", "y", "x"] }],
  },
  // ---- false alarms: the words state the answer with a repeat, or "unique"/"twice" speak of something else ----
  ctlVisitsCountTwice: {
    name: "visit_count_twice",
    description: "The number of visits in the log; a visitor who came twice counts twice.",
    examples: [[{ visitors: ["ann", "bob"] }, 2], [{ visitors: ["cy"] }, 1], [{ visitors: ["dee", "eve", "fay"] }, 3]],
    person: (i: In) => (i.visitors as string[]).length,
    probes: [{ visitors: ["ann", "ann"] }],
    settled: (i: In) => hasRepeat(i.visitors),
  },
  ctlDuplicatesIncluded: {
    name: "tags_on_post",
    description: "The number of tags on the post, duplicates included.",
    examples: [[{ tags: ["news", "tech"] }, 2], [{ tags: ["art"] }, 1], [{ tags: ["a", "b", "c"] }, 3]],
    person: (i: In) => (i.tags as string[]).length,
    probes: [{ tags: ["x", "x"] }],
    settled: (i: In) => hasRepeat(i.tags),
  },
  ctlEveryRepeatCounts: {
    name: "clicks_in_log",
    description: "Every repeat counts: the number of clicks in the log.",
    examples: [[{ clicks: ["btn1", "btn2"] }, 2], [{ clicks: ["btn3"] }, 1], [{ clicks: ["a", "b", "c"] }, 3]],
    person: (i: In) => (i.clicks as string[]).length,
    probes: [{ clicks: ["btn1", "btn1", "btn1"] }],
    settled: (i: In) => hasRepeat(i.clicks),
  },
  ctlTwiceThePrice: {
    name: "cart_twice_price",
    description: "Each item in the cart costs twice the base price; the answer is what the whole cart costs.",
    examples: [[{ items: ["pen", "cap"], basePrice: 2 }, 8], [{ items: ["mug"], basePrice: 5 }, 10], [{ items: ["a", "b", "c"], basePrice: 1 }, 6]],
    person: (i: In) => 2 * i.basePrice * (i.items as string[]).length,
    probes: [{ items: ["pen", "pen"], basePrice: 3 }],
    settled: (i: In) => hasRepeat(i.items),
  },
  ctlPaidTwiceAMonth: {
    name: "rent_payments",
    description: "Rent is paid twice a month: the number of payments over the listed months.",
    examples: [[{ months: ["jan", "feb"] }, 4], [{ months: ["mar"] }, 2], [{ months: ["apr", "may", "jun"] }, 6]],
    person: (i: In) => 2 * (i.months as string[]).length,
    probes: [{ months: ["jul", "aug", "sep", "oct"] }],
    settled: (i: In) => hasRepeat(i.months),
  },
  ctlUniqueIdPerOrder: {
    name: "orders_total",
    description: "Each order carries a unique id; the answer is the total of the order amounts.",
    examples: [[{ ids: ["a1", "b2"], amounts: [5, 3] }, 8], [{ ids: ["c3"], amounts: [4] }, 4], [{ ids: ["d4", "e5", "f6"], amounts: [1, 2, 6] }, 9]],
    person: (i: In) => sum(i.amounts),
    probes: [{ ids: ["x", "y"], amounts: [10, 0.5] }],
    settled: (i: In) => hasRepeat(i.ids),
  },
  ctlUniqueCodeEachLine: {
    name: "shipping_lines",
    description: "Every shipping line has a unique tracking code; the answer is the number of lines, each line with a weight over 2 counted twice.",
    examples: [
      [{ lines: [{ code: "t1", weight: 1 }, { code: "t2", weight: 3 }] }, 3],
      [{ lines: [{ code: "t3", weight: 5 }] }, 2],
      [{ lines: [{ code: "t4", weight: 1 }, { code: "t5", weight: 2 }, { code: "t6", weight: 1 }] }, 3],
    ],
    person: (i: In) => sum((i.lines as In[]).map((l) => (l.weight > 2 ? 2 : 1))),
    probes: [{ lines: [{ code: "x", weight: 9 }, { code: "y", weight: 9 }] }],
  },
};

/** Plain tasks: publishing nothing within six answers is a break too. */
const MUST = new Set(Object.keys(ATTACKS).filter((k) => k.startsWith("ctl")));
const BREAKS = new Set<string>(["distinctCustomersAcross", "ctlUniqueIdPerOrder", "ctlUniqueCodeEachLine"]);
const FIXED = new Set(["noMatterHowOften", "eachCityOnce", "howeverManyTimes", "ctlVisitsCountTwice", "ctlDuplicatesIncluded", "ctlEveryRepeatCounts", "ctlTwiceThePrice", "ctlPaidTwiceAMonth"]);
const ONLY = (process.env.STOP54B_ATTACK_ONLY ?? "").split(",").filter(Boolean);
const chosen = Object.fromEntries(Object.entries(ATTACKS).filter(([key]) => ONLY.length === 0 || ONLY.includes(key)));
const keyOf = new Map(Object.entries(ATTACKS).map(([key, a]) => [a, key]));
attackSuite("stop 54b attack: a repeat the words count once", chosen, { breaks: BREAKS, fixed: [["stop 54, lead", FIXED]] }, (a) =>
  keepsStatedPromise(backend, a, { mustPublish: MUST.has(keyOf.get(a) ?? ""), traceVar: "STOP54B_ATTACK_TRACE", answers: 6 }));
