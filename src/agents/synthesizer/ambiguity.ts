/**
 * Is the chosen program the only reasonable reading of the examples? Other programs that fit the
 * same examples and rank close to it are run on plausible inputs (probes.ts); an input on which
 * they disagree is what the person is asked about. A program that ignores its input (a constant,
 * or a comparison true on every input) is suspect on its own unless many examples show it.
 */
import { MAX_OFFERED, jsonEqual } from "../../spec/index.ts";
import { emitFunction } from "./emit.ts";
import { runOn } from "./evaluate.ts";
import { boundaryProbes, probeInputs } from "./probes.ts";
import { edgeInputs, edgesApply } from "./edge-probes.ts";
import { CALENDAR_TWINS, calendarProbes } from "./calendar-ops.ts";
import { caseProbes, unseenCaseProbes, usesCaseStyle } from "./case-ops.ts";
import { charProbes } from "./char-ops.ts";
import { pathProbes } from "./path-ops.ts";
import { programScore, roundingSupport, walk } from "./rank.ts";
import { everywhere, middleTwins, mutants, numbersIn, positionTwins, siblingFields } from "./rival-readings.ts";
import { coincidentalArithmetic, idleRemainder } from "./suspect-arithmetic.ts";
import { hasThinClamp, withoutThinTerms } from "./thin-terms.ts";
import { tieBreakRivals, tieProbes } from "./tie-breaks.ts";
import { widthProbes } from "./natural-probes.ts";
import type { Prior } from "./rank.ts";
import type { Found } from "./search.ts";
import { NUMBER_TEXT_OPS } from "./ops.ts";
import type { Expr, Json } from "./types.ts";

/** Alternatives ranked within this much of the chosen program compete with it. */
export const AMBIGUITY_MARGIN = 1.5;
/** A program constant on every input is accepted only with this many examples showing it. */
const CONSTANT_EXAMPLES = 4;

export interface Reading {
  /** The program as JavaScript (the body of the plugin's function). */
  readonly program: string;
  readonly output: Json | null;
}

export interface Ambiguity {
  /** The input on which the readings disagree: its output is what the examples leave open. */
  readonly input: Json;
  /** What each competing program gives for it (the chosen one first). */
  readonly readings: readonly Reading[];
  /** "unconfirmed": one reading, a program found after an answer matched none of the outputs offered (unconfirmed.ts). */
  /** "unstable": one reading, a program the search would not have taken without one of the examples (leave-one-out.ts). */
  readonly reason: "programs_disagree" | "ignores_input" | "unconfirmed" | "unstable";
  /** The competing programs (the chosen one first), to go on with when the answer picks one. */
  readonly programs: readonly Expr[];
}

/** A program as one reading's text: the body of the plugin's function, without `return`. */
export function body(expr: Expr): string {
  const fn = emitFunction(expr, "f");
  return fn.split("\n").slice(1, -2).map((l) => l.replace(/^ {2}/, "")).join("\n").replace(/^return /, "").replace(/;$/, "");
}

/**
 * The question for a doubt the examples cannot settle by a rival program: what `e` gives for
 * `input`, beside the other reading told in words (`"(a program that reads per_carton …)"`), with
 * the output that reading gives when it is known (null when only its words are).
 */
export function toldInWords(e: Expr, input: Json, output: Json, words: string, theirs: Json = null): Ambiguity {
  return { input, readings: [{ program: body(e), output }, { program: `(${words})`, output: theirs }], reason: "programs_disagree", programs: [e] };
}

/** Most competing programs, probe inputs and rival evaluations looked at (a bound on the check's cost). */
const MAX_RIVALS = 60;
const MAX_PROBES = 300;
const MAX_EVALUATIONS = 20_000;
/** Most readings reported for one input (the chosen one first). */
const MAX_READINGS = 4;

