/**
 * The offline `example` backend: programming by example over a typed DSL of JSON operations
 * (bottom-up enumeration with observational equivalence, guided by the schemas, with object and
 * element-wise decomposition, relations solved from the examples, a FlashFill-style string
 * sub-language and if/else chains), ranked by a prior, then checked for ambiguity. No network, no
 * model, deterministic. The budget is counted in the search's work (budget.ts), so a loaded
 * machine gives the same answer; `createThreadedExampleBackend` runs it off the caller's thread.
 */
import type { CapabilitySpec } from "../../spec/index.ts";
import { validateInput, validateOutput } from "../../spec/index.ts";
import { findAmbiguity } from "./ambiguity.ts";
import type { Ambiguity } from "./reading.ts";
import { keyUnshown, lookupKeys, namesAnEntry, namingKeys, otherEntryInputs } from "./lookup-keys.ts";
import { approachedKeys, keyApproached, keyMissing } from "./key-questions.ts";
import { isLookupProgram, lookupFirst, missingAsStated } from "./lookup-program.ts";
import { createBudget, workClock } from "./budget.ts";
import { chooseProgram, fitsAll } from "./choose.ts";
import type { ExampleSearch } from "./choose.ts";
import { DEFAULT_BUDGET_MS } from "./backend.ts";
import type { SynthesisBackend, SynthesisOptions, SynthesisResult } from "./backend.ts";
import { descriptionNumbers, schemaEnums } from "./constants.ts";
import { contradictions } from "./contradictions.ts";
import { emitFunction } from "./emit.ts";
import { SynthesizerError } from "./errors.ts";
import { DSL_SUMMARY } from "./expressible.ts";
import { pluginModule, goldenTests } from "./plugin.ts";
import { timeNumbers } from "./calendar-ops.ts";
import { priorFor } from "./rank.ts";
import { statedInvariance } from "./stated-invariance.ts";
import { dateShift } from "./date-shift.ts";
import { looseConstant, unusedNumber } from "./loose-constants.ts";
import { formulaWithoutValue } from "./described-formula/domain.ts";
import { withinGuard, zeroDivisor } from "./zero-divisor.ts";
import { restate, rivalOfStatedStep } from "./restate.ts";
import { formulaFirst, statedFormula, statesEveryConstant } from "./stated-program.ts";
import { keyProbes, searchRivals } from "./rival-search.ts";
import type { Found } from "./search.ts";
import { labelRead, unreadNamedField, unreadTwin } from "./unread-fields.ts";
import { withoutBlindSorts } from "./blind-sorts.ts";
import { writtenAnswer } from "./written-answers.ts";
import { zeroAnswer } from "./stated-zero.ts";
import { emptyAnswer, emptyAnswered, emptyGuarded, emptyOutsideSchema, statedEmptyAnswers, withoutStatedEmpty } from "./stated-empty.ts";
import { answeredByGuards, BEFORE_SEARCH, guardedAsStated, guardedFields, guardedReadings, lessStatedRates, readGuards, statedGuards, unsettled, withoutGuarded } from "./stated-range.ts";
import { clampedAsStated, statedClamps } from "./stated-clamps.ts";
import { doubtfulBound, unaskedAnswerBound } from "./doubtful-bounds.ts";
import { unseenMark } from "./stated-marks.ts";
import { finerThanStated } from "./stated-decimals.ts";
import { markIgnored } from "./unseen-marks.ts";
import { zeroPart } from "./zero-runs.ts";
import { unaskedQuotient } from "./unasked-quotient.ts";
import { unconfirmed } from "./unconfirmed.ts";
import { unstable } from "./leave-one-out.ts";
import { statedOrdinary, statedOrdinaryAnswer } from "./stated-ordinary.ts";
import { rateScope } from "./rate-scope.ts";
import { sameValueComparison } from "./same-value-comparison.ts";
import { blankLineDoubt } from "./line-decompose.ts";
import { bendOffThreshold, ruleNumbers } from "./threshold-bends.ts";
import { unshownShape } from "./described-shapes.ts";
import { unaskedOrder } from "./unasked-order.ts";
import { temperatureConstants } from "./units.ts";
import type { Expr, Json } from "./types.ts";

