/**
 * The reference semantics of the DSL: evaluates an expression on one input (and, inside a lambda,
 * one element). The search computes the same values vector-wise; tests check both agree with the
 * emitted JavaScript.
 */
import { applyLambdaOp } from "./lambda-ops.ts";
import { FAIL } from "./ops.ts";
import { OPS_BY_NAME } from "./op-table.ts";
import type { Out } from "./ops.ts";
import type { Env, Expr, Json } from "./types.ts";

export function getPath(value: Json, path: readonly string[]): Out {
  let v: Json = value;
  for (const key of path) {
    if (v === null || typeof v !== "object" || Array.isArray(v) || !Object.hasOwn(v, key)) return FAIL;
    v = v[key] as Json;
  }
  return v;
}

/** A program's value on one input, or undefined where it fails. */
export function runOn(e: Expr, input: Json): Json | undefined {
  const v = evaluate(e, { input });
  return v === FAIL ? undefined : v;
}

export function evaluate(e: Expr, env: Env): Out {
  try {
    return evalExpr(e, env);
  } catch {
    return FAIL;
  }
}

function evalExpr(e: Expr, env: Env): Out {
  switch (e.k) {
    case "in":
      return getPath(env.input, e.path);
    case "x":
      return env.x === undefined ? FAIL : getPath(env.x, e.path);
    case "const":
      return e.value;
    case "op": {
      const op = OPS_BY_NAME.get(e.op);
      if (!op) return FAIL;
      const vals: Json[] = [];
      for (const arg of e.args) {
        const v = evalExpr(arg, env);
        if (v === FAIL) return FAIL;
        vals.push(v);
      }
      return op.apply(vals[0] as Json, vals[1] ?? null, vals[2]);
    }
    case "get": {
      const o = evalExpr(e.obj, env);
      return o === FAIL ? FAIL : getPath(o, [e.key]);
    }
    case "lam": {
      const arr = evalExpr(e.arr, env);
      if (arr === FAIL) return FAIL;
      const f = (x: Json): Out => evalExpr(e.body, { input: env.input, x });
      const body2 = e.body2;
      const f2 = body2 ? (x: Json): Out => evalExpr(body2, { input: env.input, x }) : undefined;
      return applyLambdaOp(e.op, arr, f, f2, e.agg);
    }
    case "if": {
      const c = evalExpr(e.cond, env);
      if (typeof c !== "boolean") return FAIL;
      return evalExpr(c ? e.then : e.else, env);
    }
    case "obj": {
      const out: Record<string, Json> = {};
      for (const [key, valueExpr] of e.fields) {
        const v = evalExpr(valueExpr, env);
        if (v === FAIL) return FAIL;
        out[key] = v;
      }
      return out;
    }
  }
}