/** `keyed`: the probes the rival search (rival-search.ts) told its rivals apart on, asked about too. */
export function findAmbiguity(found: Found, inputs: readonly Json[], outputs: readonly Json[], prior: Prior, keyed: readonly Json[] = []): Ambiguity | undefined {
  const best = programScore(found.expr, found.size, prior);
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
  const suspect = coincidentalArithmetic(found.expr, prior);
  const close = (a: Found): boolean => suspect || a.otherFamily === true || programScore(a.expr, a.size, prior) - best < AMBIGUITY_MARGIN;
  // A rival that fits only by a coincidental remainder, or holds one the examples never exercise,
  // or a clamp that only one example asks for, is no reading of the examples against a program
  // that has none of these.
  const clamped = hasThinClamp(found.expr, inputs);
  // A rival that rounds less than the description asks ("rounded to cents") is no reading of it.
  const rounds = roundingSupport(found.expr, prior);
  const coincidental = (e: Expr): boolean => roundingSupport(e, prior) < rounds || (!suspect && (coincidentalArithmetic(e, prior) || idleRemainder(e, inputs) || (!clamped && hasThinClamp(e, inputs))));
  // A case style (round 12) against a program that writes none is the examples' one word re-cased
  // alike ("Word" capitalized is also PascalCase): no reading of its own.
  const restyled = (e: Expr): boolean => !usesCaseStyle(found.expr) && usesCaseStyle(e);
  // Answers all in capitals say nothing about whether the program writes them so or cuts them
  // out of text that was: the answer upper-cased is a reading too (round 16), parted by the
  // input in lower case (unseenCaseProbes).
  const capitals = outputs.every((o) => typeof o === "string" && /[A-Z]/.test(o) && o === o.toUpperCase()) && !(found.expr.k === "op" && found.expr.op === "upper");
  if (capitals) near.push({ expr: { k: "op", op: "upper", args: [found.expr] }, size: found.size });
  for (const expr of middleTwins(found.expr).filter(fitsAll)) near.push({ expr, size: found.size, otherFamily: true });
  const rivals = [...near, ...(found.alts ?? [])].filter((a) => close(a) && !textual(a.expr) && !coincidental(a.expr) && !restyled(a.expr)).slice(0, MAX_RIVALS);
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
  const edges = edgesApply(outputs) ? edgeInputs(inputs) : [];
  const atEdges = new Set(edges.map((p) => JSON.stringify(p)));
  const extra = [...keyed.filter((p) => !atEdges.has(JSON.stringify(p))), ...(tieBreak ? tieProbes(found.expr, inputs) : []), ...(natural ? widthProbes(inputs) : []), ...(timely ? calendarProbes(inputs) : []), ...caseProbes(found.expr, inputs), ...unseenCaseProbes(inputs), ...pathProbes(found.expr, inputs), ...charProbes(found.expr, inputs)];
  const probes = [...sorted, ...extra.filter((p) => !listed.has(JSON.stringify(p)))];
  const mine = probes.map((p) => runOn(found.expr, p));
  const order = probes.map((_, i) => i);
  const disagreement = rivalDisagreement(found.expr, rivals.map((r) => r.expr), probes, mine);
  if (disagreement) return disagreement;
  // Then the edge values of each input type (round 14), after every plausible input, so that a
  // question about a clean input still comes first: readings that agree on every clean text may
  // still part on "" or "@#!" ("letters at least as many as letters and digits" against "only
  // letters"), and that must be asked, not published.
  const lastly = edges.filter((p) => !listed.has(JSON.stringify(p)));
  const atEdge = rivalDisagreement(found.expr, rivals.map((r) => r.expr), lastly, lastly.map((p) => runOn(found.expr, p)));
  if (atEdge) return atEdge;
  const order2 = orderDependent(found.expr, inputs, outputs) ?? orderMatters(found.expr, inputs, outputs, prior) ?? constantForField(found.expr, inputs);
  if (order2) return order2;
  const branch = thinBranch(found.expr, inputs, probes, order, mine);
  if (branch) return branch;
  const thin = thinTerm(found.expr, inputs, probes, mine) ?? unaskedThreshold(found.expr, probes, mine, prior);
  if (thin) return thin;
  // A field passed through unchanged is suspect like a constant: few examples that needed no
  // change say little about inputs that do (company names with a suffix to drop, the most frequent
  // of three words read as the third).
  // A field the description names ("the month number") is what it asks for.
  const passed = found.expr.k === "in" && found.expr.path.length === 1 ? (found.expr.path[0] as string) : undefined;
  if (passed !== undefined && !(passed.length > 1 && prior.words?.has(passed.toLowerCase())) && outputs.length < CONSTANT_EXAMPLES && outputs.every((o) => typeof o === "string" || typeof o === "number")) {
    const i = mine.findIndex((m) => m !== undefined);
    if (i >= 0) return toldInWords(found.expr, probes[i] as Json, mine[i] as Json, "a change the examples did not need: every one came out as its input");
  }
  const same = outputs.every((o) => jsonEqual(o, outputs[0]));
  if (same && outputs.length < CONSTANT_EXAMPLES) {
    const constant = mine.every((m) => m === undefined || jsonEqual(m, outputs[0]));
    const probe = probes[0];
    if (constant && probe !== undefined) {
      return { input: probe, readings: [{ program: body(found.expr), output: mine[0] ?? null }], reason: "ignores_input", programs: [found.expr] };
    }
  }
  return undefined;
}

