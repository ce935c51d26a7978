/**
 * Bottom-up enumeration with observational equivalence: builds expressions level by level (level =
 * program size), keeps one expression per distinct value vector on the rows of its context, and
 * hands each new one to `onEntry` (which checks it against the target).
 */
import type { Budget } from "./budget.ts";
import { evaluate } from "./evaluate.ts";
import { kindOf } from "./kinds.ts";
import { createValueIndex } from "./value-index.ts";
import { GROUP_LIST_VALUES } from "./group-ops.ts";
import { applyLambdaOp } from "./lambda-ops.ts";
import type { Fn } from "./lambda-ops.ts";
import { CALENDAR_UNARY } from "./calendar-ops.ts";
import { CASE_OPS } from "./case-ops.ts";
import { NAME_OPS } from "./name-ops.ts";
import { CHAR_OPS } from "./char-ops.ts";
import { PATH_UNARY } from "./path-ops.ts";
import { BINARY_KINDS, FAIL, NUMBER_TEXT_OPS, UNARY_OPS } from "./ops.ts";
import type { OpDef, Out } from "./ops.ts";
import type { Aggregate, Entry, Expr, Json, Kind, LambdaOp } from "./types.ts";

/** The plain unary operations, the naming ones (weekday, month, digits as words), time and calendar, word casing. */
const ALL_UNARY = [...UNARY_OPS, ...NAME_OPS, ...CALENDAR_UNARY, ...CASE_OPS, ...PATH_UNARY, ...CHAR_OPS];

/** The elements of one input array, with a bank of lambda bodies over them. */
export interface LambdaSource {
  readonly id: string;
  readonly bank: Bank;
  /** Per example: element (by identity) → its row in the element context. */
  readonly lookup: readonly ReadonlyMap<Json, number>[];
  readonly maxBody: number;
}

export interface BankOptions {
  /** The inputs of the rows; lambdas evaluate against them when an element is not indexed. */
  readonly inputs: readonly Json[];
  readonly terminals: readonly Entry[];
  /** The binary ops in the order to try them, and the unary ops only some descriptions call for (formula-ops.ts). */
  readonly binaryOps: readonly OpDef[];
  readonly sources?: ReadonlyMap<string, LambdaSource>;
  /** For sources nested in another (`items[].tags`): the nested source id by parent id and path. */
  readonly budget: Budget;
  readonly maxEntries: number;
  /** Called with every new entry; returning true stops the level. */
  readonly onEntry?: (e: Entry) => boolean;
  /** Whether to build objects by group-by / from-pairs (only worth it when an object is wanted). */
  readonly buildObjects?: boolean;
  /** Called with expressions dropped as equivalent to a kept one, with that one. */
  readonly onDuplicate?: (expr: Expr, size: number, kept: Entry) => void;
}

export interface Bank {
  /** levels[s] holds the entries of size s. */
  readonly levels: readonly (readonly Entry[])[];
  readonly level: number;
  readonly full: boolean;
  /** Builds the next level (throws `OutOfBudget`); returns false when stopped by `onEntry`. */
  grow(): boolean;
  growTo(size: number): void;
  /** The kept entry whose values (keyed by value, of no source) are `vals`, if any. */
  byValues(vals: readonly Json[]): Entry | undefined;
  /** Charges further growth to another budget (e.g. a slice of the current one). */
  setBudget(b: Budget): void;
  /** Other expressions with the same values on every row as this kept one (a few, smallest first). */
  equivalents(expr: Expr): readonly { expr: Expr; size: number }[];
}

/** Equivalent expressions remembered per kept one, and in all: enough to show what the examples leave open. */
/** Characters of a value's key that cost one unit of the budget's work (keying is linear in them). */
const KEY_CHARS_PER_UNIT = 256;
const MAX_EQUIVALENTS = 16;
const MAX_EQUIVALENTS_TOTAL = 200_000;

class Stop extends Error {}

const readsX = new WeakMap<Entry, boolean>();

