/**
 * What the module transform and the static scan both need of an acorn AST: a node with any fields,
 * which nodes are functions, and a node's children in source order. Walks over plugin ASTs are
 * iterative (a parser loop can build chains deeper than this process's stack); each walker keeps
 * its own stack and its own notion of depth.
 */
import type { Node } from "acorn";

export interface AnyNode extends Node {
  [key: string]: unknown;
}

export const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

export function isNode(v: unknown): v is AnyNode {
  return typeof v === "object" && v !== null && typeof (v as { type?: unknown }).type === "string";
}

/** A node's child nodes in source order, with the key each hangs under. */
export function childrenOf(node: AnyNode): { node: AnyNode; key: string }[] {
  const out: { node: AnyNode; key: string }[] = [];
  for (const key of Object.keys(node)) {
    if (key === "loc" || key === "type") continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) out.push({ node: child, key });
    } else if (isNode(value)) out.push({ node: value, key });
  }
  return out;
}