export interface ExampleBackendOptions {
  /** Milliseconds clock used only to enforce the budget and report the time spent (overrides `clock`). */
  readonly now?: () => number;
  /**
   * What the budget counts: the search's work, each kind at its idle cost (budget.ts's `workClock`,
   * the default), which gives the same answer on any machine under any load; or this thread's CPU time.
   */
  readonly clock?: "cpu" | "work";
  /** Largest program size to enumerate per (sub)problem. */
  readonly maxSize?: number;
  /** Most expressions kept per bank, a memory bound. */
  readonly maxEntries?: number;
  /** Largest lambda body size. */
  readonly maxBody?: number;
}

/** CPU time of the calling thread in milliseconds. */
export function threadCpuMs(): number {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
}

function programText(expr: Expr): string {
  return emitFunction(expr, "f").split("\n").slice(1, -2).map((l) => l.replace(/^ {2}/, "")).join("\n");
}

/**
 * A leave-one-out fold tries at most this many times the candidates the search on every example
 * tried (it has fewer examples to fit, so it reaches that program's size sooner), and at least
 * MIN_FOLD_CANDIDATES; counts, not time, so the verdict does not move with the machine's load.
 * All folds together search at most one budget of time.
 */
const FOLD_FACTOR = 3;
const MIN_FOLD_CANDIDATES = 20_000;
/**
 * The rival search (rival-search.ts) is bounded by counts; on inputs of hundreds or thousands of
 * items each candidate costs so much that the counts let it run several budgets long (measured:
 * 7.8 s after a 2 s search on 200 records), so it also stops at this share of the budget. A guard:
 * on ordinary inputs it ends in a fraction of that, with the same rivals on any machine.
 */
const RIVAL_TIME_SHARE = 0.5;

