/**
 * Attacks on round 30's lead mends (issue 17), never attacked by a second attacker before:
 * - stated-ordinary.ts's `RATE_LABEL`: a label that makes the stated number a rate states no ordinary
 *   answer. Labels it misses ("/item", "a piece", "by weight", "quarterly", "percent") and labels it
 *   reads as a rate where the number is the whole answer ("per order", "monthly bonus", "daily special").
 * - number-marks.ts / written-numbers.ts: a k or M after digits is doubtful. Marks that are neither
 *   ("4K screens", "size M", "3M tape"), and the thousands or millions it does not see ("1,5k", "50 k€",
 *   "£2.5m", "US$20").
 * - case-tests.ts: a test of the letters' case the description does not speak of. Case words about
 *   something else ("caps", "by the case"), "title case" about the output and not the test, and an
 *   example "already in capitals" only by a field the test never reads.
 * Specs invented here, none copied from a set under tests/fixtures/specs. Each holds the backend to
 * its promise (stated-attacks.ts); a `simple` spec must be published within six answers.
 * A31P_TRACE=1 prints what the backend asked and published.
 */
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { attackSuite, keepsStatedPromise } from "./stated-attacks.ts";
import type { AttackStanding } from "./stated-attacks.ts";
import type { In } from "./stated-attacks.ts";
import type { Attack } from "./attack-round28-variants.ts";

const backend = createExampleBackend();
const keepsPromise = (a: Attack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: a.simple === true, traceVar: "A31P_TRACE" });
const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };
const over = (x: number, n: number): number => Math.max(0, x - n);
const lines = (t: string): string[] => t.split(/\r?\n/);
const all = (): boolean => true;

// ---------------------------------------------------------------------------------------------
// 1. RATE_LABEL: rates it misses (the stated number is per unit, every example one unit).
// ---------------------------------------------------------------------------------------------

