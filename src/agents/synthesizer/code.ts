/** Emitted JavaScript fragments with their precedence, so the emitter adds only needed parens. */
export interface Code {
  readonly text: string;
  readonly prec: number;
  /** A string constant's value, so templates can inline it. */
  readonly lit?: string;
  /** The parts of a template literal, so nested concatenations flatten into one template. */
  readonly tpl?: readonly (string | Code)[];
}

export const PREC = { cond: 3, or: 4, and: 5, eq: 9, rel: 10, add: 12, mul: 13, unary: 15, member: 20 } as const;

export function code(text: string, prec: number = PREC.member): Code {
  return { text, prec };
}

/** `c` as an operand that needs at least precedence `min`. */
export function w(c: Code, min: number): string {
  return c.prec < min ? `(${c.text})` : c.text;
}

export function binary(a: Code, op: string, b: Code, prec: number): Code {
  // Left-associative: the right operand needs strictly higher precedence.
  return code(`${w(a, prec)} ${op} ${w(b, prec + 1)}`, prec);
}

export function call(fn: string, ...args: Code[]): Code {
  return code(`${fn}(${args.map((a) => a.text).join(", ")})`);
}

export function method(obj: Code, name: string, ...args: Code[]): Code {
  return code(`${w(obj, PREC.member)}.${name}(${args.map((a) => a.text).join(", ")})`);
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function member(obj: string, key: string): string {
  return IDENT.test(key) ? `${obj}.${key}` : `${obj}[${JSON.stringify(key)}]`;
}

export function template(parts: readonly (string | Code)[]): Code {
  const body = parts
    .map((p) => (typeof p === "string" ? p.replace(/[`\\]|\$\{/g, (m) => `\\${m}`) : `\${${p.text}}`))
    .join("");
  return { text: `\`${body}\``, prec: PREC.member, tpl: parts };
}

export function templateParts(c: Code): readonly (string | Code)[] {
  if (c.tpl) return c.tpl;
  if (c.lit !== undefined) return [c.lit];
  return [c];
}

/** Where the emitter hoists sub-expressions that are used twice into `const` bindings. */
export interface Scope {
  /** Binds `c` to a fresh name (unless it already is a plain name) and returns that name. */
  bind(hint: string, c: Code): Code;
  /** A name not used yet in the function being emitted. */
  fresh(hint: string): string;
  /** Adds a statement before the expression being emitted. */
  stmt(text: string): void;
}

/**
 * A helper function (its source `text`) bound once per emitted plugin, however many times the
 * program uses it, under a name from `hint`: the ops of a family (dates, paths, case styles) share
 * their helpers this way.
 */
const helpers = new WeakMap<Scope, Map<string, Code>>();
export function helper(s: Scope, hint: string, text: string): Code {
  let byText = helpers.get(s);
  if (!byText) helpers.set(s, (byText = new Map()));
  const hit = byText.get(text);
  if (hit) return hit;
  const name = s.bind(hint, code(text, PREC.cond));
  byText.set(text, name);
  return name;
}

/** A lambda body, emitted for a given parameter name. */
export interface LambdaCode {
  /** The whole arrow function, e.g. `(x) => x.price`. */
  arrow(param: string): string;
  /** The body alone when it needs no statements of its own (so it can be inlined). */
  inline(param: string): Code | undefined;
}