export function createExampleBackend(options: ExampleBackendOptions = {}): SynthesisBackend {
  const limits = { maxBody: options.maxBody ?? 5, maxLambdaEntries: 20_000 };
  /** With `withhold`, the examples a stated range answers are the guard's, not the search's. */
  const synthesize = async (given: CapabilitySpec, opts: SynthesisOptions, withhold: boolean): Promise<SynthesisResult> => {
    const budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
    const clash = contradictions(given.examples);
    if (clash) {
      throw new SynthesizerError("contradictory_examples", `examples ${clash.first} and ${clash.second} of ${given.capability} give the same input different outputs (${JSON.stringify(clash.outputs[0])} and ${JSON.stringify(clash.outputs[1])})`, {
        nextStep: `Correct or remove one of them: no program can give two outputs for ${JSON.stringify(clash.input)}.`,
        details: { examples: [clash.first, clash.second], input: clash.input as Json, outputs: [...clash.outputs] as Json[] },
      });
    }
    // Counted in work, a loaded machine meets the same program; the report is in CPU time either way.
    const now = options.now ?? (options.clock === "cpu" ? threadCpuMs : workClock(threadCpuMs));
    const cpu = options.now ?? threadCpuMs;
    const start = now();
    const cpuStart = cpu();
    const clock = (): number => (opts.signal?.aborted ? Number.POSITIVE_INFINITY : now());
    const budget = createBudget(clock, start + budgetMs);
    // Every example, for the stated ranges: those that lie in one (an answer about "1.000" may settle it).
    const stated = { inputs: given.examples.map((e) => e.input as Json), outputs: given.examples.map((e) => e.output as Json) };
    // The ranges the description states an answer for are its guards' (round 27): the ranking reads
    // the rest, so that "minus 10 when the member years are at least 5" is no floor of 5 on the answer.
    // Before the search, the guards of a constant: those on fields named, of a kind, or a written
    // difference ("either distance" on a program's divisors waits for the program).
    const fitsOutput = (v: Json): boolean => validateOutput(given.outputSchema, v).ok;
    const before = statedGuards(BEFORE_SEARCH, given.description, stated, fitsOutput);
    const ordinary = withoutGuarded(given.description, before);
    // An example a range answers as stated ("null for an income over 100 000") is the guard's: the
    // search fits the ordinary case only (round 29a), where one is left to fit.
    const answered = withhold ? answeredByGuards(before, given.examples) : [];
    // So is one the description's answer for an empty list gives ("No refunds gives -1", stop 51).
    const emptied = withhold ? emptyAnswered(given.description, given.examples.filter((e) => !answered.includes(e)), fitsOutput) : [];
    // An example past the bound of a stated rate ("2 per day past 30") is the ordinary case's answer
    // plus the rate's amount: the search fits it less that amount (round 31).
    const unanswered = given.examples.filter((e) => !answered.includes(e) && !emptied.includes(e));
    const { examples: ordinaryCase, shifted } = withhold ? lessStatedRates(before, unanswered, given.description) : { examples: unanswered, shifted: [] };
    const spec = { ...given, examples: ordinaryCase };
    const inputs = spec.examples.map((e) => e.input as Json);
    const outputs = spec.examples.map((e) => e.output as Json);
    // The minutes of an hour count as stated where the input holds times (calendar-ops.ts).
    const mentioned = [...descriptionNumbers(withoutStatedEmpty(ordinary)), ...timeNumbers(inputs)];
    const formula = statedFormula(ordinary);
    const prior = { ...priorFor(ordinary, mentioned), formula: (e: Expr) => statesEveryConstant(e, formula, mentioned), emptyAnswers: statedEmptyAnswers(given.description) };
    const specText = { description: spec.description, enums: schemaEnums(spec.inputSchema) };
    let sizeReached = 0;
    let full = false;
    let closest: { expr: Expr; size: number; right: number[] } | undefined;
    const search: ExampleSearch = { spec, specText, prior, limits, maxSize: options.maxSize ?? 12, maxEntries: options.maxEntries ?? 400_000 };
    // A key that names an entry of a list in every example: the entry it names is read (lookup-program.ts).
    const lookups = lookupKeys(inputs, outputs, spec.description);
    const chosen = chooseProgram(search, spec.examples, budget, {
      onLevel: (s) => (sizeReached = Math.max(sizeReached, s)),
      onClosest: (c) => (closest = c),
      onFull: () => (full = true),
    });
    const outcome = lookupFirst(chosen, lookups, inputs, outputs, spec.description);
    const elapsedMs = Math.round(cpu() - cpuStart);
    const mainCandidates = budget.candidates;
    if (opts.signal?.aborted) {
      throw new SynthesizerError("cancelled", "synthesis was cancelled", { details: { sizeReached, candidates: budget.candidates, elapsedMs } });
    }
    if (!outcome) throw notFound(spec, budgetMs, { sizeReached, candidates: budget.candidates, elapsedMs, ranOut: budget.expired(), full, closest });
    // The answer the description states for a key no entry has is the program's to give (round 32).
    const unstated = missingAsStated(outcome.expr, lookups, inputs, spec.capability);
    if (unstated) throw unstated;
    // The program as the description states it: its rounding of the answer, its factors (round 21).
    const reproduces = (f: Found): boolean => fitsAll(f, spec.examples);
    // And the formula the description states constant by constant, where a rival is one (round 22).
    let found: Found = formulaFirst(restate(outcome, inputs, outputs, prior, spec.description), formula, prior.formula, (expr) => reproduces({ expr, size: 0 }));
    // A program guarded where its divisor is 0 (round 25) is restated inside the guard.
    const inGuard = withinGuard(found.expr, { inputs, outputs }, (e, ins, outs) => restate({ expr: e, size: found.size }, ins, outs, prior, spec.description).expr);
    if (inGuard !== found.expr && reproduces({ expr: inGuard, size: found.size })) found = { ...found, expr: inGuard };
    // The answer the description states for an empty list or text, where the program has none there ("With no deliveries the answer is 0").
    const emptyGuard = emptyGuarded(found.expr, inputs, outputs, spec.description, fitsOutput, emptied.length > 0);
    if (emptyGuard !== found.expr && reproduces({ expr: emptyGuard, size: found.size })) found = { ...found, expr: emptyGuard };
    // The answer the description states for every input its ranges leave, where each example the
    // search fitted gives it, is the program (round 30a): not one written for it by chance.
    const ordinaryAnswer = statedOrdinaryAnswer(spec.description, before, inputs);
    if (ordinaryAnswer !== undefined && found.expr.k !== "const" && outputs.every((o) => o === ordinaryAnswer)) found = { expr: { k: "const", value: ordinaryAnswer }, size: 1 };
    // The answer the description states for inputs at or below a bound ("a length of 0 or less gives
    // 0", round 26), and the fields it holds between two numbers: no question is asked there, and
    // the program (with every reading of a question) is guarded and clamped as stated once chosen.
    const { guards, doubts } = readGuards(found.expr, spec.description, stated, fitsOutput);
    const clamps = statedClamps(spec.description, stated.inputs);
    const asStated = (e: Expr): Expr => guardedAsStated(clampedAsStated(e, clamps), guards);
    const inputSchema = unsettled(spec.inputSchema, guards, clamps);
    // Programs that fit the examples but answer a plausible unseen input otherwise, found by a
    // second search that tells parts apart on those inputs too: rival readings of their own.
    const known = new Set([found.expr, ...(found.alts ?? []).map((a) => a.expr)].map((x) => JSON.stringify(x)));
    // A lookup's key names an entry of its list (lookup-keys.ts): the rivals are told apart, and
    // the person asked, on inputs whose key names another entry, never on one whose key names none.
    const keyed = [...keyProbes(found.expr, inputs), ...otherEntryInputs(lookups, inputs)];
    const statedOrNone = rivalOfStatedStep(found.expr, prior);
    const rivalTime = { now: clock, end: now() + budgetMs * RIVAL_TIME_SHARE };
    const searched = searchRivals(found, inputs, outputs, { spec: specText, limits, prior, probes: keyed, time: rivalTime }).filter((r) => !known.has(JSON.stringify(r.expr)) && reproduces(r) && statedOrNone(r.expr));
    found = { ...found, alts: [...(found.alts ?? []), ...searched] };
    // Then what the description says and the examples cannot: a field it names that the
    // program never reads, a text it never mentions read for a number, one of two alike fields
    // read without the other, a constant no word of it
    // gives that the examples leave loose, dates whose answer moves with the calendar.
    // No question about an input an example answers, the search's or one a stated range withholds
    // from it (round 31's attacker: "fine/book" asked an example's own input six times over), nor
    // about a key that names no entry of its list (round 31b: lookup-keys.ts).
    const exampleInputs = new Set(stated.inputs.map((i) => JSON.stringify(i)));
    const allowed = (p: Json): boolean => validateInput(inputSchema, p).ok && !exampleInputs.has(JSON.stringify(p)) && namesAnEntry(lookups, p);
    // A bound written "1.000" or "100 000" that no example settles is asked about first (round 29a).
    // A constant the description states as the ordinary case's answer is its, not the examples' (round 30a).
    const ordinaryStated = statedOrdinary(found.expr, spec.description, guards, inputs);
    const ambiguity = firstAskable(allowed, [
      () => doubtfulBound(found.expr, doubts, stated.inputs, allowed),
      () => keyUnshown(found.expr, lookups, inputs, allowed),
      // A key the words only bring near an entry ("starts with the given prefix", "nearest"), where
      // every example's key is an entry's own: asked once moved off it (round 32).
      () => keyApproached(found.expr, approachedKeys(inputs, outputs, spec.description), inputs, allowed),
      // A key no entry has, of which the words speak and no lookup answers: asked once (round 32).
      () => (lookups.length > 0 ? undefined : keyMissing(found.expr, namingKeys(inputs, outputs), inputs, spec.description, allowed)),
      // An empty or blank text, a field with a space inside, a line given twice: shapes the
      // description's words make matter and no example shows, asked first as they break the
      // coincidences of clean examples that other questions only circle (round 31a).
      () => unshownShape(found.expr, inputs, spec.description, allowed),
      // A program of one number that bends where the description states no threshold and not at
      // the one it states ("beyond 23 kg", bending at 18), or a line whose examples all lie on one
      // side of it: asked next to the threshold (round 33).
      () => bendOffThreshold(found.expr, inputs, ruleNumbers(spec.description, prior.thresholds ?? []), allowed),
      () => findAmbiguity(found, inputs, outputs, prior, keyed, allowed, ordinaryStated),
      // A list sorted where no word speaks of an order: asked on an example with its items reversed (round 35).
      () => unaskedOrder(found.expr, inputs, outputs, spec.description, allowed),
      // A rate past a bound beside a program of other fields: added once, or per unit of them (round 31).
      () => rateScope(found.expr, guards, stated.inputs, spec.description, asStated, allowed),
      // A field read only by a stated range ("plus 5 when the temperature is below 0") is read (round 27).
      () => unreadNamedField(withoutBlindSorts(found.expr), inputs, outputs, spec.description, inputSchema, guardedFields(guards)),
      () => labelRead(found.expr, inputs, outputs, spec.description, inputSchema),
      () => unreadTwin(found.expr, inputs, spec.description, inputSchema, guardedFields(guards)),
      // An answer written as a text constant where every example's answer is drawn from its input (round 19a).
      () => writtenAnswer(found.expr, inputs, outputs, inputSchema),
      () => looseConstant(found.expr, inputs, outputs, [...prior.mentioned, ...temperatureConstants(spec.description)], inputSchema),
      // The numbers of a guarded statement are the guard's.
      // So are those of a field held between two numbers: the program clamped as stated uses them (round 30a).
      // So are those of what an empty list gives (stop 51): its guard's, asked about by emptyAnswer.
      () => unusedNumber(clampedAsStated(found.expr, clamps), inputs, withoutStatedEmpty(withoutGuarded(spec.description, guards)), inputSchema),
      // An input on which the written formula the program is built on has no value (round 24).
      () => formulaWithoutValue(found.expr, inputs, inputSchema),
      // An input on which a divisor of the program is 0 (round 25).
      () => zeroDivisor(found.expr, inputs, outputs, { input: inputSchema, output: spec.outputSchema }),
      // The answer the description states for an input number at 0 (round 19a).
      () => zeroAnswer(found.expr, inputs, spec.description, inputSchema),
      // The answer it states for an empty list or text, where the program gives another (stop 51).
      () => emptyAnswer(found.expr, inputs, outputs, spec.description, fitsOutput, allowed),
      // A punctuation mark the description names and no example shows (round 19a).
      () => unseenMark(found.expr, inputs, spec.description, inputSchema),
      // A number finer than the description's stated rounding, and a mark dropped from texts of
      // letters and blanks only (round 20b).
      () => finerThanStated(found.expr, inputs, spec.description, inputSchema),
      () => markIgnored(found.expr, inputs, outputs, inputSchema),
      // A part of a text that is all zeros in every example, and a count read as a total divided
      // and rounded with no word for either (round 20b).
      () => zeroPart(found.expr, inputs, inputSchema),
      () => unaskedQuotient(found.expr, inputs, prior, inputSchema),
      () => dateShift(found.expr, inputs, outputs, spec.description, inputSchema),
      // What the description says the answer ignores ("ignoring case", "trimmed") or how it
      // writes it ("uppercase"), checked on an example changed that way (round 8).
      () => statedInvariance(found.expr, inputs, outputs, spec.description, inputSchema),
      // Two measures of one value compared (letters against letters and digits): published
      // only once answered on edge inputs of that value (round 14).
      () => sameValueComparison(found.expr, inputs, outputs, allowed),
      // A line of a text may be empty: a program over lines must answer it (round 24).
      () => blankLineDoubt(found.expr, inputs, allowed),
      // Whether anything confirmed the program since an answer surprised the search.
      () => unconfirmed(found.expr, spec.capability, spec.examples, allowed),
      // Last, whether each example could have been foreseen from the others (round 9); a constant
      // the description states was foreseen by it, and no fold can learn a constant from nothing;
      // so is the lookup its examples' keys state (lookup-program.ts).
      () => (ordinaryStated || isLookupProgram(found.expr, lookups, inputs, outputs, spec.description) ? undefined : unstable(found.expr, { ...search, spec: { ...spec, inputSchema: inputSchema as typeof spec.inputSchema } }, spec.examples, { now: clock, foldCandidates: Math.max(FOLD_FACTOR * mainCandidates, MIN_FOLD_CANDIDATES), totalMs: budgetMs }, allowed)),
    ]);
    // A doubtful bound on the answer that nothing asked about is no guard to leave out (round 30b).
    const unasked = ambiguity ? undefined : unaskedAnswerBound(doubts, spec.capability);
    if (unasked) throw unasked;
    const program = asStated(found.expr);
    // The guards found with the program are not those before it: search again on every example,
    // within what is left of the budget (the budget is the whole search's, both rounds).
    if (!fitsAll({ expr: program, size: 0 }, [...answered, ...shifted, ...emptied])) return synthesize(given, { ...opts, budgetMs: Math.max(0, budgetMs - (now() - start)) }, false);
    const size = found.size + 2 * guards.length + 2 * clamps.length;
    const note = emptyOutsideSchema(found.expr, fitsOutput);
    return {
      backend: "example",
      capability: spec.capability,
      code: pluginModule(given, program, size),
      program,
      size,
      candidates: budget.candidates,
      elapsedMs,
      tests: goldenTests(given),
      ...(ambiguity ? { ambiguity: guardedReadings(ambiguity, asStated) } : {}),
      ...(note ? { note } : {}),
    };
  };
  return { name: "example", synthesize: (spec, opts = {}) => synthesize(spec, opts, true) };
}

