/**
 * JSON Schema `pattern`s evaluated in linear time. A schema's patterns are ECMAScript regular
 * expressions, and a backtracking engine can take exponential time on a hostile one (`^(a+)+$`), so
 * capsmith runs them on RE2 (re2js: pure JavaScript, time linear in the input). Patterns are first
 * checked as ECMAScript (`u` flag, as ajv compiles them), then translated where the two dialects
 * differ (`.`, `\s`, `\u` escapes, `[]`, `[^]`). What RE2 cannot run in linear time (lookaround,
 * backreferences, repetition counts over 1,000) is refused with `pattern_unsupported`, never run.
 */
import { createRequire } from "node:module";
import type { RE2JS } from "re2js";
import type * as Re2 from "re2js";

// Required when a pattern is compiled, not at start-up.
const require = createRequire(import.meta.url);
import { CapsmithError } from "../events/index.ts";

/** Longest pattern accepted (in UTF-16 units). */
export const MAX_PATTERN_LENGTH = 4_096;

export type PatternErrorCode = "pattern_invalid" | "pattern_unsupported";

export class PatternError extends CapsmithError<PatternErrorCode> {
  override name = "PatternError";
}

export interface SafePattern {
  readonly source: string;
  /** Unanchored, like `RegExp.prototype.test`: does the pattern match somewhere in `text`? */
  test(text: string): boolean;
  toString(): string;
}

// ECMAScript's \s: WhiteSpace and LineTerminator (RE2's \s is ASCII only).
const SPACE = "\\t\\n\\v\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}";
// ECMAScript's `.` without the s flag: anything but a line terminator (RE2's excludes only \n).
const DOT = "[^\\n\\r\\x{2028}\\x{2029}]";
const ANY = "[\\x{0}-\\x{10ffff}]";
const NOTHING = "[^\\x{0}-\\x{10ffff}]";

const cache = new Map<string, SafePattern | PatternError>();
const CACHE_LIMIT = 2_048;

/** Compiles (once per source, cached) or throws `PatternError`. */
export function compilePattern(source: string): SafePattern {
  let entry = cache.get(source);
  if (!entry) {
    try {
      entry = build(source);
    } catch (e) {
      entry = e instanceof PatternError ? e : new PatternError("pattern_invalid", `pattern ${quote(source)}: ${(e as Error).message}`);
    }
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(source, entry);
  }
  if (entry instanceof PatternError) throw entry;
  return entry;
}

function build(source: string): SafePattern {
  if (source.length > MAX_PATTERN_LENGTH) throw unsupported(source, `longer than ${MAX_PATTERN_LENGTH} characters`);
  try {
    new RegExp(source, "u"); // compiling is linear; only matching can explode
  } catch (e) {
    throw new PatternError("pattern_invalid", `pattern ${quote(source)} is not a valid ECMAScript regular expression: ${(e as Error).message}`, {
      nextStep: "Fix the pattern: JSON Schema patterns are ECMAScript regular expressions (with the u flag).",
    });
  }
  const translated = translate(source);
  let re: RE2JS;
  try {
    re = (require("re2js") as typeof Re2).RE2JS.compile(translated);
  } catch (e) {
    throw unsupported(source, (e as Error).message);
  }
  return { source, test: (text) => re.test(text), toString: () => `/${source}/u (re2)` };
}

function quote(source: string): string {
  return JSON.stringify(source.length > 80 ? `${source.slice(0, 80)}…` : source);
}

function unsupported(source: string, why: string): PatternError {
  return new PatternError("pattern_unsupported", `pattern ${quote(source)} cannot be evaluated in linear time: ${why}`, {
    nextStep: "Rewrite the pattern without lookaround ((?=, (?!, (?<=, (?<!), backreferences (\\1, \\k<name>) or repetition counts over 1000.",
  });
}

/** ECMAScript (u flag) → RE2 syntax, for a pattern `new RegExp(source, "u")` accepted. */
function translate(source: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      const [text, length] = escape(source, i, inClass);
      out += text;
      i += length - 1;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c === "[" ? "\\[" : c;
      continue;
    }
    if (c === "[") {
      if (source.startsWith("[]", i)) {
        out += NOTHING;
        i += 1;
      } else if (source.startsWith("[^]", i)) {
        out += ANY;
        i += 2;
      } else {
        inClass = true;
        out += c;
        if (source[i + 1] === "^") out += source[++i];
      }
      continue;
    }
    if (c === ".") {
      out += DOT;
      continue;
    }
    if (c === "(" && source[i + 1] === "?") {
      const look = /^\(\?(?:=|!|<=|<!)/.exec(source.slice(i));
      if (look) throw unsupported(source, `lookaround ${look[0]}`);
    }
    out += c;
  }
  return out;
}

/** One escape at `source[at]` (a backslash): its RE2 text and its length in `source`. */
function escape(source: string, at: number, inClass: boolean): [string, number] {
  const next = source[at + 1] ?? "";
  const rest = source.slice(at);
  if (next === "s") return [inClass ? SPACE : `[${SPACE}]`, 2];
  if (next === "S") {
    if (inClass) throw unsupported(source, "\\S inside a character class");
    return [`[^${SPACE}]`, 2];
  }
  if (next === "b" && inClass) return ["\\x{8}", 2];
  if (/^[1-9]$/.test(next) || next === "k") throw unsupported(source, "backreference");
  if (next === "0") return ["\\x{0}", 2];
  if (next === "c") return [`\\x{${(source.charCodeAt(at + 2) % 32).toString(16)}}`, 3];
  const braced = /^\\u\{([0-9a-fA-F]+)\}/.exec(rest);
  if (braced) return [`\\x{${braced[1]}}`, braced[0].length];
  const pair = /^\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})/i.exec(rest);
  if (pair) {
    const code = 0x10000 + ((parseInt(pair[1]!, 16) - 0xd800) << 10) + (parseInt(pair[2]!, 16) - 0xdc00);
    return [`\\x{${code.toString(16)}}`, pair[0].length];
  }
  const unit = /^\\u([0-9a-fA-F]{4})/.exec(rest);
  if (unit) {
    const code = parseInt(unit[1]!, 16);
    if (code >= 0xd800 && code <= 0xdfff) throw unsupported(source, "a lone surrogate escape");
    return [`\\x{${unit[1]}}`, unit[0].length];
  }
  const property = /^\\[pP]\{[^}]*\}/.exec(rest);
  if (property) return [property[0], property[0].length];
  return [`\\${next}`, 2];
}