const RATE_MISSED: Record<string, Attack> = {
  slashItem: {
    name: "delivery_cost",
    description: "Delivery cost/item: 0 when the basket is above 50, else 7.",
    examples: [[{ basket: 80, items: 1 }, 0], [{ basket: 20, items: 1 }, 7], [{ basket: 30, items: 1 }, 7]],
    person: (i) => (i.basket > 50 ? 0 : 7 * i.items),
    probes: [{ basket: 20, items: 3 }, { basket: 60, items: 2 }],
    settled: (i) => i.basket > 50,
  },
  aPiece: {
    name: "engraving_cost",
    description: "Engraving, a piece: 0 when the order is above 200, else 4.",
    examples: [[{ order: 300, pieces: 1 }, 0], [{ order: 50, pieces: 1 }, 4], [{ order: 120, pieces: 1 }, 4]],
    person: (i) => (i.order > 200 ? 0 : 4 * i.pieces),
    probes: [{ order: 100, pieces: 5 }, { order: 250, pieces: 2 }],
    settled: (i) => i.order > 200,
  },
  byWeight: {
    name: "courier_charge",
    description: "Courier charge by weight: 0 when the order is above 100, else 3.",
    examples: [[{ order: 150, kg: 1 }, 0], [{ order: 40, kg: 1 }, 3], [{ order: 60, kg: 1 }, 3]],
    person: (i) => (i.order > 100 ? 0 : 3 * i.kg),
    probes: [{ order: 40, kg: 4 }, { order: 90, kg: 2.5 }],
    settled: (i) => i.order > 100,
  },
  quarterly: {
    name: "service_fee",
    description: "Quarterly service fee: 0 when the balance is above 5000, else 40.",
    examples: [[{ balance: 9000, quarters: 1 }, 0], [{ balance: 1000, quarters: 1 }, 40], [{ balance: 2000, quarters: 1 }, 40]],
    person: (i) => (i.balance > 5000 ? 0 : 40 * i.quarters),
    probes: [{ balance: 1000, quarters: 4 }, { balance: 3000, quarters: 2 }],
    settled: (i) => i.balance > 5000,
  },
  percentLabel: {
    name: "service_tip",
    description: "Tip in percent of the bill: 0 when the bill is below 10, else 15.",
    examples: [[{ bill: 5 }, 0], [{ bill: 100 }, 15], [{ bill: 100 }, 15]],
    person: (i) => (i.bill < 10 ? 0 : 0.15 * i.bill),
    probes: [{ bill: 40 }, { bill: 200 }],
    settled: (i) => i.bill < 10,
  },
  timesNights: {
    name: "tourist_tax",
    description: "Tourist tax (× nights): 0 when the age is under 16, else 2.",
    examples: [[{ age: 10, nights: 1 }, 0], [{ age: 30, nights: 1 }, 2], [{ age: 50, nights: 1 }, 2]],
    person: (i) => (i.age < 16 ? 0 : 2 * i.nights),
    probes: [{ age: 30, nights: 5 }, { age: 12, nights: 3 }],
    settled: (i) => i.age < 16,
  },
  perBookSlash: {
    name: "library_fine",
    description: "Late return fine/book: 5, plus 0.5 for each day over 7.",
    examples: [[{ days: 2, books: 1 }, 5], [{ days: 6, books: 1 }, 5], [{ days: 3, books: 1 }, 5]],
    person: (i) => i.books * (5 + 0.5 * over(i.days, 7)),
    probes: [{ days: 3, books: 2 }, { days: 10, books: 1 }, { days: 10, books: 3 }],
    // One book kept up to 7 days: 5, as stated.
    settled: (i) => i.books === 1 && i.days <= 7,
  },
  biweekly: {
    name: "cleaning_fee",
    description: "Biweekly cleaning: 0 when the rooms are below 1, else 35.",
    examples: [[{ rooms: 0, weeks: 2 }, 0], [{ rooms: 2, weeks: 2 }, 35], [{ rooms: 3, weeks: 2 }, 35]],
    person: (i) => (i.rooms < 1 ? 0 : 35 * (i.weeks / 2)),
    probes: [{ rooms: 2, weeks: 6 }, { rooms: 1, weeks: 4 }],
    settled: (i) => i.rooms < 1,
  },
};

// ---------------------------------------------------------------------------------------------
// 1. RATE_LABEL: words it reads as a rate where the number is the whole answer (plain tasks).
// ---------------------------------------------------------------------------------------------

