/**
 * JSON text that came from a plugin, read without recursion. Everything downstream (schema
 * validation, comparisons, canonical hashing, the event log's own depth check) walks values
 * recursively, so plugin output nested deeper than `MAX_OUTPUT_DEPTH` is refused here, from the
 * text, before any of it is parsed.
 */
import { MAX_JSON_DEPTH } from "../events/index.ts";
import { SandboxError } from "./errors.ts";

/** How deeply plugin output (and host-operation arguments) may nest: the event log's own limit. */
export const MAX_OUTPUT_DEPTH = MAX_JSON_DEPTH;

const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest nesting of arrays and objects in JSON text, counted in one pass over the characters. */
export function jsonTextDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > max) max = depth;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) depth--;
  }
  return max;
}

/** Throws `output_too_deep` when JSON text nests past the limit. */
export function assertDepth(text: string, what = "the plugin's output", limit = MAX_OUTPUT_DEPTH): void {
  const depth = jsonTextDepth(text);
  if (depth > limit) {
    throw new SandboxError("output_too_deep", `${what} nests ${depth} levels deep; the limit is ${limit}`);
  }
}

/** Keys that could reach an object's prototype if a caller merged plugin output into its own objects. */
const DANGEROUS = new Set(["__proto__", "constructor", "prototype"]);
const MAY_HOLD_DANGEROUS = /"(?:__proto__|constructor|prototype)"/;

/**
 * Parses JSON text that came from a plugin: refuses it past `MAX_OUTPUT_DEPTH` (`output_too_deep`),
 * then drops `__proto__`, `constructor` and `prototype` keys at any depth, with an explicit stack.
 */
export function parsePluginJson(text: string, what?: string): unknown {
  assertDepth(text, what);
  const value: unknown = JSON.parse(text);
  if (!MAY_HOLD_DANGEROUS.test(text)) return value;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
      continue;
    }
    const o = v as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      if (DANGEROUS.has(key)) delete o[key];
      else stack.push(o[key]);
    }
  }
  return value;
}

/** Byte length of a string as UTF-8, without allocating a buffer for it. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
