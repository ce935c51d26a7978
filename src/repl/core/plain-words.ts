/**
 * Plain words. With an LLM configured, the words become a capability spec (the model is asked for
 * JSON in SPEC-FORMAT), shown for confirmation before the agents run. Without one, the answer says
 * how to say it instead — never a dead end.
 */
import type { HubState } from "../../../projections/index.ts";
import { closeGap } from "./gap-flow.ts";
import { parseSpec } from "../../spec/index.ts";
import type { CommandContext, CommandResult } from "./types.ts";

export const SPEC_SYSTEM_PROMPT = [
  "You turn a person's request into a capability spec for capsmith, a runtime that synthesizes small pure functions.",
  "Answer with one JSON object and nothing else, with exactly these fields:",
  '{"capability": "snake_case_name", "description": "...", "inputSchema": {JSON Schema of the input object},',
  ' "outputSchema": {JSON Schema of the output}, "constraints": ["deterministic"],',
  ' "examples": [{"input": {...}, "output": ...}, ... at least 4 examples covering edge cases]}',
  "The capability name matches [a-z][a-z0-9_]{1,63}. Inputs are JSON objects. Outputs are JSON values.",
].join("\n");

/** The first JSON object in a model's answer (models like to wrap it in prose or fences). */
export function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(text);
  const body = fenced ? fenced[1]! : text;
  const start = body.indexOf("{");
  const end = body.lastIndexOf("}");
  if (start < 0 || end <= start) throw new Error("the model's answer holds no JSON object");
  return JSON.parse(body.slice(start, end + 1)) as unknown;
}

export async function plainWords(ctx: CommandContext, words: string, hub: HubState): Promise<CommandResult> {
  const model = ctx.services.words;
  if (!model) return withoutModel(words, hub);
  ctx.ui.line(`asking ${model.model} to turn that into a capability spec…`);
  let spec;
  try {
    const answer = await model.complete(SPEC_SYSTEM_PROMPT, words, ctx.session.signal);
    spec = parseSpec(extractJson(answer));
  } catch (err) {
    const e = err as Error & { nextStep?: string };
    return { type: "error", code: "llm_failed", message: `could not turn that into a spec: ${e.message}`, nextStep: "Rephrase it, or say it with /need CAPABILITY and examples." };
  }
  ctx.ui.show({ type: "json", title: `Proposed spec for ${spec.capability}:`, value: spec });
  if (ctx.ui.interactive) {
    const ok = await ctx.ui.ask({ text: `Ask the agents to build ${spec.capability} from this spec?`, choices: ["y", "n"] });
    if (ok !== "y") return { type: "message", text: "Not run. Edit it into a file and use /synthesize SPEC.json, or /need with your own examples." };
  }
  return closeGap(ctx, spec);
}

/** Words that say nothing about what the capability does ("I need something that …"). */
const FILLER = new Set((
  "a an the it its is are be do does did what which how much many me my i i'd you we us our please can could would should will must " +
  "give gives get gets find finds tell compute computes calculate calculates work out need needs want wants like something some " +
  "thing things function plugin capability tool that this these those who whose just to returns return takes take given"
).split(" "));
/** Words after which the rest qualifies the name ("the prices of the items"): the name ends there. */
const PHRASE_END = new Set("of in on at for from over with by and or per into across within than".split(" "));

/** A capability name from a request's content words: "I need something that sums the prices…" → sum_prices. */
export function nameFromWords(words: string): string {
  const content: string[] = [];
  for (const w of words.toLowerCase().match(/[a-z][a-z0-9']*/g) ?? []) {
    if (content.length && PHRASE_END.has(w)) break;
    if (!FILLER.has(w) && !PHRASE_END.has(w)) content.push(w.replace(/'/g, ""));
    if (content.length === 3) break;
  }
  if (content.length === 0) return "my_capability";
  // The first word is usually the verb: "sums" names the capability as "sum".
  content[0] = content[0]!.replace(/ies$/, "y").replace(/(?<=[sxz]|ch|sh)es$/, "").replace(/(?<!s)s$/, "");
  return content.join("_").slice(0, 64);
}

/** No model: point at the ways to say it, with the person's own words where they help. */
export function withoutModel(words: string, hub: HubState): CommandResult {
  const lower = words.toLowerCase();
  const known = Object.keys(hub.capabilities).filter((c) => hub.capabilities[c]!.active && (lower.includes(c) || lower.includes(c.replace(/_/g, " "))));
  const name = nameFromWords(words);
  const ways: [string, string][] = [
    [`/need ${known[0] ?? name}`, "describe it and give input → output examples; the agents build it"],
    ["/synthesize SPEC.json", "a capability spec file (capsmith help spec-format)"],
    ["/run PLAN.json [INPUT]", "a plan file (capsmith help plan-format)"],
    ["/invoke CAPABILITY JSON", "run a published capability"],
    ["/help", "every command"],
  ];
  const width = Math.max(...ways.map(([w]) => w.length)) + 2;
  const lines = [
    "No LLM is configured (set OPENAI_API_KEY or OPENAI_BASE_URL), so I cannot read plain words. Say it one of these ways:",
    ...ways.map(([w, what]) => `  ${w.padEnd(width)}${what}`),
  ];
  if (known.length) return { type: "prompt", text: `${lines.join("\n")}\n${known[0]} is published already; to run it:`, suggestion: `/invoke ${known[0]} {}` };
  return { type: "prompt", text: `${lines.join("\n")}\nTo build it from examples:`, suggestion: `/need ${name}` };
}