const RATE_OVERREAD: Record<string, Attack> = {
  perOrder: {
    name: "order_shipping",
    description: "Shipping per order: 0 when the basket is above 50, else 7.",
    examples: [[{ basket: 80 }, 0], [{ basket: 20 }, 7]],
    person: (i) => (i.basket > 50 ? 0 : 7),
    probes: [{ basket: 50 }, { basket: 51 }, { basket: 0 }],
    settled: all,
    simple: true,
  },
  monthlyBonus: {
    name: "sales_bonus",
    description: "Monthly bonus: 50 when the sales are over 100, else 0.",
    examples: [[{ sales: 40 }, 0], [{ sales: 150 }, 50]],
    person: (i) => (i.sales > 100 ? 50 : 0),
    probes: [{ sales: 100 }, { sales: 101 }, { sales: 1000 }],
    settled: all,
    simple: true,
  },
  dailySpecial: {
    name: "lunch_price",
    description: "Daily special: 12; 9 when the age is over 64.",
    examples: [[{ age: 30 }, 12], [{ age: 70 }, 9]],
    person: (i) => (i.age > 64 ? 9 : 12),
    probes: [{ age: 64 }, { age: 65 }, { age: 10 }],
    settled: all,
    simple: true,
  },
  asPerPolicy: {
    name: "return_fee",
    description: "Return fee, as per policy: 0 when the days are below 30, else 8.",
    examples: [[{ days: 10 }, 0], [{ days: 45 }, 8]],
    person: (i) => (i.days < 30 ? 0 : 8),
    probes: [{ days: 30 }, { days: 29 }, { days: 90 }],
    settled: all,
    simple: true,
  },
  eachTicket: {
    name: "ticket_price",
    description: "Each ticket: 20; 10 when the age is under 12.",
    examples: [[{ age: 30 }, 20], [{ age: 6 }, 10]],
    person: (i) => (i.age < 12 ? 10 : 20),
    probes: [{ age: 12 }, { age: 11 }, { age: 80 }],
    settled: all,
    simple: true,
  },
  setByTheShop: {
    name: "gift_wrap",
    description: "Gift wrap, set by the shop: 0 when the order is above 40, else 3.",
    examples: [[{ order: 10 }, 3], [{ order: 60 }, 0]],
    person: (i) => (i.order > 40 ? 0 : 3),
    probes: [{ order: 40 }, { order: 41 }, { order: 1 }],
    settled: all,
    simple: true,
  },
  annualPass: {
    name: "pass_price",
    description: "Annual pass: 300; 150 when the age is over 64.",
    examples: [[{ age: 40 }, 300], [{ age: 70 }, 150]],
    person: (i) => (i.age > 64 ? 150 : 300),
    probes: [{ age: 64 }, { age: 65 }, { age: 18 }],
    settled: all,
    simple: true,
  },
  // The stated number written with a currency or a decimal comma: still one number alone.
  dollarElse: {
    name: "small_shipping",
    description: "Shipping: 0 when the basket is above $50, else $7.",
    examples: [[{ basket: 80 }, 0], [{ basket: 20 }, 7]],
    person: (i) => (i.basket > 50 ? 0 : 7),
    probes: [{ basket: 50 }, { basket: 51 }, { basket: 5 }],
    settled: all,
    simple: true,
  },
  decimalCommaElse: {
    name: "postage_fee",
    description: "Postage: 0 when the order is above 30, else 4,50.",
    examples: [[{ order: 10 }, 4.5], [{ order: 60 }, 0]],
    person: (i) => (i.order > 30 ? 0 : 4.5),
    probes: [{ order: 30 }, { order: 31 }, { order: 2 }, { order: 0 }],
    settled: all,
    simple: true,
  },
};

// ---------------------------------------------------------------------------------------------
// 2. k and M: marks that are neither, and thousands or millions the rule does not see.
// ---------------------------------------------------------------------------------------------

