/**
 * Is the chosen program the only reasonable reading of the examples? Other programs that fit the
 * same examples and rank close to it are run on plausible inputs (probes.ts); an input on which
 * they disagree is what the person is asked about. A program that ignores its input (a constant,
 * or a comparison true on every input) is suspect on its own unless many examples show it.
 */
import { jsonEqual } from "../../spec/index.ts";
import { alikeItems } from "./alike-items.ts";
import { runOn } from "./evaluate.ts";
import { boundaryProbes, probeInputs } from "./probes.ts";
import { edgeInputs, edgesApply } from "./edge-probes.ts";
import { CALENDAR_TWINS, calendarProbes } from "./calendar-ops.ts";
import { caseProbes, unseenCaseProbes, usesCaseStyle } from "./case-ops.ts";
import { caseTestDoubt } from "./case-tests.ts";
import { charProbes } from "./char-ops.ts";
import { fillProbes, fillRivals, textLengthProbes, textPositionTwins } from "./fill-readings.ts";
import { equalityRivals, pastProbes } from "./equality-readings.ts";
import { pathProbes } from "./path-ops.ts";
import { programScore, roundingSupport, walk } from "./rank.ts";
import { middleTwins, mutants, numbersIn, positionTwins, siblingFields } from "./rival-readings.ts";
import { coincidentalArithmetic, coincidentalMeasure, idleCut, idleRemainder, measureProbes } from "./suspect-arithmetic.ts";
import { hasThinClamp } from "./thin-terms.ts";
import { constantForField, orderDependent, orderMatters, thinBranch, thinTerm, unaskedThreshold } from "./lone-doubts.ts";
import { body, toldInWords } from "./reading.ts";
import type { Ambiguity, Reading } from "./reading.ts";
import { tieBreakRivals, tieProbes } from "./tie-breaks.ts";
import { rivalOfStatedStep } from "./restate.ts";
import { contradictsStatedEmpty } from "./stated-empty.ts";
import { atMostOneTwins } from "./empty-readings.ts";
import { paddedProbes, speaksOfEndSpaces, trimmedRivals } from "./trim-readings.ts";
import { finerProbes, statedRoundingRival } from "./outer-rounding.ts";
import { widthProbes } from "./natural-probes.ts";
import type { Prior } from "./rank.ts";
import type { Found } from "./search.ts";
import { NUMBER_TEXT_OPS } from "./ops.ts";
import type { Expr, Json } from "./types.ts";

/** Alternatives ranked within this much of the chosen program compete with it. */
export const AMBIGUITY_MARGIN = 1.5;
/** A program constant on every input is accepted only with this many examples showing it. */
const CONSTANT_EXAMPLES = 4;

/** Most competing programs, probe inputs and rival evaluations looked at (a bound on the check's cost). */
const MAX_RIVALS = 60;
const MAX_PROBES = 300;
const MAX_EVALUATIONS = 20_000;
/** Rival evaluations for the rivals asked about last (round 20a), apart from the others' budget. */
const MAX_LATER_EVALUATIONS = 5_000;
/** Most readings reported for one input (the chosen one first). */
const MAX_READINGS = 4;

/**
 * `keyed`: the probes the rival search (rival-search.ts) told its rivals apart on, asked about too.
 * `allowed`: whether the input schema admits a probe (round 25: a loss of 203 % was asked about
 * where the schema stops at 100); no question is about an input the plugin will never be given.
 * `statedConstant`: the program is the number the description states as its ordinary answer
 * (stated-ordinary.ts, round 30a): the description shows it, not the examples' chance.
 */
