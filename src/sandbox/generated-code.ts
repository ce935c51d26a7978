/**
 * Code a plugin generates at run time, for a plugin policy lets use `eval` or the Function
 * constructors. Inside its isolate those are wrappers (bootstrap-env.ts) that hand the text to the
 * worker process, synchronously, before anything compiles: here it is parsed, scanned and its
 * async functions rewritten exactly like the plugin's own (module-transform.ts), so every promise
 * they make reaches the tracker the moment it exists. The wrapper compiles the answer with an
 * indirect eval: generated code runs in the global scope, never in the scope of its caller.
 *
 * Generated code always runs as strict mode code. In sloppy code `f.caller` hands a function the
 * async arrow the transform made around its caller's body, and calling that arrow again makes a
 * promise the tracker never sees; `with` could put an object's own `__capsmith_track` in scope.
 * Strict mode has neither.
 */
import type { Program } from "acorn";
import { transformGenerated } from "./module-transform.ts";
import { sandboxParser } from "./parser.ts";
import { misplacedReserved, scanGenerated, untickedLoops, untrackedAsync } from "./static-scan.ts";


/** What the isolate asks to compile: eval code, or the function one of the four constructors makes. */
export type GeneratedKind = "eval" | "function" | "async function" | "function*" | "async function*";
const FUNCTION_KINDS: readonly string[] = ["function", "async function", "function*", "async function*"];

/**
 * The longest generated text (parameters and body) compiled. The worker reads it while the
 * plugin's call waits, out of reach of the isolate's timer (isolated-vm pauses it during
 * callbacks; the worker checks the call's deadline around each compile: plugin-isolate.ts), so one
 * read must stay far below the host's grace period even on a loaded machine.
 */
export const MAX_GENERATED_CHARS = 128 * 1024;
const MAX_MESSAGE = 500;
// Keeps eval's completion value: `"use strict"` alone would be the value of `eval("var x")`.
const STRICT_EVAL = `"use strict";void 0;`;
const STRICT = `"use strict";`;

/**
 * The script the isolate compiles for generated code, as one string that crosses back:
 * `O<script>`, `S<message>` (the text does not parse: the wrapper throws a SyntaxError), or
 * `E<{code, message}>` (the sandbox refuses it: the wrapper throws a sandbox error with that code).
 */
export function compileGenerated(kind: unknown, params: unknown, body: unknown): string {
  if (typeof kind !== "string" || typeof params !== "string" || typeof body !== "string" || (kind !== "eval" && !FUNCTION_KINDS.includes(kind))) {
    return refuse("the sandbox's code generation was called with arguments it does not take");
  }
  const size = params.length + body.length;
  if (size > MAX_GENERATED_CHARS) {
    return refuse(`generated code is ${size} characters; the limit is ${MAX_GENERATED_CHARS}. Generate smaller pieces, or write the code into the plugin itself`);
  }
  // No cache of answers: one shared by the plugins of a worker would let one time another's texts.
  return compile(kind as GeneratedKind, params, body);
}

function compile(kind: GeneratedKind, params: string, body: string): string {
  let source: string;
  let braceAt = -1;
  if (kind === "eval") source = STRICT_EVAL + body;
  else {
    // The text the engine builds for `new Function(p1, p2, body)`, in strict mode.
    const head = `${STRICT}(${kind} anonymous(${params}\n) `;
    braceAt = head.length;
    source = `${head}{\n${body}\n})`;
  }
  let program: Program;
  try {
    program = sandboxParser().parse(source, { ecmaVersion: "latest", sourceType: "script", locations: true });
  } catch (err) {
    return "S" + clip(withoutPrefix(err instanceof Error ? err.message : String(err), kind === "eval" ? STRICT_EVAL.length : STRICT.length));
  }
  if (kind !== "eval" && !isOneFunction(program, braceAt, source.length - 1)) {
    return "S" + `the parameters and body given to the ${kind === "function" ? "Function" : kind} constructor do not make one function`;
  }
  const findings = scanGenerated(program);
  if (findings.length > 0) {
    const f = findings[0]!;
    return refuse(`${f.message} (line ${f.line}, column ${f.column}). Generated code follows the plugin's scan rules`);
  }
  let script: string;
  try {
    script = transformGenerated(source, program);
    // What compiles is what was checked: read it again as the engine will (unchanged text was read already).
    const compiled = script === source ? program : sandboxParser().parse(script, { ecmaVersion: "latest", sourceType: "script" });
    if (untrackedAsync(compiled).length > 0) return refuse("generated code holds an async function the sandbox could not track");
    if (untickedLoops(compiled).length > 0) return refuse("generated code holds a loop the sandbox could not give its tick");
    if (misplacedReserved(compiled).length > 0) return refuse("generated code reads differently once rewritten for the promise tracker");
  } catch (err) {
    return refuse(`generated code could not be rewritten for the promise tracker: ${clip(err instanceof Error ? err.message : String(err))}`);
  }
  return "O" + script;
}

/**
 * Whether the program is `"use strict"; (function …(params) { body })` with the body's braces
 * where the constructor put them: parameters or a body that close the function early (`"){}; f();
 * (function("`) make something else, which the engine's own constructor refuses too.
 */
function isOneFunction(program: Program, braceAt: number, end: number): boolean {
  if (program.body.length !== 2) return false;
  const statement = program.body[1]!;
  if (statement.type !== "ExpressionStatement" || statement.expression.type !== "FunctionExpression") return false;
  const fnBody = statement.expression.body;
  return fnBody.start === braceAt && fnBody.end === end;
}

/** acorn's message with its `(line:column)` as the plugin wrote the text: the strict prefix shares its first line. */
function withoutPrefix(message: string, prefix: number): string {
  return message.replace(/\(1:(\d+)\)$/, (_m, column: string) => `(1:${Math.max(0, Number(column) - prefix)})`);
}

function refuse(message: string): string {
  return "E" + JSON.stringify({ code: "scan_rejected", message: clip(message) });
}

function clip(s: string): string {
  return (s.length > MAX_MESSAGE ? s.slice(0, MAX_MESSAGE) + "…" : s).toWellFormed();
}