const SHORTHAND: Record<string, Attack> = {
  // "1,5k" is 1500 written with a decimal comma.
  decimalCommaKilo: {
    name: "luxury_levy",
    description: "Levy: 0 when the price is below 1,5k, else 0.1 × price.",
    examples: [[{ price: 2000 }, 200], [{ price: 5000 }, 500]],
    person: (i) => (i.price < 1500 ? 0 : 0.1 * i.price),
    probes: [{ price: 1000 }, { price: 1500 }, { price: 1400 }],
    // A k after digits is read both ways by design (round 30: "18k" gold), a thousand or a unit; a
    // price between 1.5 and 1500 tells the readings apart, and one question about it is no break (lead, round 31).
    settled: (i) => i.price < 1.5 || i.price >= 1500,
  },
  // "2,5M": two and a half million with a decimal comma.
  decimalCommaMega: {
    name: "project_subsidy",
    description: "Subsidy: 0.1 × cost; null when the cost is over 2,5M.",
    examples: [[{ cost: 1000000 }, 100000], [{ cost: 2000000 }, 200000]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.cost > 2500000 ? null : 0.1 * i.cost),
    probes: [{ cost: 3000000 }, { cost: 2500000 }, { cost: 2400000 }],
  },
  // "50 k€" (French): fifty thousand euros, the k apart from the digits.
  spacedKiloEuro: {
    name: "salary_levy",
    description: "Levy: 0 when the salary is below 50 k€, else 0.1 × salary.",
    examples: [[{ salary: 80000 }, 8000], [{ salary: 100000 }, 10000]],
    person: (i) => (i.salary < 50000 ? 0 : 0.1 * i.salary),
    probes: [{ salary: 40000 }, { salary: 50000 }, { salary: 49000 }],
  },
  // "£2.5m": the British million, lower-case m.
  lowerMillion: {
    name: "project_grant",
    description: "Grant: 0.1 × cost; null when the cost is over £2.5m.",
    examples: [[{ cost: 1000000 }, 100000], [{ cost: 2000000 }, 200000]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.cost > 2500000 ? null : 0.1 * i.cost),
    probes: [{ cost: 3000000 }, { cost: 2500000 }, { cost: 2400000 }],
  },
  // "2.5 million" in words beside the digits.
  millionWord: {
    name: "fund_fee",
    description: "Fee: 0.002 × assets; null when the assets are over 2.5 million.",
    examples: [[{ assets: 1000000 }, 2000], [{ assets: 2000000 }, 4000]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.assets > 2500000 ? null : 0.002 * i.assets),
    probes: [{ assets: 3000000 }, { assets: 2500000 }],
    simple: true,
  },
  // "US$20": a currency code's country before the sign.
  usDollar: {
    name: "small_order_fee",
    description: "Fee: 3 when the total is below US$20, else 0.",
    examples: [[{ total: 10 }, 3], [{ total: 50 }, 0]],
    person: (i) => (i.total < 20 ? 3 : 0),
    probes: [{ total: 20 }, { total: 19 }, { total: 21 }],
    simple: true,
  },
  // "4K" is a screen's resolution, no number of the task: a plain task.
  screenFourK: {
    name: "monitor_fee",
    description: "Calibration fee (4K monitors): 30 when the width is over 1920, else 10.",
    examples: [[{ width: 1280 }, 10], [{ width: 3840 }, 30]],
    person: (i) => (i.width > 1920 ? 30 : 10),
    probes: [{ width: 1920 }, { width: 1921 }, { width: 800 }],
    simple: true,
  },
  // "Size M" after a number: "size 10 M" is no million.
  sizeM: {
    name: "shirt_surcharge",
    description: "Surcharge: 5 when the chest is over 100 (size M and up), else 0.",
    examples: [[{ chest: 90 }, 0], [{ chest: 110 }, 5]],
    person: (i) => (i.chest > 100 ? 5 : 0),
    probes: [{ chest: 100 }, { chest: 101 }, { chest: 70 }],
    simple: true,
  },
  // "3M" beside the bound: a brand, the bound its 50.
  brandBeside: {
    name: "tape_order",
    description: "Tape: 2 × rolls; null when the rolls are over 50 3M rolls.",
    examples: [[{ rolls: 10 }, 20], [{ rolls: 4 }, 8]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.rolls > 50 ? null : 2 * i.rolls),
    probes: [{ rolls: 50 }, { rolls: 51 }, { rolls: 1 }],
  },
  // "Model 7K": a model's name, the bound its 300.
  modelK: {
    name: "repair_fee",
    description: "Repair fee for the model 7K: 40; 25 when the hours are below 300.",
    examples: [[{ hours: 500 }, 40], [{ hours: 100 }, 25]],
    person: (i) => (i.hours < 300 ? 25 : 40),
    probes: [{ hours: 299 }, { hours: 300 }, { hours: 2 }],
    settled: all,
    simple: true,
  },
  // "10k" is a run's distance in km (the distance field is in km): the examples settle it.
  runTenK: {
    name: "medal_earned",
    description: "Medal: true when the distance run is at least 10k, else false.",
    examples: [[{ distance: 5 }, false], [{ distance: 12 }, true], [{ distance: 21 }, true]],
    person: (i) => i.distance >= 10,
    probes: [{ distance: 10 }, { distance: 9 }, { distance: 11 }],
  },
  // German price "2.000,- EUR": two thousand.
  germanDash: {
    name: "bike_insurance",
    description: "Insurance: 0.05 × price; 0 when the price is below 2.000,- EUR.",
    examples: [[{ price: 3000 }, 150], [{ price: 5000 }, 250]],
    person: (i) => (i.price < 2000 ? 0 : 0.05 * i.price),
    probes: [{ price: 1000 }, { price: 2000 }, { price: 1900 }],
  },
};

