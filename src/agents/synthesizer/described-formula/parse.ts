/**
 * A small precedence parser for formulas a description writes in semi-natural notation (round 24):
 * "room + (start - room) × e^(-0.05 × minutes)", "√(s(s − a)(s − b)(s − c))", "½ × air density ×
 * wind speed³". Operands are numbers or phrases (runs of words: "the run's length in m"), bound to
 * fields later (bind.ts); a parenthesised aside without an operator ("(drops per ml)") is a comment.
 */

import { decimalCommaAt } from "../written-numbers.ts";

/** A parsed formula: its operands are numbers and phrases, not yet fields. */
export type Formula =
  | { readonly t: "num"; readonly v: number }
  | { readonly t: "phrase"; readonly words: readonly string[] }
  | { readonly t: "bin"; readonly op: "add" | "sub" | "mul" | "div" | "pow"; readonly a: Formula; readonly b: Formula }
  | { readonly t: "neg"; readonly a: Formula }
  | { readonly t: "sqrt"; readonly a: Formula }
  | { readonly t: "exp"; readonly a: Formula }
  /** A function written by name before its argument: "ln(1 + rate/100)", "log10(d2 / d1)", "ln 2"; "log" may be either logarithm. */
  | { readonly t: "fn"; readonly name: FunctionName; readonly a: Formula }
  /** A phrase right before a parenthesised formula: a product (`s(s − a)`) or an apposition ("volume (l × w × h)"). */
  | { readonly t: "apply"; readonly words: readonly string[]; readonly a: Formula }
  /** A definition rounded as the clause after it says: "the unit price is pack / size, rounded to 2 decimal places" (spans.ts). */
  | { readonly t: "round"; readonly a: Formula; readonly places: number };

/** The functions a formula may write by name. */
export type FunctionName = "ln" | "log" | "log10" | "log2" | "abs";

type Tok = { readonly k: "num"; readonly v: number } | { readonly k: "word"; readonly w: string } | { readonly k: "sym"; readonly s: string };

/**
 * A function's name, only right before its argument: a parenthesis, a number or a superscript-free
 * name ("ln 2", "log10(d2 / d1)"); "sqrt(…)" and "exp(…)" are the root and e to a power. "the log
 * of visits" is no function: a word follows. Longest names first.
 */
const FUNCTION_NAME = /^(log10|log2|log|ln|lg|abs|sqrt|exp)(?=\s*\(|\s+\d)/i;
const FUNCTION_TOKEN: Readonly<Record<string, string>> = { log10: "fn:log10", log2: "fn:log2", log: "fn:log", ln: "fn:ln", lg: "fn:log10", abs: "fn:abs", sqrt: "√", exp: "exp" };
/** "pi" as a word, and a small number written in words right before it ("two pi"). */
const PI_WORD = /^(?:(one|two|three|four|half)\s+)?pi\b/i;
const PI_FACTORS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, half: 0.5 };
/**
 * A unit written right after a number is part of the number, not an operand multiplied by it:
 * "9.81 m/s²" (read as "9.81 m per s"), "60 minutes", "1.5 kg".
 */
const UNIT_AFTER_NUMBER = /^(?:\s*(?:per\s+)?(?:m|s|cm|mm|km|kg|g|mg|l|ml|h|hrs?|mins?|secs?|w|kw|kwh|hz|pa|kpa|hpa|db|met(?:re|er)s?|seconds?|minutes?|hours?|grams?|kilograms?|lit(?:re|er)s?|calories|kcal|kj|joules?|watts?|volts?|amps?|ohms?)(?![A-Za-z0-9]))+(?:\s+per\s+[A-Za-z]+)?/i;

const SYMBOLS: Readonly<Record<string, string>> = {
  "+": "+", "-": "-", "−": "-", "–": "-", "×": "*", "*": "*", "·": "*", "⋅": "*", "÷": "/", "/": "/", "^": "^",
  "²": "²", "³": "³", "√": "√", "(": "(", ")": ")", "[": "(", "]": ")", "%": "%",
};
/** Operators written in words: "divided by", "times", "plus", "minus", "squared", "square root of". */
const WORD_OPS: readonly (readonly [RegExp, string])[] = [
  [/^divided by\b/i, "/"], [/^(multiplied by|times)\b/i, "*"], [/^plus\b/i, "+"], [/^minus\b/i, "-"],
  [/^squared\b/i, "²"], [/^cubed\b/i, "³"], [/^(the )?square root of\b/i, "√w"], [/^(the )?natural log(arithm)? of\b/i, "fn:ln"],
];
const OPERATORS = new Set(["+", "-", "*", "/", "^", "²", "³", "√", "√w", "fn:ln", "fn:log", "fn:log10", "fn:log2", "fn:abs"]);

