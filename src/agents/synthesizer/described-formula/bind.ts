/**
 * Binds the operands of a written formula (parse.ts) to the input (round 24): a number is a
 * constant; a phrase is a name the description defines ("the horizontal distance is …"), a short
 * name it gives ("with T the air temperature"), or a field whose name's words the phrase holds
 * ("the cable's resistance in ohms per metre" → `ohmsPerMetre`). A phrase that is none of these is
 * a hole, filled by each numeric field in turn (at most two holes): a binding by name is evidence,
 * a hole only a guess that the examples and the ambiguity checks must bear out.
 */
import type { Formula } from "./parse.ts";
import type { Statement } from "./spans.ts";
import type { Expr } from "../types.ts";
import { tidy } from "../number-words.ts";
import { unitOf } from "../units.ts";
import { konst, op } from "../expr.ts";

/** A binding of a formula: its expression, and how many of its operands were guessed. */
export interface Bound {
  readonly expr: Expr;
  readonly holes: number;
}

/** What operands are bound to: the numeric fields, and the description's names. */
export interface Names {
  readonly fields: readonly string[];
  readonly defs: readonly { readonly name: readonly string[]; readonly body: Formula }[];
  readonly aliases: ReadonlyMap<string, readonly string[]>;
}

const MAX_HOLES = 2;
/** Most bindings kept of one formula (the product of its operands' choices). */
const MAX_BINDINGS = 16;
/** Words that say nothing of which quantity a phrase names. */
const STOP = new Set(["the", "a", "an", "of", "in", "is", "its", "their", "our", "my", "your", "his", "her", "this", "that", "each", "all", "given", "measured", "as"]);