// ---------------------------------------------------------------------------------------------
// 3. A test of the letters' case past the doubt.
// ---------------------------------------------------------------------------------------------

const CASES: Record<string, Attack> = {
  // "title case" is about the output; the filter is a test of case the description does not ask for.
  titleCaseOutput: {
    name: "titled_lines",
    description: "Each line that isn't blank, in title case; blank lines are dropped; joined with \\n.",
    examples: [[{ text: "milk\neggs\nbread" }, "Milk\nEggs\nBread"], [{ text: "call mum\n\npay rent\n" }, "Call Mum\nPay Rent"]],
    person: (i: In) => lines(i.text).filter((l) => l.trim() !== "").map((l) => l.trim().split(/\s+/).map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase()).join(" ")).join("\n"),
    probes: [{ text: "1\n2\n\n3" }, { text: "TODO\nok" }],
  },
  // "in upper case" about the output again.
  upperOutput: {
    name: "shouted_names",
    description: "The names that are not empty, each in upper case.",
    examples: [[{ names: ["Ann", "", "Bob"] }, ["ANN", "BOB"]], [{ names: ["", "cleo"] }, ["CLEO"]]],
    person: (i: In) => (i.names as string[]).filter((n) => n !== "").map((n) => n.toUpperCase()),
    probes: [{ names: ["AL", "", "Bo"] }, { names: ["42", "x"] }, { names: ["New York", ""] }],
  },
  // "upper case" about the output; the filter keeps the lines with a lower-case letter.
  upperLines: {
    name: "shouted_lines",
    description: "Each line that isn't blank, in upper case; blank lines are dropped; joined with \\n.",
    examples: [[{ text: "milk\neggs\n  \nbread" }, "MILK\nEGGS\nBREAD"], [{ text: "Call mum\n\nPay rent" }, "CALL MUM\nPAY RENT"]],
    person: (i: In) => lines(i.text).filter((l) => l.trim() !== "").map((l) => l.toUpperCase()).join("\n"),
    probes: [{ text: "1\n2\n\n3" }, { text: "TODO\nok" }],
  },
  // "lower case" about the output; the filter keeps the lines with a capital.
  lowerLines: {
    name: "quiet_lines",
    description: "Each line that isn't blank, in lower case; blank lines are dropped; joined with \\n.",
    examples: [[{ text: "Milk\nEggs\n  \nBread" }, "milk\neggs\nbread"], [{ text: "Call Mum\n\nPay Rent" }, "call mum\npay rent"]],
    person: (i: In) => lines(i.text).filter((l) => l.trim() !== "").map((l) => l.toLowerCase()).join("\n"),
    probes: [{ text: "1\n2\n\n3" }, { text: "todo\nOK" }],
  },
  // "caps" about a limit.
  capsLimit: {
    name: "names_kept",
    description: "The names that are not empty, in order (the list caps at 10 names).",
    examples: [[{ names: ["Ann", "", "Bob"] }, ["Ann", "Bob"]], [{ names: ["", "cleo"] }, ["cleo"]]],
    person: (i: In) => (i.names as string[]).filter((n) => n !== "").slice(0, 10),
    probes: [{ names: ["AL", "", "Bo"] }, { names: ["42", "x"] }],
  },
  // "case" as a crate.
  soldByTheCase: {
    name: "wine_names",
    description: "The wine names that are not empty, in order (wines are sold by the case).",
    examples: [[{ wines: ["Merlot", "", "rioja"] }, ["Merlot", "rioja"]], [{ wines: ["", "Pinot noir"] }, ["Pinot noir"]]],
    person: (i: In) => (i.wines as string[]).filter((n) => n !== ""),
    probes: [{ wines: ["CAVA", ""] }, { wines: ["1999", "x"] }],
  },
  // An example "already in capitals" only by a field the test never reads, its list empty.
  capitalTagEmptyList: {
    name: "tagged_names",
    description: "Each name that is not empty, after the tag and a space.",
    examples: [[{ tag: "Dr", names: ["Ann", "", "Bob"] }, ["Dr Ann", "Dr Bob"]], [{ tag: "Ms", names: ["", "cleo"] }, ["Ms cleo"]], [{ tag: "MR", names: [] }, []]],
    person: (i: In) => (i.names as string[]).filter((n) => n !== "").map((n) => `${i.tag} ${n}`),
    probes: [{ tag: "Dr", names: ["AL", "", "Bo"] }, { tag: "Mx", names: ["42"] }],
  },
  // An example "already in capitals" by its texts that the test drops anyway (blank ones beside a code).
  capitalCodeBlankLines: {
    name: "coded_lines",
    description: "The lines of the note that are not blank, each after the note's code and a colon.",
    examples: [[{ code: "a1", note: "buy milk\n\ncall Jo" }, ["a1:buy milk", "a1:call Jo"]], [{ code: "b2", note: "Pay rent" }, ["b2:Pay rent"]], [{ code: "X", note: "\n" }, []]],
    person: (i: In) => lines(i.note).filter((l) => l.trim() !== "").map((l) => `${i.code}:${l}`),
    probes: [{ code: "c", note: "OK\n\n42" }, { code: "d", note: "hi" }],
  },
  // A capital initial where the description speaks of no case: "the entries that are names".
  lowerInitialTest: {
    name: "word_entries",
    description: "The entries that are words, in order.",
    examples: [[{ entries: ["apple", "", "pear"] }, ["apple", "pear"]], [{ entries: ["", "fig tree"] }, ["fig tree"]]],
    person: (i: In) => (i.entries as string[]).filter((n) => n !== ""),
    probes: [{ entries: ["Apple", "PEAR"] }, { entries: ["x", ""] }],
  },
  // The letters of a code, every example's letters in lower case: "is lower-case" stands for "is a letter".
  lettersOfCode: {
    name: "code_letters",
    description: "The letters of the code, in order, without its digits.",
    examples: [[{ code: "ab1c" }, "abc"], [{ code: "x9y8" }, "xy"], [{ code: "123" }, ""]],
    person: (i: In) => (i.code as string).replace(/[^\p{L}]/gu, ""),
    probes: [{ code: "AB1c" }, { code: "Q7" }],
  },
  // Counting words "that are not numbers", every word in lower case.
  countWords: {
    name: "word_count",
    description: "How many of the tokens are not numbers.",
    examples: [[{ tokens: ["cat", "12", "dog"] }, 2], [{ tokens: ["7", "sun"] }, 1]],
    person: (i: In) => (i.tokens as string[]).filter((t) => Number.isNaN(Number(t))).length,
    probes: [{ tokens: ["CAT", "9"] }, { tokens: ["Dog", "x"] }],
  },
  // Where the description speaks of capitals, the test of case is the task: a plain one.
  capitalsSpoken: {
    name: "shouted_words",
    description: "The words that are written in capitals only.",
    examples: [[{ words: ["HEY", "you", "OK"] }, ["HEY", "OK"]], [{ words: ["Fine", "NO"] }, ["NO"]]],
    person: (i: In) => (i.words as string[]).filter((w) => w === w.toUpperCase()),
    probes: [{ words: ["ABC", "abc"] }, { words: ["Xy"] }],
    simple: true,
  },
  // An example "already in capitals" only by a field no test reads, its list empty.
  capitalTeamEmpty: {
    name: "team_players",
    description: "The team's player names that are not empty, in order.",
    examples: [[{ team: "Reds", players: ["Ann", "", "Bob"] }, ["Ann", "Bob"]], [{ team: "Blues", players: ["", "cleo"] }, ["cleo"]], [{ team: "FC", players: [] }, []]],
    person: (i: In) => (i.players as string[]).filter((n) => n !== ""),
    probes: [{ team: "Reds", players: ["AL", "", "Bo"] }, { team: "Owls", players: ["42"] }],
  },
  // A test of case on a field of each item.
  itemNames: {
    name: "named_items",
    description: "The items whose name is not empty, in order.",
    examples: [[{ items: [{ name: "pen", qty: 2 }, { name: "", qty: 1 }] }, [{ name: "pen", qty: 2 }]], [{ items: [{ name: "", qty: 5 }, { name: "Ink pot", qty: 1 }] }, [{ name: "Ink pot", qty: 1 }]]],
    person: (i: In) => (i.items as { name: string }[]).filter((x) => x.name !== ""),
    probes: [{ items: [{ name: "USB", qty: 1 }, { name: "", qty: 2 }] }, { items: [{ name: "42", qty: 1 }] }],
  },
};