export function findAmbiguity(found: Found, inputs: readonly Json[], outputs: readonly Json[], prior: Prior, keyed: readonly Json[] = [], allowed: (input: Json) => boolean = () => true, statedConstant = false): Ambiguity | undefined {
  const best = programScore(found.expr, found.size, prior);
  // No question about an input an example answers already (round 27a: a constant of the program
  // set into one example's field is another example's input, where the program without a term
  // that example asks for disagrees, and the person was asked what they had said).
  const answered = new Set(inputs.map((i) => JSON.stringify(i)));
  const askable = (p: Json): boolean => allowed(p) && !answered.has(JSON.stringify(p));
  const fitsAll = (e: Expr): boolean => inputs.every((inp, r) => {
    const v = runOn(e, inp);
    return v !== undefined && jsonEqual(v, outputs[r] as Json);
  });
  // The chosen program's neighbours (a comparison one step looser or stricter, a constant one
  // off, a token position counted from the other end) that still fit every example are readings
  // of the examples too: observational equivalence kept only one of them.
  // An element counted from the other end of arrays as long on every example is a rival. Of the
  // words of a text, the first and the last are the natural readings (a first name, a surname):
  // the rank decides, a second word or a second from the end costing as a magic number would.
  // Of pieces cut at a mark ("report.pdf" at "."), it is a rival whatever the rank: a word such
  // as "last" may be about something else ("after the last dot").
  const twins = positionTwins(found.expr, inputs).filter((t) => fitsAll(t.expr)).map((t) =>
    t.words ? { expr: t.expr, size: found.size + (t.natural ? 0 : 2) } : { expr: t.expr, size: found.size, otherFamily: true as const });
  // A tie-break the description states and no example shows: the sort with a second key is a reading (round 11).
  const tieBreak = prior.evidence.has("tieBreak");
  const tied = tieBreak ? tieBreakRivals(found.expr, inputs).filter(fitsAll).map((expr) => ({ expr, size: found.size })) : [];
  const near: Found[] = [...tied, ...mutants(found.expr, siblingFields(inputs)).filter(fitsAll).map((expr) => ({ expr, size: found.size })), ...twins];
  // A number compared as text (`String(age)` as a sort key) stands in for the number only by the
  // examples' digit counts: no reading of its own.
  const textual = (e: Expr): boolean => numbersAsText(e) > numbersAsText(found.expr);
  // A program found by the other part of the search (a string program against a plain one) is a
  // reading of its own whatever its size: two ways of reading the examples, not two sizes of one.
  // A program that fits by coincidental arithmetic has no claim to rank: every fitting program competes.
  // So has a text measured by accident (round 19c: a cut at a count of one class of characters, the
  // length of numbers written out, a number read from text written back).
  const measured = coincidentalMeasure(found.expr, inputs);
  const suspect = coincidentalArithmetic(found.expr, prior) || measured;
  const close = (a: Found): boolean => suspect || a.otherFamily === true || programScore(a.expr, a.size, prior) - best < AMBIGUITY_MARGIN;
  // A rival that fits only by a coincidental remainder, or holds one (or a cut) the examples never exercise,
  // or a clamp that only one example asks for, is no reading of the examples against a program
  // that has none of these.
  const clamped = hasThinClamp(found.expr, inputs);
  // A rival that rounds less than the description asks ("rounded to cents") is no reading of it.
  const rounds = roundingSupport(found.expr, prior);
  const coincidental = (e: Expr): boolean => roundingSupport(e, prior) < rounds || (!suspect && (coincidentalArithmetic(e, prior) || idleRemainder(e, inputs) || idleCut(e, inputs) || (!clamped && hasThinClamp(e, inputs))));
  // A case style (round 12) against a program that writes none is the examples' one word re-cased
  // alike ("Word" capitalized is also PascalCase): no reading of its own.
  const restyled = (e: Expr): boolean => !usesCaseStyle(found.expr) && usesCaseStyle(e);
  // Answers all in capitals say nothing about whether the program writes them so or cuts them
  // out of text that was: the answer upper-cased is a reading too (round 16), parted by the
  // input in lower case (unseenCaseProbes).
  const capitals = outputs.every((o) => typeof o === "string" && /[A-Z]/.test(o) && o === o.toUpperCase()) && !(found.expr.k === "op" && found.expr.op === "upper");
  if (capitals) near.push({ expr: { k: "op", op: "upper", args: [found.expr] }, size: found.size });
  for (const expr of middleTwins(found.expr).filter(fitsAll)) near.push({ expr, size: found.size, otherFamily: true });
  // A constant run of one character against the run as long as a text of the input (round 18):
  // whatever the rank, as the examples' lengths cannot tell them apart.
  const filled = fillRivals(found.expr, inputs, outputs).filter(fitsAll);
  for (const expr of filled) near.push({ expr, size: found.size, otherFamily: true });
  // A text cut at a position from the start against the cut from its end, on texts all of one
  // length (round 18d): whatever the rank, as for arrays.
  const cutTwins = textPositionTwins(found.expr, inputs).filter(fitsAll);
  for (const expr of cutTwins) near.push({ expr, size: found.size, otherFamily: true });
  // "At most 0" against "is 0" where no example shows a number below 0, unless the description
  // states that bound (round 18c): parted by an input with a number just past the constant,
  // whatever the rank, as the examples cannot tell them apart.
  // Round 20a: where the description's words at the bound are about something else (a bound in
  // another clause or on the other side, none of another noun), the rival is asked about last.
  const fitting = equalityRivals(found.expr, prior, inputs).filter((r) => fitsAll(r.expr));
  const equal = fitting.filter((r) => r.later !== true);
  const later = fitting.filter((r) => r.later === true);
  for (const r of equal) near.push({ expr: r.expr, size: found.size, otherFamily: true });
  // A count equal to 1 and the count at most 1: apart only where the list counted is empty (round 18a).
  for (const expr of atMostOneTwins(found.expr).filter(fitsAll)) near.push({ expr, size: found.size, otherFamily: true });
  // The answer rounded as the description states, against a program rounded only inside (round 18a).
  const rounded = statedRoundingRival(found.expr, outputs, prior);
  if (rounded && fitsAll(rounded)) near.push({ expr: rounded, size: found.size, otherFamily: true });
  // A text read as typed and read trimmed, where the description speaks of spaces at its ends (round 18a).
  const endSpaces = speaksOfEndSpaces(prior.words);
  if (endSpaces) for (const expr of trimmedRivals(found.expr, inputs).filter(fitsAll)) near.push({ expr, size: found.size, otherFamily: true });
  // A rival that answers an empty list or text otherwise than the description states (round 21).
  const againstEmpty = contradictsStatedEmpty(found.expr, inputs, outputs, prior.emptyAnswers ?? []);
  // A rival rounding otherwise than the description states, where the program rounds as stated (stop 53).
  const statedRounding = rivalOfStatedStep(found.expr, prior);
  const kept = (e: Expr): boolean => !textual(e) && !coincidental(e) && !restyled(e) && !againstEmpty(e) && statedRounding(e);
  // A rival that misses an example is no reading of them (round 24's attacker: the constant
  // `Math.round(40)` was asked about beside `Math.round(price)`, on an example's own input).
  const rivals = [...near, ...(found.alts ?? [])].filter((a) => close(a) && kept(a.expr) && fitsAll(a.expr)).slice(0, MAX_RIVALS);
  const lastRivals = later.map((r) => r.expr).filter(kept);
  const constants = [...new Set([found.expr, ...rivals.map((r) => r.expr)].flatMap(numbersIn))];
  // The smallest inputs that tell them apart are the easiest questions to answer: those first.
  const sorted = [...probeInputs(inputs), ...boundaryProbes(inputs, constants)]
    .map((p, i) => [JSON.stringify(p).length, i, p] as const)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1])
    .slice(0, MAX_PROBES)
    .map(([, , p]) => p);
  const listed = new Set(sorted.map((p) => JSON.stringify(p)));
  // Natural order against the plain order of texts: only a number wider yet larger tells them apart.
  const natural = [found.expr, ...rivals.map((r) => r.expr)].some((e) => {
    let n = false;
    walk(e, (x) => (n ||= x.k === "op" && x.op === "sortNatural"));
    return n;
  });
  // Times of day set equal, dates moved to a Sunday, texts in capitals: where the readings of
  // time and title case (round 12) part, and no changed example may show it.
  const uses = (names: readonly string[]): boolean => [found.expr, ...rivals.map((r) => r.expr)].some((e) => {
    let n = false;
    walk(e, (x) => (n ||= x.k === "op" && names.includes(x.op)));
    return n;
  });
  const timely = uses(Object.keys(CALENDAR_TWINS));
  // The edge inputs (round 14) are asked about after every other probe, the rival search's too.
  const edges = edgesApply(outputs) ? edgeInputs(inputs).filter(askable) : [];
  const atEdges = new Set(edges.map((p) => JSON.stringify(p)));
  const extra = [...keyed.filter((p) => !atEdges.has(JSON.stringify(p))), ...(tieBreak ? tieProbes(found.expr, inputs) : []), ...(natural ? widthProbes(inputs) : []), ...(timely ? calendarProbes(inputs) : []), ...caseProbes(found.expr, inputs), ...unseenCaseProbes(inputs), ...pathProbes(found.expr, inputs), ...charProbes(found.expr, inputs), ...(cutTwins.length > 0 ? textLengthProbes(inputs) : fillProbes(filled, inputs)), ...pastProbes(equal.map((r) => r.past), inputs), ...(endSpaces ? paddedProbes(inputs) : []), ...(rounded ? finerProbes(inputs) : []), ...(measured ? measureProbes(inputs) : [])];
  const probes = [...sorted, ...extra.filter((p) => !listed.has(JSON.stringify(p)))].filter(askable);
  const mine = probes.map((p) => runOn(found.expr, p));
  const order = probes.map((_, i) => i);
  const disagreement = rivalDisagreement(found.expr, rivals.map((r) => r.expr), probes, mine, MAX_EVALUATIONS);
  if (disagreement) return disagreement;
  // Then the edge values of each input type (round 14), after every plausible input, so that a
  // question about a clean input still comes first: readings that agree on every clean text may
  // still part on "" or "@#!" ("letters at least as many as letters and digits" against "only
  // letters"), and that must be asked, not published.
  const lastly = edges.filter((p) => !listed.has(JSON.stringify(p)));
  const atEdge = rivalDisagreement(found.expr, rivals.map((r) => r.expr), lastly, lastly.map((p) => runOn(found.expr, p)), MAX_EVALUATIONS);
  if (atEdge) return atEdge;
  const order2 = orderDependent(found.expr, inputs, outputs, allowed) ?? orderMatters(found.expr, inputs, outputs, prior, allowed) ?? constantForField(found.expr, inputs, allowed);
  if (order2) return order2;
  const branch = thinBranch(found.expr, inputs, probes, order, mine);
  if (branch) return branch;
  const thin = thinTerm(found.expr, inputs, probes, mine) ?? unaskedThreshold(found.expr, probes, mine, prior);
  if (thin) return thin;
  // A text tested by the case of its letters where the description speaks of none (round 30c).
  const cased = caseTestDoubt(found.expr, inputs, prior, askable);
  if (cased) return cased;
  // A field passed through unchanged is suspect like a constant: few examples that needed no
  // change say little about inputs that do (company names with a suffix to drop, the most frequent
  // of three words read as the third).
  // A field the description names ("the month number") is what it asks for.
  const passed = found.expr.k === "in" && found.expr.path.length === 1 ? (found.expr.path[0] as string) : undefined;
  if (passed !== undefined && !(passed.length > 1 && prior.words?.has(passed.toLowerCase())) && outputs.length < CONSTANT_EXAMPLES && outputs.every((o) => typeof o === "string" || typeof o === "number")) {
    const i = mine.findIndex((m) => m !== undefined);
    if (i >= 0) return toldInWords(found.expr, probes[i] as Json, mine[i] as Json, "a change the examples did not need: every one came out as its input");
  }
  // Round 25b: answers alike item by item seen through a list or a count (every item kept, every item counted, none kept).
  const throughItems = alikeItems(found.expr, inputs, outputs, probes, mine, prior); if (throughItems) return throughItems;
  const same = outputs.every((o) => jsonEqual(o, outputs[0]));
  // A yes/no question answered alike however often never showed the other answer: no count of
  // such examples makes `true` (or a rule that is true on all of them) the rule.
  if (same && !statedConstant && (outputs.length < CONSTANT_EXAMPLES || typeof outputs[0] === "boolean")) {
    const constant = mine.every((m) => m === undefined || jsonEqual(m, outputs[0]));
    const probe = probes[0];
    if (constant && probe !== undefined) {
      return { input: probe, readings: [{ program: body(found.expr), output: mine[0] ?? null }], reason: "ignores_input", programs: [found.expr] };
    }
    // Examples that all answer alike show nothing of when the answer changes (round 24: "does the
    // text match the pattern", two matching examples, published as `…includes("_")`): where the
    // program answers otherwise, that is a guess, asked about beside the examples' own answer.
    const i = mine.findIndex((m) => m !== undefined && !jsonEqual(m, outputs[0]));
    if (!constant && i >= 0) return toldInWords(found.expr, probes[i] as Json, mine[i] as Json, "what every example answers", outputs[0] as Json);
  }
  // Yes/no answers alike item by item (round 24's attacker: "does each word start with a capital",
  // every word of the examples capitalized) show as little of the other answer: an item the
  // program answers otherwise on a plausible input is asked about.
  const items = outputs.every((o) => Array.isArray(o)) ? (outputs as Json[][]).flat() : [];
  if (!same && items.length > 0 && items.every((x) => typeof x === "boolean" && x === items[0])) {
    const i = mine.findIndex((m) => Array.isArray(m) && m.some((x) => x !== items[0]));
    if (i >= 0) return toldInWords(found.expr, probes[i] as Json, mine[i] as Json, `every item ${String(items[0])}, as in every example`);
    // A program that answers every item alike on every probe too ignores what it is asked.
    const j = mine.findIndex((m) => Array.isArray(m) && m.length > 0);
    if (j >= 0) return toldInWords(found.expr, probes[j] as Json, mine[j] as Json, `some item ${String(!items[0])}: no example shows one`);
  }
  // Last, the rivals the description's words leave open without speaking to them (round 20a):
  // asked by default, on the plausible inputs and on inputs with a number just past the bound, with
  // their own budget so that they starve no other check.
  if (lastRivals.length === 0) return undefined;
  const seen = new Set([...probes, ...lastly].map((p) => JSON.stringify(p)));
  const past = pastProbes(later.map((r) => r.past), inputs).filter((p) => !seen.has(JSON.stringify(p)) && askable(p));
  const final = [...probes, ...past, ...lastly];
  return rivalDisagreement(found.expr, lastRivals, final, final.map((p) => runOn(found.expr, p)), MAX_LATER_EVALUATIONS);
}