/**
 * The first probe on which some rival answers otherwise than `chosen` (which gives `mine` there),
 * rival by rival, with every rival's answer to it: the person sees all the readings at once.
 * A bound on the work, in evaluations (not time: the same examples give the same answer).
 */
function rivalDisagreement(chosen: Expr, rivals: readonly Expr[], probes: readonly Json[], mine: readonly (Json | undefined)[]): Ambiguity | undefined {
  let work = 0;
  for (const alt of rivals) {
    for (const [i, p] of probes.entries()) {
      if (++work > MAX_EVALUATIONS) return undefined;
      const a = mine[i];
      if (a === undefined) continue;
      const b = runOn(alt, p);
      if (b === undefined || jsonEqual(a, b)) continue;
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

function numbersAsText(e: Expr): number {
  let n = 0;
  walk(e, (x) => (n += x.k === "op" && NUMBER_TEXT_OPS.includes(x.op) ? 1 : 0));
  return n;
}

const POSITIONAL = new Set(["sliceFrom", "sliceTo", "slice2", "at", "tokPos", "indexOf"]);

/** A sort by a key cut out of the elements by position (a prefix, a character): ties by coincidence. */
function sortsByPosition(e: Expr): boolean {
  let found = false;
  walk(e, (n) => {
    if (n.k === "lam" && (n.op === "sortAsc" || n.op === "sortDesc")) walk(n.body, (b) => (found ||= b.k === "op" && POSITIONAL.has(b.op)));
  });
  return found;
}

/** Each array of `v` (not inside another array) reversed, one at a time. */
function reversals(v: Json): Json[] {
  if (Array.isArray(v)) return v.length > 1 ? [[...v].reverse()] : [];
  if (v === null || typeof v !== "object") return [];
  const out: Json[] = [];
  for (const [k, e] of Object.entries(v)) for (const r of reversals(e)) out.push({ ...v, [k]: r });
  return out;
}

/**
 * A sort by a positional key whose answer changes when an example's array comes in the other
 * order: its key ties on elements the example tells apart, and the examples' order came from where
 * they stood (a stable sort by the first character for dates). Which order the tied ones take is for the person to say.
 */
function orderDependent(e: Expr, inputs: readonly Json[], outputs: readonly Json[]): Ambiguity | undefined {
  if (!sortsByPosition(e)) return undefined;
  for (const [r, inp] of inputs.entries()) {
    for (const p of reversals(inp)) {
      const got = runOn(e, p);
      if (got === undefined || jsonEqual(got, outputs[r] as Json)) continue;
      return toldInWords(e, p, got, "the same order as the example, whatever order the input comes in", outputs[r] as Json);
    }
  }
  return undefined;
}

/** Words that say where in a list something stands: with them, order may decide the answer. */
const ORDER_WORDS = new Set(["first", "last", "second", "third", "next", "previous", "prior", "recent", "latest", "earliest", "newest", "order", "ordered", "position", "final", "preceding", "following", "consecutive", "rising", "falling", "streak", "running", "cumulative", "tie", "ties", "sequence", "middle"]);

/** A leaf of `v` equal to `s` (an answer picked out of the input, not built). */
function holds(v: Json, s: Json): boolean {
  if (Array.isArray(v)) return v.some((e) => holds(e, s));
  if (v !== null && typeof v === "object") return Object.values(v).some((e) => holds(e, s));
  return v === s;
}

/**
 * A number, a truth value or an element picked out of a list whose answer changes when an
 * example's list comes in the other order, though the description says nothing about order or
 * position: the examples' order decided it (the driver of the longest trip read as "the second
 * trip's driver"). The rival reading is the answer the example gave, whatever the order.
 */
function orderMatters(e: Expr, inputs: readonly Json[], outputs: readonly Json[], prior: Prior): Ambiguity | undefined {
  if ([...(prior.words ?? [])].some((w) => ORDER_WORDS.has(w))) return undefined;
  // An example's list reversed may be another example (already answered): no question then.
  const given = new Set(inputs.map((i) => JSON.stringify(i)));
  for (const [r, inp] of inputs.entries()) {
    const out = outputs[r] as Json;
    if (!(typeof out === "number" || typeof out === "boolean" || (typeof out === "string" && holds(inp, out)))) continue;
    for (const p of reversals(inp).filter((q) => !given.has(JSON.stringify(q)))) {
      const got = runOn(e, p);
      if (got === undefined || jsonEqual(got, out)) continue;
      return toldInWords(e, p, got, "the same answer as the example's, whatever order the elements come in", out);
    }
  }
  return undefined;
}

/**
 * A constant equal to an input field that the program never reads (`x >= 18` where every example
 * with readings that low has `low: 18`): the examples cannot say whether it is the number or the
 * field. The program reading the field instead is the rival, asked about where the field changes.
 */
function constantForField(e: Expr, inputs: readonly Json[]): Ambiguity | undefined {
  const first = inputs[0];
  if (first === null || typeof first !== "object" || Array.isArray(first)) return undefined;
  const read = new Set<string>();
  walk(e, (n) => {
    if (n.k === "in" && n.path[0] !== undefined) read.add(n.path[0]);
  });
  const fields = Object.keys(first).filter((k) => !read.has(k) && inputs.every((i) => typeof (i as Record<string, Json>)[k] === "number"));
  for (const c of new Set(numbersIn(e).filter((c) => Math.abs(c) > 1))) {
    for (const k of fields) {
      const r = inputs.findIndex((i) => (i as Record<string, Json>)[k] === c);
      if (r < 0) continue;
      const rival = replaceConstant(e, c, { k: "in", path: [k] });
      const others = inputs.map((i) => (i as Record<string, Json>)[k] as number).filter((v) => v !== c);
      for (const v of [...others, c + 1, c - 1, c * 2]) {
        const p = { ...(inputs[r] as Record<string, Json>), [k]: v };
        const found = disagreeOn(e, rival, p, runOn(e, p));
        if (found) return found;
      }
    }
  }
  return undefined;
}

/** `e` with every constant `c` replaced by `by`. */
export function replaceConstant(e: Expr, c: number, by: Expr): Expr {
  switch (e.k) {
    case "const":
      return e.value === c ? by : e;
    case "op":
      return { ...e, args: e.args.map((a) => replaceConstant(a, c, by)) };
    case "get":
      return { ...e, obj: replaceConstant(e.obj, c, by) };
    case "lam":
      return { ...e, arr: replaceConstant(e.arr, c, by), body: replaceConstant(e.body, c, by), ...(e.body2 ? { body2: replaceConstant(e.body2, c, by) } : {}) };
    case "if":
      return { ...e, cond: replaceConstant(e.cond, c, by), then: replaceConstant(e.then, c, by), else: replaceConstant(e.else, c, by) };
    case "obj":
      return { ...e, fields: e.fields.map(([k, v]) => [k, replaceConstant(v, c, by)] as const) };
    default:
      return e;
  }
}

const COMPARISON_OPS = new Set(["lt", "le", "gt", "ge"]);

/**
 * A comparison with a number the description never mentions (nor one next to it: `<= 74` is
 * "from 75"), in a description that asks for no
 * comparison ("sum of the even numbers" read as the sum of those up to 3): the threshold came from
 * the examples' values. The program with that comparison always true is the rival reading.
 */
function unaskedThreshold(e: Expr, probes: readonly Json[], mine: readonly (Json | undefined)[], prior: Prior): Ambiguity | undefined {
  if (["lt", "le", "gt", "ge"].some((c) => prior.evidence.has(c))) return undefined;
  const unasked = (n: Expr): boolean =>
    n.k === "op" && COMPARISON_OPS.has(n.op) && n.args.some((a) => a.k === "const" && typeof a.value === "number" && !a.solved && Math.abs(a.value) > 1 && !prior.mentioned.some((m) => Math.abs(m - (a.value as number)) <= 1));
  for (const rival of everywhere(e, (n) => (unasked(n) ? [{ k: "const", value: true }] : []))) {
    for (const [i, p] of probes.entries()) {
      const found = disagreeOn(e, rival, p, mine[i]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * An if/else whose branch rests on one example only: the condition was picked to split the
 * examples, so nothing says it is the right test. The branches as whole programs are the rival
 * readings.
 */
function thinBranch(e: Expr, inputs: readonly Json[], probes: readonly Json[], order: readonly number[], mine: readonly (Json | undefined)[]): Ambiguity | undefined {
  if (e.k !== "if") return undefined;
  const taken = inputs.map((inp) => runOn(e.cond, inp));
  const yes = taken.filter((t) => t === true).length;
  const no = taken.filter((t) => t === false).length;
  if (yes !== 1 && no !== 1) return undefined;
  for (const rival of [e.then, e.else]) {
    for (const i of order) {
      const found = disagreeOn(e, rival, probes[i] as Json, mine[i]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A term that only one example asks for (thin-terms.ts): the program without it is the rival
 * reading, though it misses that example, since the term could as well be any other.
 */
function thinTerm(e: Expr, inputs: readonly Json[], probes: readonly Json[], mine: readonly (Json | undefined)[]): Ambiguity | undefined {
  for (const rival of withoutThinTerms(e, inputs)) {
    for (const [i, p] of probes.entries()) {
      const found = disagreeOn(e, rival, p, mine[i]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Where `rival` gives other than `e` on probe `p` (`e` gives `a` there): that disagreement; undefined where they agree or either fails. */
function disagreeOn(e: Expr, rival: Expr, p: Json, a: Json | undefined): Ambiguity | undefined {
  const b = runOn(rival, p);
  if (a === undefined || b === undefined || jsonEqual(a, b)) return undefined;
  return { input: p, readings: [{ program: body(e), output: a }, { program: body(rival), output: b }], reason: "programs_disagree", programs: [e, rival] };
}

/** A reading described in words ("a change the examples did not need"): it has no output of its own. */
function worded(r: { readonly program: string; readonly output: unknown }): boolean {
  return r.output === null && /^\(.*\)$/s.test(r.program);
}

/**
 * The outputs offered when asking about an ambiguity (readings in words have none): what an
 * answered example records as `offered`, so the backend can tell an answer that surprised it.
 */
export function offeredOutputs(a: { readonly readings: readonly { readonly program: string; readonly output: unknown }[] }): unknown[] {
  return a.readings.filter((r) => !worded(r)).map((r) => r.output).slice(0, MAX_OFFERED);
}

/** One line for people: what the examples leave open. */
export function describeAmbiguity(a: { readonly input: unknown; readonly readings: readonly { readonly program: string; readonly output: unknown }[]; readonly reason: string }): string {
  const input = JSON.stringify(a.input);
  if (a.reason === "ignores_input") return `the program found ignores its input (it always gives ${JSON.stringify(a.readings[0]?.output)}); what should ${input} give?`;
  if (a.reason === "unstable") {
    return `the program I found fits every example, but without one of them I would have written another: the examples only just pin it down. Is ${JSON.stringify(a.readings[0]?.output)} right for ${input}?`;
  }
  if (a.reason === "unconfirmed") {
    return `your answer matched none of the programs I had; the program I found now fits every example but nothing confirms it: is ${JSON.stringify(a.readings[0]?.output)} right for ${input}?`;
  }
  // A reading described in words with no output of its own ("a program that reads per_carton")
  // is shown as those words: it says what the chosen program leaves out, not what it would give.
  const said = (r: { readonly program: string; readonly output: unknown }): string =>
    worded(r) ? r.program.slice(1, -1) : `\`${r.program.replace(/\s*\n\s*/g, " ")}\` gives ${JSON.stringify(r.output)}`;
  return `programs that fit every example disagree on ${input}: ${a.readings.map(said).join(", ")}`;
}

