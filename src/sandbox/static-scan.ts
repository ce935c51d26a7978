/**
 * The static scan every plugin passes before it is loaded: it must parse as an ES module, have a
 * default export, and not use import, dynamic import(), import.meta, eval or Function (policy may
 * allow some), HTML-like comments, or names the runtime reserves. Findings carry line and column.
 *
 * The runtime compiles a script (the factory `module-transform.ts` makes), not the module, so that
 * script is scanned too, the way the engine reads it (`scanCompiled`): a module and a script do not
 * read every text alike (`<!--` is a comment in one and operators in the other), and what runs must
 * be what was scanned. The runtime still does not rely on the scan for isolation; it keeps
 * machine-written plugins honest and errors readable.
 */
import type { Node, Program } from "acorn";
import { FUNCTIONS, childrenOf } from "./ast-nodes.ts";
import type { AnyNode } from "./ast-nodes.ts";
import { LOOPS, RESERVED_PREFIX, TICK, TRACK } from "./module-transform.ts";
import { sandboxParser } from "./parser.ts";
import type { ScanFinding, ScanRule } from "./types.ts";

export interface ScanResult {
  findings: ScanFinding[];
  program: Program | undefined;
}

export function scanPlugin(code: string, allow: readonly ScanRule[] = []): ScanResult {
  let program: Program;
  try {
    program = sandboxParser().parse(code, { ecmaVersion: "latest", sourceType: "module", locations: true });
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
    forbidden(node, report);
    switch (node.type) {
      case "ImportDeclaration":
        report("import", node, "import declarations are not allowed: plugins get everything through `host`");
        break;
      case "AwaitExpression":
        if (fnDepth === 0) report("top_level_await", node, "top-level await is not supported; await inside the default export");
        break;
      case "ForOfStatement":
        if (fnDepth === 0 && node["await"] === true) report("top_level_await", node, "top-level for await is not supported");
        break;
    }
  });
  for (const node of factoryArguments(program as unknown as AnyNode)) {
    report("reserved_name", node, "`arguments` outside a function would be the sandbox's own (the runtime wraps the module in a function); use rest parameters");
  }
  for (const f of htmlComments(code)) findings.push(f);
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return { findings, program };
}

/**
 * Scans the factory script exactly as the runtime compiles it (script goal, Annex B comments):
 * the same rules as the module scan, plus what only a differential could produce (a second
 * statement beside the factory, an async function the transform did not track).
 */
export function scanCompiled(script: string, allow: readonly ScanRule[] = []): ScanFinding[] {
  const findings: ScanFinding[] = [];
  const report = (rule: ScanRule, node: Node, message: string): void => {
    if (allow.includes(rule)) return;
    findings.push({ rule, message: `in the compiled plugin: ${message}`, line: node.loc?.start.line ?? 1, column: node.loc?.start.column ?? 0 });
  };
  let program: Program;
  try {
    program = sandboxParser().parse(script, { ecmaVersion: "latest", sourceType: "script", locations: true });
  } catch (err) {
    const loc = (err as { loc?: { line: number; column: number } }).loc;
    return [{ rule: "parse_error", message: `the compiled plugin does not parse: ${(err as Error).message}`, line: loc?.line ?? 1, column: loc?.column ?? 0 }];
  }
  const only = program.body[0];
  if (program.body.length !== 1 || only?.type !== "ExpressionStatement" || only.expression.type !== "FunctionExpression") {
    report("parse_error", program, "it is not a single factory function");
    return findings;
  }
  for (const node of factoryArguments((only.expression as unknown as AnyNode)["body"] as AnyNode)) {
    report("reserved_name", node, "`arguments` outside a function is the factory's own");
  }
  walk(program as unknown as AnyNode, 0, (node) => forbidden(node, report, true));
  for (const node of untrackedAsync(program)) report("parse_error", node, "an async function the sandbox does not track");
  for (const node of untickedLoops(program)) report("parse_error", node, "a loop whose body does not start with the sandbox's tick");
  const factoryParams = (only.expression as unknown as AnyNode)["params"] as AnyNode[];
  for (const node of misplacedReserved(program, factoryParams)) report("reserved_name", node, `${node["name"] as string} where the transform puts none`);
  return findings;
}