/**
 * The first question of `checks` (each run only if those before it ask nothing) about an input a
 * person may be asked: not an example's, inside the schema and the task's domain (round 32's
 * attacker: a check of a number the description names asked about a key its stated answer settles).
 */
function firstAskable(allowed: (input: Json) => boolean, checks: readonly (() => Ambiguity | undefined)[]): Ambiguity | undefined {
  for (const check of checks) {
    const asked = check();
    if (asked && allowed(asked.input as Json)) return asked;
  }
  return undefined;
}

interface GiveUp {
  sizeReached: number;
  candidates: number;
  elapsedMs: number;
  ranOut: boolean;
  full: boolean;
  closest: { expr: Expr; size: number; right: number[] } | undefined;
}

/** Why nothing was found, honestly: out of time, an internal cap, or the whole space searched; and what was close. */
function notFound(spec: CapabilitySpec, budgetMs: number, g: GiveUp): SynthesizerError {
  const n = spec.examples.length;
  const why = g.ranOut
    ? `within ${budgetMs} ms of search`
    : g.full
      ? "before the search's memory cap on kept expressions was reached"
      : "among programs of the offline DSL up to the sizes searched";
  const close = g.closest
    ? {
        program: programText(g.closest.expr),
        right: g.closest.right.map((r) => r + 1),
        misses: [...Array(n).keys()].filter((r) => !g.closest?.right.includes(r)).map((r) => r + 1),
      }
    : undefined;
  const closeText = close && close.right.length > 0 ? `; closest: \`${close.program.replace(/\n/g, " ")}\` fits example(s) ${close.right.join(", ")} and misses ${close.misses.join(", ")}` : "";
  return new SynthesizerError("no_program_found", `no program fits the ${n} example(s) of ${spec.capability} ${why} (explored programs up to size ${g.sizeReached})${closeText}`, {
    nextStep:
      `${g.ranOut ? "Give the search more time (--budget-ms), or add" : "Add"} examples that make the pattern clearer, or split the capability into simpler ones. ` +
      `The offline backend writes ${DSL_SUMMARY}. Anything else, write by hand: capsmith plugin new ${spec.capability} --spec SPEC.json scaffolds a plugin with these examples as its tests.`,
    details: {
      sizeReached: g.sizeReached,
      candidates: g.candidates,
      elapsedMs: g.elapsedMs,
      budgetMs,
      reason: g.ranOut ? "budget" : g.full ? "memory_cap" : "exhausted",
      ...(close ? { closest: close } : {}),
    },
  });
}
