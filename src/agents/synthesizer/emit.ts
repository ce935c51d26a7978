/**
 * Writes a DSL expression as readable JavaScript: method chains, template literals, ternaries,
 * and `const` bindings for values used twice. Lambdas become arrow functions over `x`.
 */
import { PREC, code, member, w } from "./code.ts";
import type { Code, LambdaCode, Scope } from "./code.ts";
import { emitLambdaOp } from "./lambda-ops.ts";
import { OPS_BY_NAME } from "./op-table.ts";
import type { Expr } from "./types.ts";

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function createScope(used: Set<string>): Scope & { readonly statements: string[] } {
  const statements: string[] = [];
  const scope = {
    statements,
    fresh(hint: string) {
      let name = hint;
      for (let i = 2; used.has(name); i++) name = `${hint}${i}`;
      used.add(name);
      return name;
    },
    stmt(text: string) {
      statements.push(text);
    },
    bind(hint: string, c: Code) {
      if (IDENT.test(c.text)) return c;
      const name = scope.fresh(hint);
      statements.push(`const ${name} = ${c.text};`);
      return code(name);
    },
  };
  return scope;
}

function path(root: string, p: readonly string[]): Code {
  return code(p.reduce((acc, key) => member(acc, key), root));
}

function lambda(body: Expr, used: Set<string>): LambdaCode {
  const render = (param: string): { statements: string[]; body: Code } => {
    const inner = createScope(new Set([...used, param]));
    const c = emitExpr(body, inner, param);
    return { statements: inner.statements, body: c };
  };
  return {
    arrow(param) {
      const { statements, body: c } = render(param);
      const text = c.text.startsWith("{") ? `(${c.text})` : c.text;
      if (statements.length === 0) return `(${param}) => ${text}`;
      return `(${param}) => {\n${indent([...statements, `return ${c.text};`].join("\n"))}\n}`;
    },
    inline(param) {
      const { statements, body: c } = render(param);
      return statements.length === 0 ? c : undefined;
    },
  };
}

export function indent(text: string, by = "  "): string {
  return text
    .split("\n")
    .map((l) => (l ? by + l : l))
    .join("\n");
}

export function emitExpr(e: Expr, scope: Scope, param?: string, used: Set<string> = new Set(["input", "host"])): Code {
  switch (e.k) {
    case "in":
      return path("input", e.path);
    case "x":
      return path(param ?? "x", e.path);
    case "const":
      return typeof e.value === "string" ? { text: JSON.stringify(e.value), prec: PREC.member, lit: e.value } : code(JSON.stringify(e.value));
    case "op": {
      const op = OPS_BY_NAME.get(e.op);
      if (!op) throw new Error(`unknown op ${e.op}`);
      return op.emit(e.args.map((a) => emitExpr(a, scope, param, used)), scope);
    }
    case "get":
      return code(member(w(emitExpr(e.obj, scope, param, used), PREC.member), e.key));
    case "lam": {
      const arr = emitExpr(e.arr, scope, param, used);
      return emitLambdaOp(e.op, arr, lambda(e.body, used), e.body2 ? lambda(e.body2, used) : undefined, e.agg, scope);
    }
    case "if": {
      const c = emitExpr(e.cond, scope, param, used);
      const t = emitExpr(e.then, scope, param, used);
      const f = emitExpr(e.else, scope, param, used);
      return code(`${w(c, PREC.or)} ? ${w(t, PREC.or)} : ${w(f, PREC.cond)}`, PREC.cond);
    }
    case "obj": {
      const fields = e.fields.map(([k, v]) => `${IDENT.test(k) ? k : JSON.stringify(k)}: ${emitExpr(v, scope, param, used).text}`);
      return code(`{ ${fields.join(", ")} }`);
    }
  }
}

/** The whole function: `function name(input, host) { ...; return ...; }`. */
export function emitFunction(expr: Expr, name: string): string {
  const used = new Set(["input", "host", name, "x", "a", "b", "p", "q", "k", "v", "n", "best", "sum"]);
  const scope = createScope(used);
  const body = emitExpr(expr, scope, undefined, used);
  const lines = [...scope.statements, `return ${body.text};`];
  return `export default function ${name}(input, host) {\n${indent(lines.join("\n"))}\n}\n`;
}
