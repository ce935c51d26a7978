/**
 * A constant run of one character against a run as long as a text of the input (round 18,
 * fill-ops.ts), or against the text padded to a width (round 18d): alike on examples whose texts
 * are all as long, parted by a text of another length. And a text cut at a position from the start
 * against the cut from its end (round 18d, as rival-readings.ts `positionTwins` does for arrays).
 */
import { fillExpr, padExpr, runOf } from "./fill-ops.ts";
import { runOn } from "./evaluate.ts";
import { everywhere } from "./rival-readings.ts";
import { walk } from "./rank.ts";
import type { Expr, Json } from "./types.ts";
import { konst } from "./expr.ts";

const isStr = (v: Json | undefined): v is string => typeof v === "string";
const isRecord = (v: Json | undefined): v is Record<string, Json> => v !== null && typeof v === "object" && !Array.isArray(v);
const concat = (items: readonly Expr[]): Expr => items.reduce((a, b) => ({ k: "op", op: "concat", args: [a, b] }));

/** The paths of the texts in an input record, nested records too (`account.card`). */
function textPaths(v: Json, at: readonly string[] = []): string[][] {
  if (isStr(v)) return at.length > 0 ? [[...at]] : [];
  if (!isRecord(v)) return [];
  return Object.entries(v).flatMap(([k, x]) => textPaths(x, [...at, k]));
}

function valueAt(v: Json | undefined, path: readonly string[]): Json | undefined {
  let cur = v;
  for (const k of path) cur = isRecord(cur) ? cur[k] : undefined;
  return cur;
}

function withValue(v: Json, path: readonly string[], value: Json): Json {
  const [k, ...rest] = path;
  if (k === undefined || !isRecord(v)) return value;
  return { ...v, [k]: withValue(v[k] as Json, rest, value) };
}

/** The input's texts (nested too) each of one length on every example, with that length. */
function oneLengthTexts(inputs: readonly Json[]): { path: string[]; len: number }[] {
  const first = inputs[0];
  if (first === undefined) return [];
  return textPaths(first).flatMap((path) => {
    const lens = new Set(inputs.map((input) => {
      const v = valueAt(input, path);
      return isStr(v) ? v.length : -1;
    }));
    const [len] = [...lens];
    return lens.size === 1 && len !== undefined && len > 0 ? [{ path, len }] : [];
  });
}

/** The text a piece reads whole (`whole`) or cuts at constant positions. */
function cutOf(n: Expr | undefined): { path: readonly string[]; whole: boolean } | undefined {
  if (n?.k === "in") return { path: n.path, whole: true };
  if (n?.k !== "op" || !["sliceFrom", "sliceTo", "slice2"].includes(n.op)) return undefined;
  const [src, ...at] = n.args;
  return src?.k === "in" && at.every((a) => a.k === "const") ? { path: src.path, whole: false } : undefined;
}

const flatten = (n: Expr): Expr[] => (n.k === "op" && n.op === "concat" ? n.args.flatMap(flatten) : [n]);

/**
 * Where a constant run of one character stands beside a piece of a text of one length (round
 * 18d): beside a cut, with the cut as long as the text, the run masks the rest of the text
 * (`"[****" + s.slice(4)`: the run tracks the text's length); beside the whole text, it pads the
 * text to a width (`s + "......."`: the text padded to 10). Each reading replaces the run.
 */
function besideRivals(e: Expr, inputs: readonly Json[]): Expr[] {
  const texts = oneLengthTexts(inputs);
  const lengthOf = (path: readonly string[]): number | undefined => texts.find((t) => JSON.stringify(t.path) === JSON.stringify(path))?.len;
  const cutLength = (n: Expr): number | undefined => {
    const lens = new Set(inputs.map((input) => {
      const v = runOn(n, input);
      return isStr(v as Json) ? (v as string).length : -1;
    }));
    const [len] = [...lens];
    return lens.size === 1 && len !== undefined && len >= 0 ? len : undefined;
  };
  return everywhere(e, (n) => {
    if (n.k !== "op" || n.op !== "concat") return [];
    const items = flatten(n);
    const out: Expr[] = [];
    items.forEach((item, i) => {
      if (item.k !== "const" || !isStr(item.value)) return;
      const v = item.value;
      for (const lead of [false, true]) {
        const m = lead ? /^(.)\1+/su.exec(v) : /(.)\1+$/su.exec(v);
        const j = lead ? i - 1 : i + 1;
        const nb = items[j];
        const cut = cutOf(nb);
        if (!m || !nb || !cut) continue;
        const [run, ch] = [m[0], m[1] as string];
        const len = lengthOf(cut.path);
        if (len === undefined) continue;
        const rest = lead ? v.slice(run.length) : v.slice(0, v.length - run.length);
        const others = rest === "" ? [] : [konst(rest)];
        const text: Expr = { k: "in", path: cut.path };
        if (cut.whole) {
          // The run after the text pads its end; the run before it pads its start.
          const pad = padExpr(text, len + run.length, ch, lead ? "end" : "start");
          const [a, b] = lead ? [j, i] : [i, j];
          out.push(concat([...items.slice(0, a), ...(lead ? [pad, ...others] : [...others, pad]), ...items.slice(b + 1)]));
        } else if (cutLength(nb) !== undefined && (cutLength(nb) as number) + run.length === len) {
          const fill = fillExpr(ch, text, len - run.length);
          out.push(concat([...items.slice(0, i), ...(lead ? [fill, ...others] : [...others, fill]), ...items.slice(i + 1)]));
        }
      }
    });
    return out;
  });
}