function exprReadsX(e: Expr): boolean {
  switch (e.k) {
    case "x":
      return true;
    case "op":
      return e.args.some(exprReadsX);
    case "get":
      return exprReadsX(e.obj);
    case "lam":
      return exprReadsX(e.arr);
    case "if":
      return exprReadsX(e.cond) || exprReadsX(e.then) || exprReadsX(e.else);
    case "obj":
      return e.fields.some(([, v]) => exprReadsX(v));
    default:
      return false;
  }
}

function readsElement(b: Entry): boolean {
  let v = readsX.get(b);
  if (v === undefined) readsX.set(b, (v = exprReadsX(b.expr)));
  return v;
}

const BOOL_BODY: readonly LambdaOp[] = ["filter", "count", "some", "every", "find"];
const KEY_BODY: readonly LambdaOp[] = ["sortAsc", "sortDesc", "argmax", "argmin"];
/** Largest key body of a group-by (round 19b: 3, the extension of a path in lower case). */
const MAX_KEY_BODY = 3;
const ORDER_BLIND: readonly LambdaOp[] = ["count", "some", "every", "argmax", "argmin"];

export function reorders(e: Expr): boolean {
  return (e.k === "lam" && (e.op === "sortAsc" || e.op === "sortDesc")) || (e.k === "op" && (e.op === "sortAsc" || e.op === "sortDesc" || e.op === "sortNatural" || e.op === "reverse"));
}
const AGGS: readonly Aggregate[] = ["sum", "count", "mean", "min", "max"];

