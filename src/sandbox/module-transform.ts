/**
 * Turns a plugin's ES module into the script the sandbox compiles: one function expression (the
 * factory) whose body is the module body and which returns the default export. The sandbox re-runs
 * the factory for every call, so module-level bindings start fresh each time and no state carries
 * from one call to the next. Imports never get here (the scan rejects them).
 *
 * Every async function becomes a plain function that hands its body, as an async arrow, to
 * `__capsmith_track`, which calls it and tracks the promise it returns, so the sandbox sees every
 * promise an async function creates the moment it is created (an async function's own promise is
 * made by the engine, out of reach of any wrapper). The tracker, not the plugin's function, makes
 * the call, and calls nothing that could overflow the stack between the promise's making and its
 * tracking: an async function called at the edge of the stack either overflows before its promise
 * exists or has it tracked (bootstrap-promises.ts).
 * `this`, `arguments`, `super` and `new.target` keep their meaning: the body moves into an async
 * arrow, which takes them from the function around it. Parameters that could throw (defaults,
 * destructuring) move onto that arrow too, so their throw rejects the promise as it does natively
 * (trackWithParams); plain ones stay where they are.
 * An async function refuses `new` (TypeError), where the plain function it becomes would answer a
 * promise: a function declaration or expression (not an arrow, not a method, which cannot be
 * constructed as they are) hands the tracker its `new.target` too, and the tracker throws when
 * there is one. Still unlike an async function: it has a `prototype` (a plain function's cannot be
 * deleted) and inherits from Function.prototype (tests/sandbox/attack-round4.test.ts says why).
 *
 * Every loop's body starts with a call of `__capsmith_tick`, a function that does nothing. V8 stops a
 * call that is out of time only at an interrupt check: a function's entry, or a loop's back edge
 * once the loop has spent its interrupt budget, which a loop of a few hundred calls of a long C++
 * built-in (a 10 MB TypedArray's `reverse`, `join` of millions of numbers) never does: such a loop
 * ran 8 s against a 300 ms limit. With the call, every iteration is a function entry, so a loop stops
 * within one iteration of its deadline (optimized code inlines the empty call and keeps a check on
 * the loop's back edge instead: no cost in a hot loop).
 */
import type { Program } from "acorn";
import { FUNCTIONS, childrenOf } from "./ast-nodes.ts";
import type { AnyNode } from "./ast-nodes.ts";

const DEFAULT = "__capsmith_default__";
/** The factory's one parameter; plugin code may not use names starting with `__capsmith`. */
export const TRACK = "__capsmith_track";
/** What every loop's body calls first: a constant of the sandbox's global object (bootstrap-env.ts). */
export const TICK = "__capsmith_tick";
export const RESERVED_PREFIX = "__capsmith";
/** The loops whose body the transform opens with a call of TICK. */
export const LOOPS: ReadonlySet<string> = new Set(["ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"]);

/** A text edit at `pos`: an insertion, or a deletion up to `end`. `rank`/`order` sort edits that share a position. */
interface Edit {
  pos: number;
  end?: number;
  text?: string;
  /** 0 closes (deepest first), 1 opens (outermost first), 2 deletes. */
  rank: 0 | 1 | 2;
  order: number;
}

export function moduleToFactoryScript(code: string, program: Program): string {
  const { edits, open, close, remove } = editList();

  let defaultName: string | undefined;
  for (const s of program.body) {
    if (s.type === "ExportDefaultDeclaration") {
      const d = s.declaration;
      if ((d.type === "FunctionDeclaration" || d.type === "ClassDeclaration") && d.id) {
        defaultName = d.id.name;
        remove(s.start, d.start);
      } else {
        defaultName = DEFAULT;
        remove(s.start, d.start);
        open(d.start, `const ${DEFAULT} = (`, -1);
        close(d.end, `);`, -1);
        remove(d.end, s.end);
      }
    } else if (s.type === "ExportNamedDeclaration") {
      if (s.declaration) remove(s.start, s.declaration.start);
      else {
        // `export { a, b as default }`: drop the statement, remember the default.
        for (const spec of s.specifiers) {
          const exported = spec.exported.type === "Identifier" ? spec.exported.name : spec.exported.value;
          const local = spec.local.type === "Identifier" ? spec.local.name : String(spec.local.value);
          if (exported === "default") defaultName = local;
        }
        // An empty statement in its place: removed whole, it would let the line before it run on
        // into the line after it (`let x = a` and `/re/g.exec(s)` become one division).
        remove(s.start, s.end, ";");
      }
    }
  }

  // A hashbang is a comment only at the start of a source text; inside the factory it would be a
  // syntax error. `//` is the same comment (to the same line end), in the same two characters.
  if (code.startsWith("#!")) remove(0, 2, "//");
  sandboxEdits(code, program, open, close, remove);
  const out = applyEdits(code, edits);
  return `(function (${TRACK}) {"use strict";${out}\n;return ${defaultName ?? "undefined"};\n})\n//# sourceURL=plugin.js\n`;
}