/**
 * The chosen program with a constant run of one character replaced by the run as long as a text
 * of the input less a fixed count, for each text (nested too) as long as the answer on every
 * example, or by a run that masks or pads a text it stands beside: alike there, since every
 * example's text is as long, and parted by a text of another length.
 */
export function fillRivals(e: Expr, inputs: readonly Json[], outputs: readonly Json[]): Expr[] {
  const texts = oneLengthTexts(inputs).filter((t) => outputs.every((o) => isStr(o) && o.length === t.len));
  const tracking = texts.length === 0 ? [] : everywhere(e, (n) => {
    if (n.k !== "const" || !isStr(n.value)) return [];
    const ch = runOf(n.value);
    if (ch === undefined) return [];
    const run = n.value.length;
    return texts.flatMap((t) => (t.len > run ? [fillExpr(ch, { k: "in", path: t.path }, t.len - run)] : []));
  });
  const seen = new Set<string>();
  return [...tracking, ...besideRivals(e, inputs)].filter((r) => {
    const key = JSON.stringify(r);
    return !seen.has(key) && !!seen.add(key);
  });
}

/**
 * Texts with the same marks (not letters or digits) at the same places on every example (dates,
 * phone numbers, times): the positions are the format's, and a text of another length no
 * question a person can answer.
 */
function fixedFormat(texts: readonly string[]): boolean {
  const marks = (t: string): string => t.replace(/[A-Za-z0-9]/g, "_");
  const first = texts[0];
  return first !== undefined && /[^A-Za-z0-9]/.test(first) && texts.every((t) => marks(t) === marks(first));
}

/**
 * A text cut at a position counted from the start against the cut counted from its end, where
 * every example's text is as long: `[****${s.slice(4)}]` against `[****${s.slice(-4)}]` on
 * eight-digit cards (round 18d, as rival-readings.ts `positionTwins` for arrays), parted by a text
 * of another length. Not on texts of a fixed format.
 */
export function textPositionTwins(e: Expr, inputs: readonly Json[]): Expr[] {
  const texts = oneLengthTexts(inputs).filter((t) => !fixedFormat(inputs.map((input) => valueAt(input, t.path) as string)));
  return everywhere(e, (n) => {
    if (n.k !== "op" || (n.op !== "sliceFrom" && n.op !== "sliceTo")) return [];
    const [src, at] = n.args;
    if (src?.k !== "in" || at?.k !== "const" || typeof at.value !== "number" || at.value === 0) return [];
    const len = texts.find((t) => JSON.stringify(t.path) === JSON.stringify(src.path))?.len;
    const k = at.value;
    if (len === undefined || Math.abs(k) >= len) return [];
    return [{ ...n, args: [src, konst(k > 0 ? k - len : k + len)] }];
  });
}

/** Whether a program repeats a character to a text's length or pads a text to a width. */
function fills(e: Expr): boolean {
  let found = false;
  walk(e, (n) => (found ||= n.k === "op" && ["repeatChar", "padEndChar", "padStartChar"].includes(n.op)));
  return found;
}

/**
 * Each example's texts (nested too) one character shorter and one longer (the first character
 * dropped or doubled): where a constant run and a run to the text's length part, a pad and a cut
 * part (a shorter text), and a cut from either end.
 */
export function textLengthProbes(inputs: readonly Json[]): Json[] {
  const out: Json[] = [];
  for (const input of inputs) {
    for (const path of textPaths(input)) {
      const v = valueAt(input, path) as string;
      if (v.length < 2) continue;
      out.push(withValue(input, path, v.slice(1)), withValue(input, path, `${v.charAt(0)}${v}`));
    }
  }
  return out;
}

/** textLengthProbes, where some rival fills or pads. */
export function fillProbes(rivals: readonly Expr[], inputs: readonly Json[]): Json[] {
  return rivals.some(fills) ? textLengthProbes(inputs) : [];
}
