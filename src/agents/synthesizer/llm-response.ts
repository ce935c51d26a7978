/**
 * The answer the `llm` backend asks the model for, `{ code, explanation }`: the JSON Schema sent as
 * the structured-output format, and the zod check at the edge. A malformed answer is a value (a
 * failed round the model is told about), never a crash.
 */
import { z } from "zod";

/** What is sent as `response_format.json_schema.schema` (strict mode wants every key required). */
const wireSchema = z.strictObject({
  code: z.string().describe("The plugin: an ES module whose default export is a function (input, host) => output."),
  explanation: z.string().describe("One or two sentences on how the code works."),
});

/** What is accepted back: servers without strict structured output may drop `explanation`. */
const answerSchema = z.object({
  code: z.string().trim().min(1, "code is empty"),
  explanation: z.string().nullish(),
});

export interface LlmAnswer {
  readonly code: string;
  readonly explanation?: string;
}

export type ParsedAnswer = { readonly ok: true; readonly answer: LlmAnswer } | { readonly ok: false; readonly reason: string };

export const RESPONSE_FORMAT_NAME = "capsmith_plugin";

export function answerJsonSchema(): Record<string, unknown> {
  const { $schema: _drop, ...schema } = z.toJSONSchema(wireSchema) as Record<string, unknown>;
  return schema;
}

/** Parses the model's message: JSON (a surrounding markdown fence is tolerated), then the schema. */
export function parseAnswer(content: string | null | undefined): ParsedAnswer {
  if (content === null || content === undefined || content.trim() === "") return { ok: false, reason: "the answer was empty" };
  let value: unknown;
  try {
    value = JSON.parse(stripFence(content));
  } catch (err) {
    return { ok: false, reason: `the answer is not JSON (${(err as Error).message})` };
  }
  const parsed = answerSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    return { ok: false, reason: `the answer does not match {code: string, explanation?: string} (${issues})` };
  }
  const code = stripFence(parsed.data.code);
  // JSON's "\ud800" escape gives code with a lone surrogate: it may even run, but no PluginDrafted
  // can record it (events have no form for it). A bad candidate, told to the model like any other.
  const lone = [...code].findIndex((ch) => !ch.isWellFormed());
  if (lone >= 0) {
    return { ok: false, reason: `the code holds a lone surrogate (an unpaired \\uD800-\\uDFFF) at character ${lone}, which no event can record; write such a character as an escape inside a string literal ("\\uD800" in the source), not as the raw character` };
  }
  const explanation = parsed.data.explanation?.toWellFormed();
  return { ok: true, answer: { code, ...(explanation ? { explanation } : {}) } };
}

/** Models often wrap JSON or code in ```lang fences even when asked not to. */
function stripFence(text: string): string {
  const m = /^\s*```[\w-]*\s*\n([\s\S]*?)\n?```\s*$/.exec(text);
  return m ? m[1]! : text;
}