/**
 * Code generated at run time (eval, the Function constructors; see generated-code.ts): the same
 * rewrite of async functions, `import()` and loops, with no factory around it. The result reaches
 * `__capsmith_track` as a global binding (defined, for plugins policy lets generate code, in
 * bootstrap-env.ts), as the plugin's own code reaches `__capsmith_tick`.
 */
export function transformGenerated(code: string, program: Program): string {
  const { edits, open, close, remove } = editList();
  sandboxEdits(code, program, open, close, remove);
  return applyEdits(code, edits);
}

type Insert = (pos: number, text: string, depth: number) => void;
/** Deletes `pos..end`, putting `text` (if any) in its place. */
type Remove = (pos: number, end: number, text?: string) => void;

function editList(): { edits: Edit[]; open: Insert; close: Insert; remove: Remove } {
  const edits: Edit[] = [];
  return {
    edits,
    open: (pos, text, depth) => void edits.push({ pos, text, rank: 1, order: depth }),
    close: (pos, text, depth) => void edits.push({ pos, text, rank: 0, order: -depth }),
    remove: (pos, end, text) => {
      if (end > pos) edits.push({ pos, end, ...(text !== undefined ? { text } : {}), rank: 2, order: 0 });
    },
  };
}

/**
 * The edits that have TRACK make every async function's promise (and every `import()`'s), and
 * that start every loop's body with a call of TICK.
 */
function sandboxEdits(code: string, program: Program, open: Insert, close: Insert, remove: Remove): void {
  walk(program as unknown as AnyNode, undefined, 0, (node, parent, depth) => {
    if (LOOPS.has(node.type)) {
      // Half a level deeper than the function around it: its brackets go outside any of an async
      // arrow in its body that starts or ends where the body does.
      tickEdits(node["body"] as AnyNode, depth + 0.5, open, close);
      return;
    }
    if (node.type === "ImportExpression") {
      open(node.start, `${TRACK}(() => `, depth);
      close(node.end, `)`, depth);
      return;
    }
    if (!isFunction(node) || node["async"] !== true || node["generator"] === true) return;
    const keyword = asyncKeyword(code, node, parent);
    // Blanked, not removed: removing it would join what stands on either side into one token
    // (`1/async/**/function` would become `1//**/function`, a line comment that hides the
    // function's header from the engine but not from the scan that read the text before).
    remove(keyword, keyword + "async".length, "     ");
    const body = node["body"] as AnyNode;
    const params = node["params"] as AnyNode[];
    // What follows the arrow in the tracker's call: the function's arguments (when the arrow takes
    // its parameters) and, for a function `new` could construct, its new.target.
    const construct = node.type !== "ArrowFunctionExpression" && !isMethod(node, parent) ? ", new.target" : "";
    if (!params.every(isSimpleParam)) {
      trackWithParams(code, node, params, depth, open, close, construct);
      return;
    }
    if (body.type === "BlockStatement") {
      const [start, end] = [body.start + 1, body.end - 1];
      const rest = construct === "" ? "" : `, undefined${construct}`;
      if (start === end) open(start, ` return ${TRACK}(async () => {}${rest}); `, depth);
      else {
        open(start, ` return ${TRACK}(async () => {`, depth);
        close(end, `}${rest}); `, depth);
      }
    } else {
      open(body.start, `${TRACK}(async () => (`, depth);
      close(body.end, `))`, depth);
    }
  });
}

/**
 * `{ TICK(); … }` for a loop's body. A body that is not a block is bracketed whole: it cannot be a
 * declaration, so the block changes no scope, and a statement that ends without its semicolon
 * (`while (c) x++` then a line break) still ends where it did.
 */
function tickEdits(body: AnyNode, depth: number, open: Insert, close: Insert): void {
  if (body.type === "BlockStatement") open(body.start + 1, `${TICK}();`, depth);
  else {
    open(body.start, `{${TICK}();`, depth);
    close(body.end, `}`, depth);
  }
}

/** A parameter whose binding cannot throw: `x` or `...x` (no default, no destructuring). */
function isSimpleParam(p: AnyNode): boolean {
  return p.type === "Identifier" || (p.type === "RestElement" && (p["argument"] as AnyNode).type === "Identifier");
}

/**
 * An async function whose parameters could throw (a default, destructuring): natively that throw
 * rejects the function's promise, so the parameters move, in place, onto the tracked async arrow,
 * which the tracker calls with the outer function's arguments. The outer function takes as many
 * plain parameters as the original's `length` counts, so `length` stays; `this`, `arguments`,
 * `super` and `new.target` in defaults and body mean what they meant (an arrow takes them from
 * the function around it). The text between the parentheses is not moved, only bracketed:
 *   `async function f(a = g()) { … }` → `function f() { return TRACK(async (a = g()) => { … }, arguments); }`
 *   `async (a, { b }) => …`           → `(P0, ...R) => TRACK(async (a, { b }) => …, [P0, ...R])`
 * An arrow has no `arguments`: its outer parameters collect them. Arguments fewer than `length`
 * arrive as `undefined`, which the inner parameters cannot tell from missing ones (a default runs,
 * destructuring throws, a rest parameter after them is empty either way).
 */