/** The tokens of a formula's text; characters that are no part of a formula (°, quotes) are skipped, "%" is a hundredth. */
export function tokenize(written: string): Tok[] {
  // A unit after "in" or a number is no formula: "in m/s" is metres per second, "1.225 kg/m³" no cube of anything.
  // So is a square or cubic unit after "in", "per" or a number: "the area in cm²", "people per km²".
  const text = written
    .replace(/(\b(?:in|of)\s+|\d\s*)([A-Za-z]{1,3})\/([A-Za-z]{1,3})[²³]?(?![A-Za-z0-9])/g, "$1$2 per $3")
    .replace(/(\b(?:in|per)\s+|\d\s*)([A-Za-z]{1,3})[²³](?![A-Za-z0-9])/g, "$1$2");
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i] as string;
    const num = /^\d+(?:\.\d+)?/.exec(rest);
    const wordOp = WORD_OPS.find(([re]) => re.test(rest));
    const fn = /[A-Za-z0-9_]/.test(text[i - 1] ?? "") ? null : FUNCTION_NAME.exec(rest);
    const pi = /[A-Za-z0-9_]/.test(text[i - 1] ?? "") ? null : PI_WORD.exec(rest);
    const comma = decimalCommaAt(rest, text[i - 1] ?? "");
    if (comma) {
      out.push({ k: "num", v: comma.value });
      i += comma.length;
      i += UNIT_AFTER_NUMBER.exec(text.slice(i))?.[0].length ?? 0;
    } else if (num) {
      out.push({ k: "num", v: Number(num[0]) });
      i += num[0].length;
      i += UNIT_AFTER_NUMBER.exec(text.slice(i))?.[0].length ?? 0;
    } else if (fn) {
      out.push({ k: "sym", s: FUNCTION_TOKEN[(fn[1] as string).toLowerCase()] as string });
      i += fn[0].length;
    } else if (pi) {
      if (pi[1]) out.push({ k: "num", v: PI_FACTORS[pi[1].toLowerCase()] as number });
      out.push({ k: "num", v: Math.PI });
      i += pi[0].length;
    } else if (ch === "½") {
      out.push({ k: "num", v: 0.5 });
      i++;
    } else if (ch === "π") {
      out.push({ k: "num", v: Math.PI });
      i++;
    } else if (/^e\s*\^/.test(rest) && !/[A-Za-z]/.test(text[i - 1] ?? "")) {
      out.push({ k: "sym", s: "exp" });
      i += (/^e\s*\^/.exec(rest) as RegExpExecArray)[0].length;
    } else if (wordOp && !/[A-Za-z]/.test(text[i - 1] ?? "")) {
      out.push({ k: "sym", s: wordOp[1] });
      i += (wordOp[0].exec(rest) as RegExpExecArray)[0].length;
    } else if (ch === "-" && /[A-Za-z0-9]/.test(text[i - 1] ?? "") && /[A-Za-z]/.test(text[i + 1] ?? "")) {
      // A hyphen inside a word ("waist-to-height", "YYYY-MM-DD", "24-hour") is no minus.
      i++;
    } else if (SYMBOLS[ch]) {
      out.push({ k: "sym", s: SYMBOLS[ch] });
      i++;
    } else if (/[A-Za-z]/.test(ch)) {
      const w = (/^[A-Za-z][A-Za-z0-9_]*(?:'s|')?/.exec(rest) as RegExpExecArray)[0];
      out.push({ k: "word", w });
      i += w.length;
    } else i++;
  }
  return out;
}