/**
 * The tracker's or the tick's name in a transformed script anywhere but where the transform puts
 * it (the callee of a call, the factory's parameters). The scan of the text before the transform refuses
 * it everywhere; one here came from text that scan read as something else (a regexp, a comment)
 * and the engine reads as code: it could bind the name to a function of its own, and the async
 * functions "tracked" through it would not be.
 */
export function misplacedReserved(program: Program, allowed: readonly AnyNode[] = []): AnyNode[] {
  const ok = new Set<AnyNode>(allowed);
  const found: AnyNode[] = [];
  walk(program as unknown as AnyNode, 0, (node) => {
    if (node.type === "CallExpression" && (node["callee"] as AnyNode).type === "Identifier") ok.add(node["callee"] as AnyNode);
    if (node.type === "Identifier" && (node["name"] === TRACK || node["name"] === TICK) && !ok.has(node)) found.push(node);
  });
  return found;
}

/**
 * Code a plugin generates at run time (eval, the Function constructors: generated-code.ts), as
 * parsed before the transform: the module scan's rules on single nodes, with eval and Function
 * allowed (there they are the sandbox's wrappers). A name starting with `__capsmith` could shadow
 * the tracker the transformed code calls, so it is refused here too.
 */
export function scanGenerated(program: Program): ScanFinding[] {
  const findings: ScanFinding[] = [];
  // The text of any function with a loop holds calls of the tick (its `toString` shows them): code
  // that compiles such a text again (`eval("(" + f + ")")`) calls the sandbox's own constant.
  const ticks = tickCallees(program);
  const report = (rule: ScanRule, node: Node, message: string): void => {
    if (rule === "eval" || rule === "function_constructor") return;
    if (rule === "reserved_name" && ticks.has(node as unknown as AnyNode)) return;
    findings.push({ rule, message: `in generated code: ${message}`, line: node.loc?.start.line ?? 1, column: node.loc?.start.column ?? 0 });
  };
  walk(program as unknown as AnyNode, 0, (node) => forbidden(node, report));
  return findings;
}

/** `__capsmith_tick` where it is the callee of a call with no arguments. */
function tickCallees(program: Program): Set<AnyNode> {
  const found = new Set<AnyNode>();
  walk(program as unknown as AnyNode, 0, (node) => {
    const callee = node["callee"] as AnyNode | undefined;
    if (node.type === "CallExpression" && callee?.type === "Identifier" && callee["name"] === TICK && (node["arguments"] as AnyNode[]).length === 0) found.add(callee);
  });
  return found;
}

/** The loops of a transformed script whose body does not start with a call of the tick (module-transform.ts). */
export function untickedLoops(program: Program): AnyNode[] {
  const found: AnyNode[] = [];
  walk(program as unknown as AnyNode, 0, (node) => {
    if (!LOOPS.has(node.type)) return;
    const body = node["body"] as AnyNode;
    const first = body.type === "BlockStatement" ? (body["body"] as AnyNode[])[0] : undefined;
    const call = first?.type === "ExpressionStatement" ? (first["expression"] as AnyNode) : undefined;
    const callee = call?.type === "CallExpression" ? (call["callee"] as AnyNode) : undefined;
    if (callee?.type !== "Identifier" || callee["name"] !== TICK) found.push(node);
  });
  return found;
}