function trackWithParams(code: string, fn: AnyNode, params: AnyNode[], depth: number, open: Insert, close: Insert, construct: string): void {
  const first = params[0]!;
  const last = params[params.length - 1]!;
  // Only whitespace and comments lie between `(` and the first parameter, and between the last one and `)`.
  const openParen = blankComments(code.slice(fn.start, first.start)).lastIndexOf("(");
  const closeParen = blankComments(code.slice(last.end, (fn["body"] as AnyNode).start)).indexOf(")");
  if (openParen < 0 || closeParen < 0) throw new Error(`no parameter list around the parameters at ${first.start}`);
  const [listStart, listEnd] = [fn.start + openParen, last.end + closeParen + 1];
  let length = params.findIndex((p) => p.type === "AssignmentPattern" || p.type === "RestElement");
  if (length < 0) length = params.length;
  const names = Array.from({ length }, (_, i) => `${RESERVED_PREFIX}_p${i}`);
  if (fn.type === "ArrowFunctionExpression") {
    const rest = `${RESERVED_PREFIX}_rest`;
    open(listStart, `(${[...names, `...${rest}`].join(", ")}) => ${TRACK}(async `, depth);
    close(fn.end, `, ${length === 0 ? rest : `[${[...names, `...${rest}`].join(", ")}]`})`, depth);
  } else {
    open(listStart, `(${names.join(", ")}) { return ${TRACK}(async `, depth);
    open(listEnd, ` =>`, depth);
    close(fn.end, `, arguments${construct}); }`, depth);
  }
}

function applyEdits(code: string, edits: Edit[]): string {
  edits.sort((a, b) => a.pos - b.pos || a.rank - b.rank || a.order - b.order);
  let out = "";
  let cursor = 0;
  for (const e of edits) {
    if (e.pos < cursor) throw new Error(`overlapping edits at ${e.pos}`);
    out += code.slice(cursor, e.pos);
    cursor = e.pos;
    if (e.end !== undefined) {
      cursor = e.end;
      if (e.text !== undefined) out += e.text;
    } else out += e.text;
  }
  out += code.slice(cursor);
  return out;
}

function isFunction(node: AnyNode): boolean {
  return FUNCTIONS.has(node.type);
}

/** Whether `fn` is a method (of a class or an object literal): `new` cannot construct it as it is. */
function isMethod(fn: AnyNode, parent: AnyNode | undefined): boolean {
  return parent !== undefined && (parent.type === "MethodDefinition" || (parent.type === "Property" && parent["method"] === true)) && parent["value"] === fn;
}

/** Where the `async` keyword of an async function is: before the key of a method, else where the function starts. */
function asyncKeyword(code: string, fn: AnyNode, parent: AnyNode | undefined): number {
  if (!isMethod(fn, parent) || parent === undefined) {
    if (!code.startsWith("async", fn.start)) throw new Error(`no async keyword at ${fn.start}`);
    return fn.start;
  }
  // `static /* c */ async [key]() {}`: the keyword is the last `async` outside comments before the key.
  const key = parent["key"] as AnyNode;
  let keyStart = key.start;
  if (parent["computed"] === true) keyStart = code.lastIndexOf("[", key.start);
  const prefix = blankComments(code.slice(parent.start, keyStart));
  // The last match, found in one pass: a lookahead for "no later async" rescans the rest at every match.
  let at = -1;
  for (const m of prefix.matchAll(/\basync\b/g)) at = m.index;
  if (at < 0) throw new Error(`no async keyword before the method at ${parent.start}`);
  return parent.start + at;
}

/**
 * The text with comments replaced by spaces (positions kept). A comment may run past the end of
 * the text (a computed key's `[` found inside a comment): it is blanked to the end in one match,
 * not searched for its end again from every `/*` inside it.
 */
function blankComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\n\r\u2028\u2029]*/g, (c) => " ".repeat(c.length));
}

/** Visits every node with its parent and function depth. Iterative: plugin ASTs may nest deeper than the stack. */
function walk(root: AnyNode, rootParent: AnyNode | undefined, rootDepth: number, visit: (node: AnyNode, parent: AnyNode | undefined, depth: number) => void): void {
  const stack: [AnyNode, AnyNode | undefined, number][] = [[root, rootParent, rootDepth]];
  while (stack.length > 0) {
    const [node, parent, depth] = stack.pop()!;
    visit(node, parent, depth);
    const inner = isFunction(node) ? depth + 1 : depth;
    for (const child of childrenOf(node)) stack.push([child.node, node, inner]);
  }
}
