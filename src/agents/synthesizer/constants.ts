/**
 * Constants the search may use: a few universal ones, numbers the spec mentions, separators and
 * literal text that recur in the example outputs, class labels (output strings that repeat), and
 * threshold candidates (numbers seen in the inputs, usable only on the right of a comparison).
 */
import type { Json } from "./types.ts";
import { timeNumbers } from "./calendar-ops.ts";
import { queryKeys } from "./path-ops.ts";
import { unitFactors } from "./units.ts";
import { formulaNumbers } from "./formula-ops.ts";
import { numberWords } from "./number-words.ts";
import { stepNumbers } from "./stated-step.ts";

export interface ConstantPlan {
  readonly values: readonly Json[];
  /** Numbers usable only as comparison thresholds. */
  readonly thresholds: readonly number[];
}

const BASE_NUMBERS = [0, 1, 2, 100];
const BASE_STRINGS = ["", " "];
const MAX_TOKENS = 6;
const MAX_THRESHOLDS = 10;

function strings(v: Json, out: string[]): void {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const e of v) strings(e, out);
  else if (v !== null && typeof v === "object") for (const e of Object.values(v)) strings(e, out);
}

function numbers(v: Json, out: number[]): void {
  if (typeof v === "number") out.push(v);
  else if (Array.isArray(v)) for (const e of v) numbers(e, out);
  else if (v !== null && typeof v === "object") for (const e of Object.values(v)) numbers(e, out);
}

function tokens(s: string): string[] {
  return s.match(/[A-Za-z]+|[0-9]+|[^A-Za-z0-9]+/g) ?? [];
}

/**
 * Numbers the description gives: in digits ("7 or more", "top 3"), in words ("one million", "½"; number-words.ts), the factors between units it names (units.ts)
 * and the steps it rounds to ("the nearest quarter hour": stated-step.ts).
 */
export function descriptionNumbers(description: string): number[] {
  return [...new Set([...(description.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number), ...numberWords(description), ...unitFactors(description), ...formulaNumbers(description), ...stepNumbers(description)])];
}

/** String and number `enum` / `const` values anywhere in a JSON Schema. */
export function schemaEnums(schema: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(schema)) for (const s of schema) schemaEnums(s, out);
  else if (schema !== null && typeof schema === "object") {
    for (const [k, v] of Object.entries(schema)) {
      if (k === "enum" && Array.isArray(v)) out.push(...(v as Json[]).filter((e) => typeof e === "string" || typeof e === "number"));
      else if (k === "const" && (typeof v === "string" || typeof v === "number")) out.push(v);
      else schemaEnums(v, out);
    }
  }
  return out;
}

export function planConstants(description: string, inputs: readonly Json[], outputs: readonly Json[], enums: readonly Json[] = []): ConstantPlan {
  const values: Json[] = [];
  const push = (v: Json): void => {
    if (!values.some((x) => x === v)) values.push(v);
  };
  const described = [...descriptionNumbers(description), ...timeNumbers(inputs)];
  for (const n of described) push(n);
  for (const n of BASE_NUMBERS) push(n);
  for (const s of BASE_STRINGS) push(s);

  // Array outputs of one fixed length suggest a "take n".
  const lengths = new Set(outputs.map((o) => (Array.isArray(o) ? o.length : -1)));
  const [len] = [...lengths];
  if (lengths.size === 1 && len !== undefined && len > 0 && outputs.length > 1) push(len);

  const inputStrings: string[] = [];
  for (const i of inputs) strings(i, inputStrings);
  const inputSet = new Set(inputStrings);

  // Literal text and separators recurring in the outputs of several examples.
  const seenIn = new Map<string, Set<number>>();
  outputs.forEach((o, ex) => {
    const out: string[] = [];
    strings(o, out);
    for (const s of out) for (const t of tokens(s)) seenIn.set(t, (seenIn.get(t) ?? new Set()).add(ex));
  });
  const recurring = [...seenIn]
    .filter(([t, exs]) => (exs.size >= 2 || outputs.length === 1) && !inputSet.has(t) && !/^[0-9]+$/.test(t))
    .filter(([t]) => /[^A-Za-z0-9]/.test(t) || !inputStrings.some((s) => s.includes(t)))
    .sort((a, b) => b[1].size - a[1].size);
  for (const [t] of recurring.slice(0, MAX_TOKENS)) push(t);

  // Class labels: string outputs that repeat across examples.
  const outStrings = outputs.filter((o): o is string => typeof o === "string");
  const labels = [...new Set(outStrings)];
  if (outStrings.length === outputs.length && labels.length < outputs.length && labels.length <= 5) for (const l of labels) push(l);

  // Single separator characters of the inputs (for split / indexOf).
  const chars = new Map<string, number>();
  for (const s of inputStrings) for (const c of new Set(s.match(/[^A-Za-z0-9\s]/g) ?? [])) chars.set(c, (chars.get(c) ?? 0) + 1);
  for (const [c] of [...chars].sort((a, b) => b[1] - a[1]).slice(0, MAX_TOKENS)) push(c);

  // Input words the spec names (a role "admin" in "users whose role is admin"), and schema enums.
  const words = new Set((description.toLowerCase().match(/[a-z0-9_]+/g) ?? []));
  const named = [...inputSet].filter((v) => /^[A-Za-z0-9_]{2,}$/.test(v) && [...words].some((w) => w === v.toLowerCase() || (v.length >= 3 && w.startsWith(v.toLowerCase()) && w.length <= v.length + 2)));
  for (const v of [...named].sort().slice(0, MAX_TOKENS)) push(v);
  for (const v of enums) push(v);
  // Query keys of the inputs' URLs (round 13): those the description names, else those every
  // example's URL holds (the parameter a `queryParam` reads).
  const keys = queryKeys(inputStrings);
  const everywhere = keys.filter((k) => inputs.every((i) => {
    const s: string[] = [];
    strings(i, s);
    return queryKeys(s).includes(k);
  }));
  const namedKeys = keys.filter((k) => words.has(k.toLowerCase()));
  for (const k of (namedKeys.length > 0 ? namedKeys : everywhere).slice(0, MAX_TOKENS)) push(k);

  const inputNumbers: number[] = [];
  for (const i of inputs) numbers(i, inputNumbers);
  const thresholds = [...new Set(inputNumbers)].filter((n) => !values.includes(n)).sort((a, b) => a - b);
  return { values, thresholds: thresholds.length <= MAX_THRESHOLDS ? thresholds : [] };
}
