/**
 * Closing a gap from the REPL: validate the spec, ask the agents through the log
 * (`requestCapability`, source "repl") and answer with the outcome. The live lines while the
 * agents work come from the session's tail of the log, not from here.
 */
import { requestCapability } from "../../agents/index.ts";
import type { CapabilitySpec } from "../../spec/index.ts";
import type { CommandContext, CommandResult } from "./types.ts";

/** How long `/need` waits for the agents before giving up (they keep working; the log has the outcome). */
export const GAP_TIMEOUT_MS = 300_000;

export async function closeGap(ctx: CommandContext, spec: CapabilitySpec): Promise<CommandResult> {
  const answer = await requestCapability(ctx.services.log, spec.capability, {
    spec: spec as unknown as Record<string, unknown>,
    source: "repl",
    newId: ctx.services.newId,
    backend: ctx.session.backend,
    timeoutMs: GAP_TIMEOUT_MS,
    signal: ctx.session.signal,
    correlationId: ctx.session.id,
  });
  const example = spec.examples[0];
  const tryIt = example ? `/invoke ${spec.capability} ${JSON.stringify(example.input)}` : `/invoke ${spec.capability} {}`;
  if (answer.ok && answer.synthesized) {
    return { type: "prompt", text: `✓ ${answer.pluginId} published: ${answer.reason}. Try it (Enter runs it):`, suggestion: tryIt };
  }
  if (answer.ok) return { type: "prompt", text: `✓ ${spec.capability} is already served by ${answer.pluginId}. Try it:`, suggestion: tryIt };
  const next: Record<string, string> = {
    rejected: "Add or correct examples and ask again with /need; /events shows the tester's report.",
    synthesis_failed: "Give more (or clearer) examples, or switch backend with /model llm.",
    install_failed: "See /audit for the failed install; nothing was left half-installed.",
    dry_run: "Policy mode is dry-run: the plugin was tested but not published (see /policy).",
    suggested: "Policy mode is suggest: nothing is published (see /policy).",
  };
  return { type: "error", code: answer.outcome, message: `${spec.capability} was not published: ${answer.reason}`, nextStep: next[answer.outcome] ?? "See /events for what the agents did." };
}