// ---------------------------------------------------------------------------------------------
// Controls: plain specs that must publish right within six answers.
// ---------------------------------------------------------------------------------------------

const CONTROLS: Record<string, Attack> = {
  aboveElse: {
    name: "free_delivery",
    description: "Delivery: 0 when the basket is above 80, else 6.",
    examples: [[{ basket: 30 }, 6], [{ basket: 100 }, 0]],
    person: (i) => (i.basket > 80 ? 0 : 6),
    probes: [{ basket: 80 }, { basket: 81 }, { basket: 1 }],
    settled: all,
    simple: true,
  },
  overRate: {
    name: "rental_late_fee",
    description: "Late fee: 2, plus 0.25 for each day over 14.",
    examples: [[{ days: 3 }, 2], [{ days: 10 }, 2]],
    person: (i) => 2 + 0.25 * over(i.days, 14),
    probes: [{ days: 14 }, { days: 20 }],
    simple: true,
  },
  kiloBound: {
    name: "car_levy",
    description: "Levy: 0 when the price is below 20k, else 0.05 × price.",
    examples: [[{ price: 30000 }, 1500], [{ price: 60000 }, 3000]],
    person: (i) => (i.price < 20000 ? 0 : 0.05 * i.price),
    probes: [{ price: 10000 }, { price: 20000 }],
    simple: true,
  },
  euroBound: {
    name: "basket_fee",
    description: "Fee: 2 when the total is below €15, else 0.",
    examples: [[{ total: 5 }, 2], [{ total: 40 }, 0]],
    person: (i) => (i.total < 15 ? 2 : 0),
    probes: [{ total: 15 }, { total: 14 }],
    simple: true,
  },
  hourlyRate: {
    name: "hourly_parking",
    description: "Parking: 0 when the hours are below 1, else 3 per hour.",
    examples: [[{ hours: 0.5 }, 0], [{ hours: 2 }, 6], [{ hours: 4 }, 12]],
    person: (i) => (i.hours < 1 ? 0 : 3 * i.hours),
    probes: [{ hours: 3 }, { hours: 1 }, { hours: 0.2 }],
    simple: true,
  },
  capitalsKept: {
    name: "kept_names",
    description: "The names that are not empty, in order.",
    examples: [[{ names: ["Ann", "", "Bob"] }, ["Ann", "Bob"]], [{ names: ["", "CLEO"] }, ["CLEO"]]],
    person: (i: In) => (i.names as string[]).filter((n) => n !== ""),
    probes: [{ names: ["AL", "", "bo"] }, { names: ["42", ""] }],
    simple: true,
  },
};