/** The async functions of a transformed script that do not pass their promise to the tracker. */
export function untrackedAsync(program: Program): AnyNode[] {
  const tracked = new Set<AnyNode>();
  const found: AnyNode[] = [];
  walk(program as unknown as AnyNode, 0, (node) => {
    // `__capsmith_track(async () => ...)`: the async arrows the transform made.
    if (node.type === "CallExpression" && (node["callee"] as AnyNode).type === "Identifier" && (node["callee"] as { name: string }).name === TRACK) {
      const inner = (node["arguments"] as AnyNode[])[0];
      if (inner?.type === "ArrowFunctionExpression") tracked.add(inner);
    }
    const isFn = node.type === "FunctionExpression" || node.type === "FunctionDeclaration" || node.type === "ArrowFunctionExpression";
    if (isFn && node["async"] === true && node["generator"] !== true && !tracked.has(node)) found.push(node);
  });
  return found;
}

/** Rules on single nodes that both scans apply. */
function forbidden(node: AnyNode, report: (rule: ScanRule, node: Node, message: string) => void, compiled = false): void {
  switch (node.type) {
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
      if (!compiled && name.startsWith(RESERVED_PREFIX)) report("reserved_name", node, `names starting with ${RESERVED_PREFIX} are reserved for the sandbox`);
      break;
    }
  }
}

/** Keys under which an Identifier is a name, not a reference. */
function isNameOnly(parent: AnyNode | undefined, key: string): boolean {
  if (!parent) return false;
  if (key === "label") return true;
  if (parent.type === "MemberExpression") return key === "property" && parent["computed"] !== true;
  if (parent.type === "Property") return key === "key" && parent["computed"] !== true && parent["shorthand"] !== true;
  if (parent.type === "MethodDefinition" || parent.type === "PropertyDefinition") return key === "key" && parent["computed"] !== true;
  return false;
}

/**
 * References to `arguments` that no ordinary function of the plugin binds. In a module they are
 * errors; in the factory the runtime compiles they would be the factory's own arguments (the
 * sandbox's promise tracker), so they are refused.
 */
function factoryArguments(program: AnyNode): AnyNode[] {
  const found: AnyNode[] = [];
  const stack: { node: AnyNode; parent: AnyNode | undefined; key: string; inFunction: boolean }[] = [{ node: program, parent: undefined, key: "", inFunction: false }];
  while (stack.length > 0) {
    const { node, parent, key, inFunction } = stack.pop()!;
    if (node.type === "Identifier" && node["name"] === "arguments" && !inFunction && !isNameOnly(parent, key)) found.push(node);
    const inner = inFunction || node.type === "FunctionDeclaration" || node.type === "FunctionExpression";
    for (const child of childrenOf(node)) stack.push({ node: child.node, parent: node, key: child.key, inFunction: inner });
  }
  return found;
}

/** `<!--` and `-->` comments, which only a script reading sees as comments. */
function htmlComments(code: string): ScanFinding[] {
  const found: ScanFinding[] = [];
  try {
    const tokens = sandboxParser().tokenizer(code, {
      ecmaVersion: "latest",
      sourceType: "script",
      locations: true,
      onComment: (_block, _text, start, _end, loc) => {
        if (code.startsWith("<!--", start) || code.startsWith("-->", start)) {
          found.push({ rule: "html_comment", message: "HTML-like comments (<!-- and -->) are not allowed: a module and a script read them differently", line: loc?.line ?? 1, column: loc?.column ?? 0 });
        }
      },
    });
    for (const _token of tokens);
  } catch {
    // The module parse reports what does not parse; this pass only looks for comments.
  }
  return found;
}

/**
 * Visits every node, parents before children, with how many functions enclose it. Iterative: a
 * plugin's AST may nest as deeply as its parser allows (`x.a.a.a…` is parsed by a loop), deeper
 * than this process's stack.
 */
function walk(root: AnyNode, fnDepth: number, visit: (node: AnyNode, fnDepth: number) => void): void {
  const stack: [AnyNode, number][] = [[root, fnDepth]];
  while (stack.length > 0) {
    const [node, outer] = stack.pop()!;
    visit(node, outer);
    // Static blocks and field initializers run in their own function scope as well.
    const depth = FUNCTIONS.has(node.type) || node.type === "StaticBlock" || node.type === "PropertyDefinition" ? outer + 1 : outer;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!.node, depth]);
  }
}

