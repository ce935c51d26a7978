/**
 * The static scan every plugin passes before it is loaded: it must parse as an ES module, have a
 * default export, and not use import, dynamic import(), import.meta, eval or Function (policy may
 * allow some). Findings carry line and column. The runtime does not rely on this scan for
 * isolation; it keeps machine-written plugins honest and errors readable.
 */
import { parse } from "acorn";
import type { Node, Program } from "acorn";
import type { ScanFinding, ScanRule } from "./types.ts";

export interface ScanResult {
  findings: ScanFinding[];
  program: Program | undefined;
}

interface AnyNode extends Node {
  [key: string]: unknown;
}

export function scanPlugin(code: string, allow: readonly ScanRule[] = []): ScanResult {
  let program: Program;
  try {
    program = parse(code, { ecmaVersion: "latest", sourceType: "module", locations: true });
  } catch (err) {
    const loc = (err as { loc?: { line: number; column: number } }).loc;
    const finding: ScanFinding = { rule: "parse_error", message: (err as Error).message, line: loc?.line ?? 1, column: loc?.column ?? 0 };
    return { findings: [finding], program: undefined };
  }
  const findings: ScanFinding[] = [];
  const report = (rule: ScanRule, node: Node, message: string): void => {
    if (allow.includes(rule)) return;
    findings.push({ rule, message, line: node.loc?.start.line ?? 1, column: node.loc?.start.column ?? 0 });
  };

  let hasDefault = false;
  for (const statement of program.body) {
    if (statement.type === "ExportDefaultDeclaration") hasDefault = true;
    if (statement.type === "ExportNamedDeclaration") {
      if (statement.source) report("import", statement, "re-exports from another module are not allowed");
      for (const s of statement.specifiers) {
        const exported = s.exported;
        if (exported.type === "Identifier" ? exported.name === "default" : exported.value === "default") hasDefault = true;
      }
    }
    if (statement.type === "ExportAllDeclaration") report("import", statement, "re-exports from another module are not allowed");
  }
  if (!hasDefault) report("no_default_export", program, "the module has no default export; export default a function (input, host) => output");

  walk(program as unknown as AnyNode, 0, (node, fnDepth) => {
    switch (node.type) {
      case "ImportDeclaration":
        report("import", node, "import declarations are not allowed: plugins get everything through `host`");
        break;
      case "ImportExpression":
        report("dynamic_import", node, "dynamic import() is not allowed");
        break;
      case "MetaProperty":
        if ((node["meta"] as { name: string }).name === "import") report("import_meta", node, "import.meta is not allowed");
        break;
      case "Identifier": {
        const name = node["name"] as string;
        if (name === "eval") report("eval", node, "eval is not allowed");
        if (name === "Function") report("function_constructor", node, "the Function constructor is not allowed");
        break;
      }
      case "AwaitExpression":
        if (fnDepth === 0) report("top_level_await", node, "top-level await is not supported; await inside the default export");
        break;
      case "ForOfStatement":
        if (fnDepth === 0 && node["await"] === true) report("top_level_await", node, "top-level for await is not supported");
        break;
    }
  });
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return { findings, program };
}

const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

function walk(node: AnyNode, fnDepth: number, visit: (node: AnyNode, fnDepth: number) => void): void {
  visit(node, fnDepth);
  // Static blocks and field initializers run in their own function scope as well.
  const depth = FUNCTIONS.has(node.type) || node.type === "StaticBlock" || node.type === "PropertyDefinition" ? fnDepth + 1 : fnDepth;
  for (const key of Object.keys(node)) {
    if (key === "loc" || key === "type") continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) walk(child, depth, visit);
    } else if (isNode(value)) walk(value, depth, visit);
  }
}

function isNode(v: unknown): v is AnyNode {
  return typeof v === "object" && v !== null && typeof (v as { type?: unknown }).type === "string";
}
