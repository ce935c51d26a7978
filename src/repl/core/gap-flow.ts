/**
 * Closing a gap from the REPL: validate the spec, ask the agents through the log
 * (`requestCapability`, source "repl") and answer with the outcome. The live lines while the
 * agents work come from the session's tail of the log, not from here. When the examples leave the
 * program open, the person is asked for the output of the input the readings disagree on, and the
 * answer goes on as a new example with the outputs that were offered (MAX_QUESTIONS times at most,
 * then it is reported ambiguous); an empty answer keeps the first reading.
 */
import { alreadyHeld, approvalNextStep, describeAmbiguity, offeredOutputs, requestCapability } from "../../agents/index.ts";
import type { CapabilityAnswer } from "../../agents/index.ts";
import { parseSpec } from "../../spec/index.ts";
import type { CapabilitySpec } from "../../spec/index.ts";
import type { CommandContext, CommandResult } from "./types.ts";

/** How long `/need` waits for the agents before giving up (they keep working; the log has the outcome). */
export const GAP_TIMEOUT_MS = 300_000;
/**
 * Questions asked about one capability before it is reported `ambiguous` (the person can then add
 * examples). Each answer rules out the readings that disagree with it; the rival search (issue 17,
 * round 5) finds more readings than before, and how many it finds depends on its budget (with a
 * CPU-time budget, sorting "by value" took five questions on a loaded machine and seven on a quiet one).
 */
export const MAX_QUESTIONS = 10;

async function ask(ctx: CommandContext, spec: CapabilitySpec, acceptAmbiguous: boolean): Promise<CapabilityAnswer> {
  // `-p` has nobody to ask for an approval: a hold is its answer, as for `synthesize --publish`
  // (it waited for an operator until the gap's timeout). The REPL asks on the spot instead.
  const oneShot = !ctx.ui.interactive;
  if (oneShot) {
    const held = await alreadyHeld(ctx.services.readModel, spec.capability);
    if (held) return held;
  }
  return requestCapability(ctx.services.readModel, spec.capability, {
    spec: spec as unknown as Record<string, unknown>,
    source: "repl",
    newId: ctx.services.newId,
    backend: ctx.session.backend,
    timeoutMs: GAP_TIMEOUT_MS,
    signal: ctx.session.signal,
    correlationId: ctx.session.id,
    ...(acceptAmbiguous ? { acceptAmbiguous: true } : {}),
    ...(oneShot ? { stopWhenHeld: true } : {}),
  });
}

export async function closeGap(ctx: CommandContext, first: CapabilitySpec): Promise<CommandResult> {
  let spec = first;
  let acceptAmbiguous = false;
  for (let asked = 0; ; asked++) {
    const answer = await ask(ctx, spec, acceptAmbiguous);
    const a = answer.ambiguity;
    if (answer.outcome !== "ambiguous" || !a) return outcome(ctx, spec, answer);
    if (!ctx.ui.interactive || asked >= MAX_QUESTIONS) {
      return { type: "error", code: "ambiguous", message: `${spec.capability} was not published: ${describeAmbiguity(a)}`, nextStep: `Add an example for ${JSON.stringify(a.input)} and ask again.` };
    }
    ctx.ui.show({ type: "message", tone: "warning", text: `The examples leave ${spec.capability} open: ${describeAmbiguity(a)}` });
    const reply = await askOutput(ctx, spec.capability, a.input, a.readings.map((r) => r.output));
    if (reply === null) return { type: "message", tone: "info", text: "Cancelled; nothing was published." };
    if (reply === undefined) {
      acceptAmbiguous = true;
      ctx.ui.line(`going on with the first reading of ${spec.capability}…`);
      continue;
    }
    // What was offered goes with the answer: one that matches none of it tells the backend its
    // search had not reached the person's program, and the next one found must be confirmed.
    spec = parseSpec({ ...spec, examples: [...spec.examples, { input: a.input, output: reply.output, offered: offeredOutputs(a) }] });
    ctx.ui.line(`asking the agents again for ${spec.capability} with ${spec.examples.length} examples…`);
  }
}

/** The person's output for `input` (JSON); undefined keeps the first reading; null cancels. */
async function askOutput(ctx: CommandContext, capability: string, input: unknown, readings: readonly unknown[]): Promise<{ output: unknown } | undefined | null> {
  for (;;) {
    const line = await ctx.ui.ask({
      text: `What should ${capability} give for ${JSON.stringify(input)}? (JSON; empty line: go on with ${JSON.stringify(readings[0])})`,
      placeholder: readings.filter((r, i) => i === 0 || r !== null).map((r) => JSON.stringify(r)).join("  or  "),
    });
    if (line === null) return null;
    if (line.trim() === "") return undefined;
    try {
      return { output: JSON.parse(line) as unknown };
    } catch {
      ctx.ui.show({ type: "message", tone: "warning", text: `Not JSON: ${line.trim()} (strings need quotes, e.g. "high")` });
    }
  }
}

function outcome(ctx: CommandContext, spec: CapabilitySpec, answer: CapabilityAnswer): CommandResult {
  const example = spec.examples[0];
  const tryIt = example ? `/invoke ${spec.capability} ${JSON.stringify(example.input)}` : `/invoke ${spec.capability} {}`;
  if (answer.ok && answer.synthesized) {
    return { type: "prompt", text: `✓ ${answer.pluginId} published: ${answer.reason}. Try it (Enter runs it):`, suggestion: tryIt };
  }
  if (answer.ok) return { type: "prompt", text: `✓ ${spec.capability} is already served by ${answer.pluginId}. Try it:`, suggestion: tryIt };
  if (answer.outcome === "awaiting_approval") {
    return { type: "error", code: "awaiting_approval", message: `${spec.capability} was not published yet: ${answer.reason}`, nextStep: approvalNextStep(answer.pluginId!, "make this request again") };
  }
  const byHand = `or write it by hand: capsmith plugin new ${spec.capability} --spec SPEC.json, then capsmith plugin test DIR`;
  const next: Record<string, string> = {
    rejected: "Add or correct examples and ask again with /need; /events shows the tester's report.",
    synthesis_failed: ctx.services.llmConfigured
      ? `Give more (or clearer) examples, switch backend with /model llm, ${byHand}.`
      : `Give more (or clearer) examples, ${byHand}. (With an LLM configured — OPENAI_API_KEY or OPENAI_BASE_URL — /model llm can write it.)`,
    cancelled: "Nothing was published; ask again when you are ready.",
    install_failed: "See /audit for the failed install; nothing was left half-installed.",
    dry_run: "Policy mode is dry-run: the plugin was tested but not published (see /policy).",
    suggested: "Policy mode is suggest: nothing is published (see /policy).",
  };
  return { type: "error", code: answer.outcome, message: `${spec.capability} was not published: ${answer.reason}`, nextStep: next[answer.outcome] ?? "See /events for what the agents did." };
}