export function createBank(opts: BankOptions): Bank {
  const rows = opts.inputs.length;
  const levels: Entry[][] = [[]];
  const index = createValueIndex<Entry>((srcId) => opts.sources?.get(srcId)?.lookup);
  /** Built on first use (only for the chosen program's parts), not on the hot path. */
  let keptOf: Map<Expr, Entry> | undefined;
  const equivalents = new Map<Entry, { expr: Expr; size: number }[]>();
  let remembered = 0;
  let budget = opts.budget;
  let full = false;
  let nextId = 0;

  function add(expr: Expr, size: number, vals: Json[], extra: Partial<Entry> = {}): void {
    const kept = index.find(vals, extra.src);
    // Keying a long text or list costs by its length: a unit per 256 characters of the key.
    if (index.keyLength >= KEY_CHARS_PER_UNIT) budget.charge(Math.floor(index.keyLength / KEY_CHARS_PER_UNIT), "keyChars");
    if (kept) {
      opts.onDuplicate?.(expr, size, kept);
      if (remembered < MAX_EQUIVALENTS_TOTAL) {
        const list = equivalents.get(kept);
        if (!list) equivalents.set(kept, [{ expr, size }]);
        else if (list.length < MAX_EQUIVALENTS) list.push({ expr, size });
        remembered++;
      }
      return;
    }
    const { kind, elem } = kindOf(vals);
    const entry: Entry = { expr, size, vals, kind, ...(elem ? { elem } : {}), ...extra, id: nextId++ } as Entry;
    index.keep(entry);
    // A value the bank keeps: memory that every later lookup and the collector pay for.
    budget.charge(1, "entry");
    (levels[size] as Entry[]).push(entry);
    if (index.size >= opts.maxEntries) full = true;
    if (opts.onEntry?.(entry)) throw new Stop();
  }

  function tryOp(op: OpDef, args: readonly Entry[], size: number): void {
    budget.tick(rows, "opRow");
    const [a, b] = args as [Entry, Entry | undefined];
    const vals: Json[] = new Array<Json>(rows);
    try {
      for (let r = 0; r < rows; r++) {
        const v = op.apply(a.vals[r] as Json, b ? (b.vals[r] as Json) : null);
        if (v === FAIL) return;
        vals[r] = v;
      }
    } catch {
      return;
    }
    const src = op.keepsSource && a.src ? { src: a.src } : {};
    const expr: Expr = { k: "op", op: op.name, args: args.map((e) => e.expr) };
    const { kind } = kindOf(vals);
    add(expr, size, vals, kind === "arr" ? src : {});
  }

  function getField(a: Entry, size: number): void {
    const first = a.vals[0] as Record<string, Json>;
    for (const key of Object.keys(first)) {
      budget.tick(rows, "fieldRow");
      if (!a.vals.every((v) => Object.hasOwn(v as object, key))) continue;
      add({ k: "get", obj: a.expr, key }, size, a.vals.map((v) => (v as Record<string, Json>)[key] as Json));
    }
  }

  function lambdaFn(src: LambdaSource, body: Entry, r: number): Fn {
    const lookup = src.lookup[r];
    const input = opts.inputs[r] as Json;
    return (x) => {
      const i = lookup?.get(x);
      return i === undefined ? evaluate(body.expr, { input, x }) : (body.vals[i] as Json);
    };
  }

  function tryLambda(op: LambdaOp, arr: Entry, src: LambdaSource, body: Entry, size: number, body2?: Entry, agg?: Aggregate): void {
    // A lambda's work is its body's values: one per element of every row's array.
    let work = rows;
    for (const v of arr.vals) work += (v as Json[]).length;
    budget.tick(work, "lambdaElement");
    // A sort compares each element about log2(n) times: a list of 15,000 was 14 times its count.
    if (op === "sortAsc" || op === "sortDesc") for (const v of arr.vals) budget.charge((v as Json[]).length * Math.log2(Math.max(2, (v as Json[]).length)), "sortElement");
    const vals: Json[] = new Array<Json>(rows);
    for (let r = 0; r < rows; r++) {
      const f2 = body2 ? lambdaFn(src, body2, r) : undefined;
      let v: Out;
      try {
        v = applyLambdaOp(op, arr.vals[r] as Json[], lambdaFn(src, body, r), f2, agg);
      } catch {
        return;
      }
      if (v === FAIL) return;
      vals[r] = v;
    }
    const expr: Expr = { k: "lam", op, arr: arr.expr, body: body.expr, ...(body2 ? { body2: body2.expr } : {}), ...(agg ? { agg } : {}) };
    let extra: Partial<Entry> = {};
    if (op === "filter" || op === "sortAsc" || op === "sortDesc") extra = { src: src.id };
    if (op === "flatMap" && body.expr.k === "x") {
      const nested = `${src.id}[].${body.expr.path.join(".")}`;
      if (opts.sources?.has(nested)) extra = { src: nested };
    }
    add(expr, size, vals, extra);
  }

  function bodies(src: LambdaSource, size: number, kinds: readonly Kind[]): readonly Entry[] {
    if (size < 1 || size > src.maxBody) return [];
    src.bank.growTo(size);
    // A body that does not read the element gives every element the same value: a constant in disguise.
    return (src.bank.levels[size] ?? []).filter((b) => kinds.includes(b.kind) && !b.isConst && !b.threshold && readsElement(b));
  }

  function lambdaLevel(s: number): void {
    const sources = opts.sources;
    if (!sources) return;
    // Small bodies over built arrays first (`map(sort(items, by price), name)`), big bodies over raw arrays last.
    for (let sa = s - 2; sa >= 1; sa--) {
      for (const arr of levels[sa] ?? []) {
        const src = arr.src ? sources.get(arr.src) : undefined;
        if (!src || arr.kind !== "arr") continue;
        const reordered = reorders(arr.expr);
        const sb = s - 1 - sa;
        // Order does not change a count, a some/every or (but for ties) an argmax: no sorting before them.
        for (const op of BOOL_BODY) if (!(reordered && ORDER_BLIND.includes(op))) for (const b of bodies(src, sb, ["bool"])) tryLambda(op, arr, src, b, s);
        for (const op of KEY_BODY) {
          if (reordered && ORDER_BLIND.includes(op)) continue;
          // Numbers compared as text sort by accident: no `String(x)` keys.
          for (const b of bodies(src, sb, op.startsWith("arg") ? ["num"] : ["num", "str"])) if (!(b.expr.k === "op" && NUMBER_TEXT_OPS.includes(b.expr.op))) tryLambda(op, arr, src, b, s);
        }
        for (const b of bodies(src, sb, ["num", "str", "bool", "obj", "arr"])) {
          if (b.expr.k === "x" && b.expr.path.length === 0) continue;
          tryLambda("map", arr, src, b, s);
        }
        for (const b of bodies(src, sb, ["arr"])) tryLambda("flatMap", arr, src, b, s);
        if (!opts.buildObjects) continue;
        for (const k of bodies(src, sb, ["str", "num"])) tryLambda("groupBy", arr, src, k, s, undefined, "count");
        for (let sk = 1; sk <= Math.min(sb - 1, MAX_KEY_BODY); sk++) {
          const keys = bodies(src, sk, ["str", "num"]);
          const vals = bodies(src, sb - sk, ["num", "str", "bool", "obj", "arr"]);
          for (const k of keys) {
            for (const v of vals) {
              if (v.kind === "num") for (const agg of AGGS) if (agg !== "count") tryLambda("groupBy", arr, src, k, s, v, agg);
              if (GROUP_LIST_VALUES.includes(v.kind)) tryLambda("groupList", arr, src, k, s, v);
              if (k.kind === "str") tryLambda("fromPairs", arr, src, k, s, v);
            }
          }
        }
      }
    }
  }

  function level(s: number): void {
    if (s === 1) {
      for (const t of opts.terminals) add(t.expr, 1, [...t.vals], t);
      return;
    }
    lambdaLevel(s);
    // The description-dependent list may hold unary ops too (a root where it speaks of one, a count of
    // the vowels where it names them: formula-ops.ts, char-ops.ts).
    for (const op of [...ALL_UNARY, ...opts.binaryOps.filter((o) => o.arity === 1)]) {
      for (const a of levels[s - (op.cost ?? 1)] ?? []) if (op.accepts(a, a)) tryOp(op, [a], s);
    }
    for (const a of levels[s - 1] ?? []) if (a.kind === "obj" && !a.isConst) getField(a, s);
    // The entries of a size whose kind an op takes, by size and kinds: shared by the ops of one level.
    const ofKinds = new Map<string, Entry[]>();
    const entriesOf = (size: number, kinds: readonly Kind[]): readonly Entry[] => {
      const key = `${size}:${kinds.join()}`;
      let list = ofKinds.get(key);
      if (!list) ofKinds.set(key, (list = (levels[size] ?? []).filter((e) => kinds.includes(e.kind))));
      return list;
    };
    for (const op of opts.binaryOps) {
      if (op.arity !== 2) continue;
      const [k1, k2] = BINARY_KINDS[op.name] ?? op.kinds ?? [[], []];
      const cost = op.cost ?? 1;
      for (let s1 = 1; s1 <= s - 1 - cost; s1++) {
        const s2 = s - cost - s1;
        if (op.commutative && s1 > s2) continue;
        const left = entriesOf(s1, k1);
        const right = entriesOf(s2, k2);
        for (const a of left) {
          for (const b of right) {
            if (op.commutative && s1 === s2 && (b.id ?? 0) < (a.id ?? 0)) continue;
            if (op.accepts(a, b)) tryOp(op, [a, b], s);
          }
        }
      }
    }
  }

  const bank: Bank = {
    levels,
    get level() {
      return levels.length - 1;
    },
    get full() {
      return full;
    },
    grow() {
      const s = levels.length;
      levels.push([]);
      try {
        level(s);
      } catch (err) {
        if (err instanceof Stop) return false;
        throw err;
      }
      return true;
    },
    growTo(size) {
      while (levels.length - 1 < size && !full) bank.grow();
    },
    byValues: (vals) => index.find(vals, undefined),
    equivalents: (expr) => {
      if (!keptOf) {
        keptOf = new Map();
        for (const level of levels) for (const e of level) keptOf.set(e.expr, e);
      }
      const kept = keptOf.get(expr);
      return kept === undefined ? [] : (equivalents.get(kept) ?? []);
    },
    setBudget: (b) => {
      budget = b;
    },
  };
  return bank;
}