/** Drops parenthesised asides that hold no operator ("(drops per ml)", "(the 2 because …)"). */
function dropAsides(toks: readonly Tok[]): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Tok;
    if (t.k === "sym" && t.s === "(") {
      let depth = 0;
      let j = i;
      for (; j < toks.length; j++) {
        const u = toks[j] as Tok;
        if (u.k === "sym" && u.s === "(") depth++;
        if (u.k === "sym" && u.s === ")" && --depth === 0) break;
      }
      const inner = toks.slice(i + 1, j);
      const hasOp = inner.some((u) => u.k === "sym" && (OPERATORS.has(u.s) || u.s === "exp"));
      if (!hasOp && inner.length > 1) {
        i = j;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/** Whether the text writes an operator at all (a symbol, or an operator in words). */
export function hasOperator(text: string): boolean {
  return dropAsides(tokenize(text)).some((t) => t.k === "sym" && (OPERATORS.has(t.s) || t.s === "exp"));
}

class Parser {
  private i = 0;
  private readonly toks: readonly Tok[];
  constructor(toks: readonly Tok[]) {
    this.toks = toks;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }
  private sym(s: string): boolean {
    const t = this.peek();
    if (t?.k === "sym" && t.s === s) {
      this.i++;
      return true;
    }
    return false;
  }
  /** Whether the next token can start an operand (for a product written without a sign). */
  private startsOperand(): boolean {
    const t = this.peek();
    return t !== undefined && (t.k !== "sym" || ["(", "√", "√w", "exp"].includes(t.s) || t.s.startsWith("fn:"));
  }

  done(): boolean {
    return this.i >= this.toks.length;
  }

  expr(): Formula {
    let left = this.term();
    for (;;) {
      if (this.sym("+")) left = { t: "bin", op: "add", a: left, b: this.term() };
      else if (this.sym("-")) left = { t: "bin", op: "sub", a: left, b: this.term() };
      else return left;
    }
  }

  private term(): Formula {
    let left = this.unary();
    for (;;) {
      if (this.sym("*")) left = { t: "bin", op: "mul", a: left, b: this.unary() };
      else if (this.sym("/")) left = { t: "bin", op: "div", a: left, b: this.unary() };
      else if (this.startsOperand()) left = { t: "bin", op: "mul", a: left, b: this.unary() };
      else return left;
    }
  }

  private unary(): Formula {
    if (this.sym("-")) return { t: "neg", a: this.unary() };
    return this.power();
  }

  private power(): Formula {
    const base = this.postfix();
    return this.sym("^") ? { t: "bin", op: "pow", a: base, b: this.unary() } : base;
  }

  private postfix(): Formula {
    let f = this.primary();
    for (;;) {
      // "rate%", "(to − from)% of its capacity": a percentage is a hundredth.
      if (this.sym("%")) f = { t: "bin", op: "div", a: f, b: { t: "num", v: 100 } };
      else if (this.sym("²")) f = { t: "bin", op: "pow", a: f, b: { t: "num", v: 2 } };
      else if (this.sym("³")) f = { t: "bin", op: "pow", a: f, b: { t: "num", v: 3 } };
      else return f;
    }
  }

  private primary(): Formula {
    const t = this.peek();
    if (t === undefined) throw new Error("formula ends early");
    if (t.k === "num") {
      this.i++;
      return { t: "num", v: t.v };
    }
    if (this.sym("(")) {
      const inner = this.expr();
      if (!this.sym(")")) throw new Error("unclosed parenthesis");
      return inner;
    }
    if (this.sym("√")) return { t: "sqrt", a: this.postfix() };
    // In words the root takes what follows up to the next + or −: "the square root of its length divided by g" is √(length / g).
    if (this.sym("√w")) return { t: "sqrt", a: this.term() };
    if (this.sym("exp")) return { t: "exp", a: this.unary() };
    if (t.k === "sym" && t.s.startsWith("fn:")) {
      this.i++;
      return { t: "fn", name: t.s.slice(3) as FunctionName, a: this.postfix() };
    }
    if (t.k === "word") {
      const words: string[] = [];
      while (this.peek()?.k === "word") words.push((this.toks[this.i++] as { w: string }).w);
      // "the gravity of 9.81": the phrase names the number that follows it.
      if (/^of$/i.test(words.at(-1) ?? "") && this.peek()?.k === "num" && !words.some((w) => /^(log\w*|ln|roots?|square)$/i.test(w))) return this.primary();
      if (this.peek()?.k === "sym" && (this.peek() as { s: string }).s === "(") {
        this.i++;
        const inner = this.expr();
        if (!this.sym(")")) throw new Error("unclosed parenthesis");
        return { t: "apply", words, a: inner };
      }
      return { t: "phrase", words };
    }
    throw new Error(`unexpected ${t.s}`);
  }
}

/** The formula a text writes, or undefined when it is no whole formula (a dangling sign, an unclosed parenthesis). */
export function parseFormula(text: string): Formula | undefined {
  // Inside parentheses, what follows a comma is an aside: "(length × width × height, in metres)".
  const cleaned = text.replace(/,[^()]*\)/g, ")");
  try {
    const p = new Parser(dropAsides(tokenize(cleaned)));
    const f = p.expr();
    return p.done() ? f : undefined;
  } catch {
    return undefined;
  }
}