/** The attacks that break the promise, by cause, with what was published (A31P_TRACE=1 shows each trace). */
const BREAKS = new Set<string>([
  // "fine/book: 5, plus 0.5 for each day over 7": it asked days 6, books 1 (an example's own input)
  // six times over. Now (round 31) it asks whether the rate is per book too (days 10, books 2) and gives
  // up where the search does not reach `books × (5 + 0.5 × (days − 7))`; but its first question is
  // days 1, books 1, which "fine/book: 5" settles (the constant doubted where a field no guard reads is left).
  "perBookSlash",
  // RATE_LABEL reads a rate where the number is the whole answer, so the stated constant is doubted
  // and asked about on inputs the description settles, forever: "Shipping per order" (basket 5, 0, 6,
  // …), "Monthly bonus" (sales 1, 0, 2, …), "Daily special" (age 0, 1, 3, …), "as per policy" (days
  // 90, 46, 44, …), "set by the shop" (order 5, 9, 0, …). "Each ticket" asks age 15, 60, 31, 603 and
  // publishes `age < 12 ? 10 : age + 20 - age`; "Annual pass" asks age 0, 1, 3 and publishes
  // `age > 64 ? 150 : Math.max(age, 300)`.
  "perOrder", "monthlyBonus", "dailySpecial", "asPerPolicy", "setByTheShop", "eachTicket", "annualPass",
  // "over 2.5 million": asked assets 1000001, 999999, 500000, 0, 10000003, then gave up on a plain task.
  "millionWord",
  // A number or a mark in the label or beside the rule that is no part of it ("(4K monitors)", "(size
  // M and up)", "model 7K") leaves the stated answer unread: "4K" and "size M" ask width/chest 0, 1,
  // 3, … forever; "model 7K" asks hours 501, 499, 502 (settled) and publishes `hours < 300 ? 25 :
  // Math.min(hours, 40)`.
  "screenFourK", "sizeM", "modelK",
  // Not through a test of case (found with these specs): "how many of the tokens are not numbers" as
  // `tokens.slice(1).length`; "the words written in capitals only" (the case spoken of) asked about
  // forever (words ["you"], ["Fine"], ["you", "OK"], …).
  "countWords", "capitalsSpoken",
]);