/** A word as compared: lower case, no possessive, no plural "s" ("metres" is "metre"). */
function stem(word: string): string {
  const w = word.toLowerCase().replace(/'s?$/, "");
  // "the supply voltage" is `supplyVolts`, "the percentages" `fromPercent` and `toPercent`.
  if (w === "voltage") return "volt";
  if (w === "percentage" || w === "percentages") return "percent";
  return w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w;
}

/** The words of a phrase that name something. */
export function keyWords(words: readonly string[]): string[] {
  return words.map(stem).filter((w) => !STOP.has(w));
}

/** The words of a field's name: `ohmsPerMetre` → ohm, per, metre; `dew_point` → dew, point. */
export function fieldWords(field: string): string[] {
  return (field.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [field]).map(stem);
}

/** The fields a phrase names: those with the most of their words in it (at least half of them). */
export function fieldsNamed(words: readonly string[], fields: readonly string[]): string[] {
  const have = new Set(keyWords(words));
  const raw = words.join(" ");
  const exact = fields.filter((f) => f === raw || f.toLowerCase() === raw.toLowerCase());
  if (exact.length > 0) return exact;
  const scored = fields.map((f) => {
    const fw = fieldWords(f);
    const hits = fw.filter((w) => have.has(w)).length;
    return { f, hits, ok: hits > 0 && hits * 2 >= fw.length, ratio: hits / fw.length };
  });
  const ok = scored.filter((s) => s.ok);
  const best = Math.max(0, ...ok.map((s) => s.hits + s.ratio));
  return ok.filter((s) => s.hits + s.ratio === best).map((s) => s.f);
}

/** The definition a phrase names: one whose words are the phrase's (`exact`), or all in it, the longest first. */
function defNamed(words: readonly string[], names: Names, skip: ReadonlySet<Formula>, exact: boolean): Formula | undefined {
  const have = keyWords(words);
  const fits = names.defs.filter((d) => {
    const name = keyWords(d.name);
    if (skip.has(d.body) || name.length === 0) return false;
    return exact ? name.join(" ") === have.join(" ") : name.every((w) => have.includes(w));
  });
  fits.sort((a, b) => keyWords(b.name).length - keyWords(a.name).length);
  return fits[0]?.body;
}

/**
 * The definition "that share" or "this voltage" points back to (round 26): the one whose name holds
 * the phrase's words ("the battery's share to fill is …, so the energy bought is that share ÷ 0.9"),
 * when exactly one does.
 */
function referredTo(words: readonly string[], names: Names, skip: ReadonlySet<Formula>): Formula | undefined {
  if (!/^(that|this|these|those)$/i.test(words[0] ?? "")) return undefined;
  const have = keyWords(words.slice(1));
  const fits = names.defs.filter((d) => !skip.has(d.body) && have.length > 0 && have.every((w) => keyWords(d.name).includes(w)));
  return fits.length === 1 ? fits[0]?.body : undefined;
}


/** A field's unit: the last word of its name (`waterlineMetres`, `lengthCm`; not `barsEaten`). */
const fieldUnit = (field: string): ReturnType<typeof unitOf> => unitOf(fieldWords(field).at(-1) ?? "");
/** A phrase's unit: what follows its last "in" ("its waterline length in feet"; not "calories per bar"). */
function phraseUnit(words: readonly string[]): ReturnType<typeof unitOf> {
  const at = words.map((w) => w.toLowerCase()).lastIndexOf("in");
  return at < 0 ? undefined : unitOf(words.slice(at + 1).join(" "));
}

/**
 * A field as the phrase that names it measures it (round 26): "its waterline length in feet" bound
 * to `waterlineMetres` is the field ÷ 0.3048; "its length" beside `lengthCm`, in a formula whose
 * other numbers are in metres ("9.81 m/s²"), is the field in metres, or as it is (both, the examples
 * decide). A field or phrase without a unit the table knows is the field as it is.
 */
function inUnitsOf(words: readonly string[], field: string): Expr[] {
  const plain: Expr = { k: "in", path: [field] };
  const has = fieldUnit(field);
  if (!has) return [plain];
  const wanted = phraseUnit(words);
  const into = (size: number): Expr => (has.size >= size ? op("mul", plain, konst(tidy(has.size / size))) : op("div", plain, konst(tidy(size / has.size))));
  if (wanted) return wanted.dimension === has.dimension && wanted.size !== has.size ? [into(wanted.size), plain] : [plain];
  return has.size === 1 ? [plain] : [plain, into(1)];
}

/** Every combination of the operands' bindings, keeping those with few holes. */
function combine(parts: readonly (readonly Bound[])[], build: (args: Expr[]) => Expr): Bound[] {
  let acc: { args: Expr[]; holes: number }[] = [{ args: [], holes: 0 }];
  for (const choices of parts) {
    const next: { args: Expr[]; holes: number }[] = [];
    for (const a of acc) for (const c of choices) if (a.holes + c.holes <= MAX_HOLES) next.push({ args: [...a.args, c.expr], holes: a.holes + c.holes });
    acc = next.sort((x, y) => x.holes - y.holes).slice(0, MAX_BINDINGS);
  }
  return acc.map((a) => ({ expr: build(a.args), holes: a.holes }));
}

/** The bindings of a phrase: a name, a definition, a field, or else a hole (each field). */
function bindPhrase(words: readonly string[], names: Names, skip: ReadonlySet<Formula>): Bound[] {
  // "ISO the sensitivity" beside a field `iso`: the short name is the field's own.
  const own = words.length === 1 ? names.fields.filter((f) => f.toLowerCase() === (words[0] as string).toLowerCase()) : [];
  if (own.length > 0) return own.map((f) => ({ expr: { k: "in", path: [f] }, holes: 0 }));
  const alias = words.length === 1 ? names.aliases.get(words[0] as string) : undefined;
  if (alias) return bindPhrase(alias, names, skip);
  const raw = words.join(" ").toLowerCase();
  const def = defNamed(words, names, skip, true) ?? (names.fields.some((f) => f.toLowerCase() === raw) ? undefined : defNamed(words, names, skip, false)) ?? referredTo(words, names, skip);
  if (def && skip.size < 4) return bindFormula(def, names, new Set([...skip, def]));
  const fields = fieldsNamed(words, names.fields);
  if (fields.length > 0) return fields.flatMap((f) => inUnitsOf(words, f).map((expr) => ({ expr, holes: 0 })));
  // "the current in amps" beside the only field in a unit of current, `milliamps`: named by its unit.
  const wanted = phraseUnit(words);
  const byUnit = wanted ? names.fields.filter((f) => fieldUnit(f)?.dimension === wanted.dimension) : [];
  if (byUnit.length === 1) return inUnitsOf(words, byUnit[0] as string).map((expr) => ({ expr, holes: 0 }));
  return names.fields.map((f) => ({ expr: { k: "in", path: [f] }, holes: 1 }));
}

/** Every binding of a formula to the input (`skip`: the definitions being bound, never substituted into themselves). */
export function bindFormula(f: Formula, names: Names, skip: ReadonlySet<Formula> = new Set()): Bound[] {
  switch (f.t) {
    case "num":
      return [{ expr: konst(f.v), holes: 0 }];
    case "phrase":
      return bindPhrase(f.words, names, skip);
    case "bin":
      return combine([bindFormula(f.a, names, skip), bindFormula(f.b, names, skip)], ([a, b]) => op(f.op, a as Expr, b as Expr));
    case "neg":
    case "sqrt":
    case "exp":
      return combine([bindFormula(f.a, names, skip)], ([a]) => op(f.t, a as Expr));
    case "fn": {
      // "log" alone is the natural logarithm to a mathematician and the decimal one to an engineer: both, the examples decide.
      const ops = f.name === "log" ? ["ln", "log10"] : [f.name];
      const inner = bindFormula(f.a, names, skip);
      return ops.flatMap((name) => combine([inner], ([a]) => op(name, a as Expr)));
    }
    case "round":
      return combine([bindFormula(f.a, names, skip)], ([a]) => (f.places === 0 ? op("round", a as Expr) : op("roundTo", a as Expr, konst(f.places))));
    case "apply": {
      // "s(s − a)" multiplies; "the room's volume (length × width × height)" says what the volume is.
      const head = bindPhrase(f.words, names, skip);
      const inner = bindFormula(f.a, names, skip);
      if (head.every((h) => h.holes > 0)) return inner;
      return combine([head.filter((h) => h.holes === 0), inner], ([a, b]) => op("mul", a as Expr, b as Expr));
    }
  }
}

/** The names a description's statements give: its definitions and short names, over these fields. */
export function namesOf(stated: readonly Statement[], fields: readonly string[]): Names {
  const defs = stated.flatMap((s) => (s.k === "def" ? [{ name: s.name, body: s.body }] : []));
  const aliases = new Map(stated.flatMap((s) => (s.k === "alias" ? [[s.name, s.phrase] as const] : [])));
  return { fields, defs, aliases };
}
