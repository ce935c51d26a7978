/**
 * Builds the search contexts of a spec: the top level (one row per example, lambdas over every
 * input array) and, for element-wise decomposition, one context per input array (one row per
 * element, with `x` bound to it).
 */
import { createBank } from "./bank.ts";
import type { LambdaSource } from "./bank.ts";
import type { Budget } from "./budget.ts";
import { descriptionNumbers, planConstants } from "./constants.ts";
import { constEntry, discoverSources, elementTerminals, inputTerminals, makeSource, windowSources } from "./contexts.ts";
import type { SourceRows } from "./contexts.ts";
import { CALENDAR_BINARY } from "./calendar-ops.ts";
import { PATH_BINARY } from "./path-ops.ts";
import { formulaOps } from "./formula-ops.ts";
import { affixOps } from "./affix-ops.ts";
import { formulaTerminals } from "./described-formula/index.ts";
import { ladderTerminals } from "./stated-ladder.ts";
import { joinSeparators, lineSources } from "./line-sources.ts";
import { fieldSources } from "./field-sources.ts";
import { positionOps } from "./position-ops.ts";
import { statedScales } from "./stated-scale.ts";
import { stepOps } from "./stated-step.ts";
import { countOps } from "./char-ops.ts";
import { wordMarkOps } from "./word-marks.ts";
import { comparisonOrder } from "./hints.ts";
import { names } from "./unread-fields.ts";
import { BINARY_OPS } from "./ops.ts";
import type { OpDef } from "./ops.ts";
import type { SearchContext } from "./search.ts";
import type { Entry, Json } from "./types.ts";

export interface ProblemLimits {
  readonly maxBody: number;
  readonly maxLambdaEntries: number;
}

function orderedOps(description: string): OpDef[] {
  const order = comparisonOrder(description);
  const cmp = BINARY_OPS.filter((o) => order.includes(o.name)).sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const firstCmp = BINARY_OPS.findIndex((o) => order.includes(o.name));
  const rest = BINARY_OPS.filter((o) => !order.includes(o.name));
  // A prefix test comes before equality and `includes`, the programs it agrees with on every example
  // where each pattern stands at the start: the bank keeps the first of programs that agree.
  return [...affixOps(description), ...rest.slice(0, firstCmp), ...cmp, ...rest.slice(firstCmp), ...CALENDAR_BINARY, ...PATH_BINARY, ...formulaOps(description), ...stepOps(description), ...countOps(description), ...wordMarkOps(description), ...positionOps(description)];
}

/** What the constants are planned from: the description and the input schema's enums. */
export interface SpecText {
  readonly description: string;
  readonly enums: readonly Json[];
}

/** Constants planned from `inputs` (the examples' values), as entries over `rows` rows. */
function constants(spec: SpecText, inputs: readonly Json[], targets: readonly Json[], rows: number): Entry[] {
  const plan = planConstants(spec.description, inputs, targets, spec.enums);
  return [...plan.values.map((v) => constEntry(v, rows)), ...plan.thresholds.map((t) => constEntry(t, rows, true))];
}

function elementContext(src: SourceRows, inputs: readonly Json[], ids: ReadonlySet<string>, spec: SpecText, ops: readonly OpDef[], budget: Budget, exampleRows = inputs.length): SearchContext {
  const rowInputs = src.exampleOf.map((ex) => inputs[ex] as Json);
  const base = [...elementTerminals(src, ids), ...inputTerminals(inputs, rowInputs, ids, budget, { named: (field) => names(spec.description, field) })];
  const planned = src.elements.filter((_, i) => (src.exampleOf[i] as number) < exampleRows);
  return {
    inputs: rowInputs,
    binaryOps: ops,
    terminals: (targets) => [...base, ...constants(spec, planned, targets, src.elements.length)],
    plausible: (targets) => {
      const consts = planConstants(spec.description, src.elements, targets, spec.enums).values.filter((v) => typeof v === "string");
      return targets.every((t, r) => textsCovered(t, [src.elements[r] as Json, ...base.filter((b) => b.expr.k === "in").map((b) => b.vals[r] as Json)], consts));
    },
  };
}

function texts(v: Json, out: string[], withNumbers: boolean): void {
  if (typeof v === "string" || (withNumbers && typeof v === "number")) out.push(String(v).toLowerCase());
  else if (Array.isArray(v)) for (const e of v) texts(e, out, withNumbers);
  else if (v !== null && typeof v === "object") for (const e of Object.values(v)) texts(e, out, withNumbers);
}

/** Every word of the target's strings occurs in the row's own values or in a constant. */
function textsCovered(target: Json, row: readonly Json[], consts: readonly string[]): boolean {
  const want: string[] = [];
  texts(target, want, false);
  if (want.length === 0) return true;
  const have: string[] = consts.map((c) => c.toLowerCase());
  for (const v of row) texts(v, have, true);
  return want.every((w) => (w.match(/[a-z]+|[0-9]+/g) ?? []).every((tok) => have.some((h) => h.includes(tok))));
}

/**
 * The top-level context. With `exampleRows`, only the first rows are examples and the rest are
 * probe inputs (rival-search.ts): the constants are planned from the examples alone, so the same
 * programs are built, only told apart on more rows.
 */
export function topContext(spec: SpecText, inputs: readonly Json[], outputs: readonly Json[], budget: Budget, limits: ProblemLimits, exampleRows = inputs.length): SearchContext {
  const ops = orderedOps(spec.description);
  const lines = lineSources(inputs, spec.description);
  const windows = [...windowSources(inputs, discoverSources(inputs), spec.description), ...lines, ...fieldSources(inputs, spec.description)];
  const found = [...discoverSources(inputs), ...windows.map((w) => w.rows)];
  const ids = new Set(found.map((s) => s.id));
  const sources = new Map<string, LambdaSource>();
  const planned = inputs.slice(0, exampleRows);
  for (const src of found) {
    const elem = elementContext(src, inputs, ids, spec, ops, budget, exampleRows);
    const bank = createBank({
      inputs: elem.inputs,
      terminals: elem.terminals(outputs),
      binaryOps: ops,
      budget,
      maxEntries: limits.maxLambdaEntries,
    });
    sources.set(src.id, { id: src.id, bank, lookup: src.lookup, maxBody: limits.maxBody });
  }
  const base = [...inputTerminals(inputs, inputs, ids, budget), ...windows.map((w) => w.term), ...formulaTerminals(spec.description, inputs, exampleRows), ...ladderTerminals(spec.description, inputs, outputs, exampleRows)];
  return {
    inputs,
    binaryOps: ops,
    sources,
    statedScales: statedScales(spec.description, descriptionNumbers(spec.description)),
    terminals: (targets) => [...base, ...constants(spec, planned, targets, inputs.length)],
    lineSplits: () =>
      lines.map((l) => ({
        term: l.term,
        separators: joinSeparators(spec.description),
        context: (perExample) => elementContext(makeSource(l.rows.id, perExample), inputs, ids, spec, ops, budget, exampleRows),
      })),
    valuesContext: (objs) => elementContext(makeSource("values", objs.map((o) => Object.values(o as Record<string, Json>))), inputs, ids, spec, ops, budget, exampleRows),
    mappable: () =>
      base
        .filter((t) => t.src !== undefined && !t.src.includes("[]"))
        .map((array) => ({ array, element: () => elementContext(found.find((s) => s.id === array.src) as SourceRows, inputs, ids, spec, ops, budget, exampleRows) })),
  };
}
