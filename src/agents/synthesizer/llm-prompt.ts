/**
 * What the `llm` backend says to the model: the plugin contract (system), the task from the spec
 * (description, schemas, constraints and `examples` — never the held-out `tests`), and the
 * feedback after a failed round: the failing examples with what the code gave or threw.
 */
import type { CapabilitySpec } from "../../spec/index.ts";
import { HALTING_CODES } from "./refine.ts";
import type { CaseFailure } from "./refine.ts";

const CONSTRAINT_TEXT: Record<string, string> = {
  deterministic: "deterministic: two runs on the same input must give the same output",
  schema_validated: "schema_validated: every input and output is checked against its JSON Schema",
  pure: "pure: no host capability other than logging; compute the output from the input alone",
};

export const SYSTEM_PROMPT = [
  "You write capsmith plugins: small JavaScript programs that implement one capability.",
  "",
  "The plugin contract:",
  "- The code is an ES module whose default export is a function: `export default function (input, host) { ... return output; }`.",
  "- `input` is a JSON value matching the input schema; return a JSON value (objects, arrays, strings, finite numbers, booleans, null) matching the output schema.",
  "- Standard ECMAScript only. No `import` or `require`, no dynamic `import()`, no `import.meta`, no `eval`, no `Function` constructor, no top-level `await`.",
  "- No Node.js or browser APIs: `process`, `fs`, `fetch`, `setTimeout`, `console` do not exist in the sandbox. `host.log(message)` is the only host function.",
  "- Deterministic: do not use `Date`, `Math.random` or anything else that varies between runs. Do not mutate `input`.",
  "- Every call has a short time and memory limit: no unbounded loops.",
  "- Implement the general rule the description states, not a lookup table of the examples: the plugin is tested on inputs you have not seen.",
  "",
  'Answer with only a JSON object: {"code": "<the whole module source>", "explanation": "<one or two sentences>"}. No markdown, no text around it.',
].join("\n");

const json = (value: unknown): string => JSON.stringify(value);

export function taskPrompt(spec: CapabilitySpec): string {
  const constraints = spec.constraints.map((c) => `- ${CONSTRAINT_TEXT[c] ?? c}`);
  const examples = spec.examples.map((e, i) => `${i + 1}. input: ${json(e.input)}\n   output: ${json(e.output)}`);
  return [
    `Write the plugin for the capability \`${spec.capability}\`.`,
    "",
    `Description: ${spec.description || "(none; infer the rule from the examples)"}`,
    "",
    `Input JSON Schema: ${json(spec.inputSchema)}`,
    `Output JSON Schema: ${json(spec.outputSchema)}`,
    ...(constraints.length > 0 ? ["", "Constraints:", ...constraints] : []),
    "",
    "Examples (the plugin must return exactly these outputs; numbers are compared within 1e-9 relative tolerance, object keys in any order, arrays in order):",
    ...examples,
  ].join("\n");
}

/** Long values are cut so one huge wrong output cannot flood the context. */
export function clip(text: string, max = 2_000): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

export function describeFailure(f: CaseFailure): string {
  if (f.kind === "rejected") return `- the code could not be loaded: ${f.error.code}: ${clip(f.error.message)}`;
  const head = `- example ${f.example}: input ${clip(json(f.input))}\n  expected: ${clip(json(f.expected))}`;
  if (f.kind === "wrong_output") return `${head}\n  got: ${f.got === undefined ? "undefined (nothing was returned)" : clip(json(f.got))}`;
  return `${head}\n  error: ${f.error.code}: ${clip(f.error.message)}`;
}

export function failurePrompt(failures: readonly CaseFailure[], total: number): string {
  const rejected = failures.some((f) => f.kind === "rejected");
  const head = rejected ? "Your plugin was rejected before it ran:" : `Your plugin failed ${failures.length} of the ${total} example(s):`;
  const last = failures.at(-1);
  const stopped = last?.kind === "error" && last.example < total && HALTING_CODES.has(last.error.code);
  return [
    head,
    ...failures.map(describeFailure),
    ...(stopped ? [`(examples after ${last.example} were not run: the sandbox stops at the first ${last.error.code})`] : []),
    "",
    "Find the mistake, fix the code so that every example passes and the general rule holds, and answer again with only the JSON object {\"code\": ..., \"explanation\": ...}.",
  ].join("\n");
}

export function invalidAnswerPrompt(reason: string): string {
  return [
    `Your answer could not be used: ${reason}.`,
    'Answer with only a JSON object {"code": "<the whole module source>", "explanation": "<one or two sentences>"}, with no markdown and no text around it.',
  ].join("\n");
}