/**
 * The first probe on which some rival answers otherwise than `chosen` (which gives `mine` there),
 * rival by rival, with every rival's answer to it: the person sees all the readings at once.
 * A bound on the work, in evaluations (not time: the same examples give the same answer).
 */
function rivalDisagreement(chosen: Expr, rivals: readonly Expr[], probes: readonly Json[], mine: readonly (Json | undefined)[], budget: number): Ambiguity | undefined {
  let work = 0;
  for (const alt of rivals) {
    for (const [i, p] of probes.entries()) {
      if (++work > budget) return undefined;
      const a = mine[i];
      if (a === undefined) continue;
      const b = runOn(alt, p);
      if (b === undefined || jsonEqual(a, b) || floatNoiseAtRounding(chosen, alt, p)) continue;
      const readings: Reading[] = [{ program: body(chosen), output: a }, { program: body(alt), output: b }];
      const programs: Expr[] = [chosen, alt];
      for (const other of rivals) {
        if (readings.length >= MAX_READINGS || other === alt) continue;
        const c = runOn(other, p);
        if (c === undefined || readings.some((r) => jsonEqual(r.output as Json, c))) continue;
        readings.push({ program: body(other), output: c });
        programs.push(other);
      }
      return { input: p, readings, reason: "programs_disagree", programs };
    }
  }
  return undefined;
}

/** `e`'s outermost rounding (`round`, `roundTo`) as what it rounds and to how many decimals, or undefined when it has none. */
function outerRounding(e: Expr): { inner: Expr; digits: string } | undefined {
  return e.k === "op" && (e.op === "round" || e.op === "roundTo") && e.args[0] ? { inner: e.args[0], digits: JSON.stringify(e.args[1] ?? 0) } : undefined;
}

/**
 * Whether two programs that round their answer part on `p` only because floating point computed
 * the same value two ways (`s * v / 4 / 100` and `s * (v / 100) / 4` at 4.95 and 4.9499999...):
 * the same reading written twice, not a question for a person (round 22).
 */
export function floatNoiseAtRounding(a: Expr, b: Expr, p: Json): boolean {
  const ra = outerRounding(a);
  const rb = outerRounding(b);
  if (!ra || !rb || ra.digits !== rb.digits) return false;
  const x = runOn(ra.inner, p);
  const y = runOn(rb.inner, p);
  return typeof x === "number" && typeof y === "number" && x !== y && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

function numbersAsText(e: Expr): number {
  let n = 0;
  walk(e, (x) => (n += x.k === "op" && NUMBER_TEXT_OPS.includes(x.op) ? 1 : 0));
  return n;
}
