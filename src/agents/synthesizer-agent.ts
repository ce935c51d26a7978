/**
 * The synthesizer agent: turns an open gap into a draft plugin with the configured backend
 * (`example` offline, `llm` when configured), or records why it could not.
 */
import type { StoredEvent } from "../events/index.ts";
import { parseSpec } from "../spec/index.ts";
import type { SynthesisBackend } from "./synthesizer/index.ts";
import { emit } from "./loop/context.ts";
import type { Reactor } from "./loop/context.ts";

export interface SynthesizerAgentOptions {
  /** Picks the backend for a gap (`auto` resolves to llm when one is configured, else example). */
  backendFor(choice: "auto" | "example" | "llm"): SynthesisBackend;
  budgetMs?: number;
}

export function createSynthesizerAgent(options: SynthesizerAgentOptions): Reactor {
  return {
    role: "synthesizer",
    filter: "capsmith.evt.gap.>",
    async handle(event, ctx) {
      if (event.type !== "CapabilityGapDetected") return;
      const gap = (event as StoredEvent<"CapabilityGapDetected">).data;
      const state = await ctx.state();
      if (state.gaps.gaps[gap.gapId]?.status !== "open") return; // already drafted or closed: a redelivery
      try {
        const spec = parseSpec(gap.spec);
        const backend = options.backendFor(gap.backend);
        const result = await backend.synthesize(spec, { budgetMs: options.budgetMs ?? 5_000 });
        await emit(ctx, "synthesizer", event, gap.capability, [{
          type: "PluginDrafted",
          data: {
            gapId: gap.gapId, draftId: ctx.newId(), capability: gap.capability, version: gap.version, code: result.code,
            backend: result.backend, model: (result as { model?: string }).model ?? null, size: result.size, candidates: result.candidates, elapsedMs: result.elapsedMs,
          },
        }]);
      } catch (err) {
        const code = (err as { code?: string }).code ?? "internal";
        const message = (err as Error).message;
        ctx.logger.info({ gapId: gap.gapId, code }, "synthesis failed");
        await emit(ctx, "synthesizer", event, gap.capability, [
          { type: "SynthesisFailed", data: { gapId: gap.gapId, capability: gap.capability, code, message } },
          { type: "GapClosed", data: { gapId: gap.gapId, capability: gap.capability, ok: false, pluginId: null, outcome: "synthesis_failed", reason: `${code}: ${message}` } },
        ]);
      }
    },
  };
}