/**
 * Broke round 30's mends, mended by the lead in round 31 (each was published wrong, or a plain task asked forever):
 * - stated-ordinary.ts: the stated number is no ordinary answer where a number of the input is read
 *   by no guard (`items`, `kg`, `quarters`, `weeks`, `books` beside "cost/item", "by weight",
 *   "Quarterly", "Biweekly", "fine/book"), nor after a label of a share ("in percent of"), "/", "×";
 *   and it is read as written ("else $7", "else 4,50").
 * - number-marks.ts: a k, m or M beside a currency is money ("50 k€", "£2.5m", "2,5k USD"), "2.5
 *   million" in words, and "1,5k" / "2,5M" with a decimal comma are shorthand (read both ways).
 * - case-tests.ts: case words the program spends on its answer ("each line …, in upper case") license
 *   no test of case; `t.toUpperCase() !== t.toLowerCase()` (the text has a letter) is a test too,
 *   asked about on the examples with their letters made digits.
 */
const FIXED = new Set<string>(["slashItem", "byWeight", "quarterly", "percentLabel", "biweekly", "dollarElse", "decimalCommaElse", "decimalCommaKilo", "decimalCommaMega", "lowerMillion", "spacedKiloEuro", "upperLines", "lowerLines"]);

/**
 * Published wrong in round 31 ("the names that are not empty, each in upper case" as
 * `names.flatMap((x) => x.toUpperCase().split(/\s+/)…)`, "New York" two names); round 32 asks about a
 * name with a space inside where the program cuts at spaces and no word speaks of words
 * (described-shapes.ts), and the answer leaves the plain upper-casing.
 */
const FIXED_32 = new Set<string>(["upperOutput"]);
/** A describe of attacks, each named by how it stands (stated-attacks.ts). */
function attacks(title: string, list: Record<string, Attack>, kind = "attack"): void {
  const standing: AttackStanding = { breaks: BREAKS, fixed: [["round 31, lead", FIXED], ["round 32", FIXED_32]] };
  attackSuite(title, list, standing, keepsPromise, kind);
}

attacks("RATE_LABEL: rates a label states that it misses", RATE_MISSED);
attacks("RATE_LABEL: rate words where the number is the whole answer", RATE_OVERREAD);
attacks("k and M: neither, or not seen", SHORTHAND);
attacks("a test of case past the doubt", CASES);
attacks("controls", CONTROLS, "control");
