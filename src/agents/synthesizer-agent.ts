/**
 * The synthesizer agent: turns an open gap into a draft plugin with the configured backend
 * (`example` offline, `llm` when configured), or records why it could not: no program, examples
 * that contradict each other, examples that leave the program open (`SynthesisAmbiguous`: nothing is
 * published unless the request accepts it), or the request was cancelled while it searched. In the
 * policy's `suggest` mode it drafts nothing: the gap closes `suggested` with its spec recorded.
 */
import { eventText, subjectFor, wellFormedDeep } from "../events/index.ts";
import { EventLogError } from "../events/index.ts";
import type { NewEvent, StoredEvent } from "../events/index.ts";
import { parseSpec } from "../spec/index.ts";
import { SynthesizerError, describeAmbiguity } from "./synthesizer/index.ts";
import type { SynthesisBackend } from "./synthesizer/index.ts";
import { emitOnHead } from "./loop/context.ts";
import type { Reactor } from "./loop/context.ts";
import { SUBSCRIPTIONS } from "./loop/subscriptions.ts";
import { waitForEvent } from "./loop/wait-for.ts";
import { own } from "../../projections/index.ts";

export interface SynthesizerAgentOptions {
  /** Picks the backend for a gap (`auto` resolves to llm when one is configured, else example). */
  backendFor(choice: "auto" | "example" | "llm"): SynthesisBackend;
  budgetMs?: number;
  /** The policy's rollout mode: in `suggest` the gap's spec is the suggestion, and nothing is drafted. */
  mode?: "suggest" | "dry-run" | "auto";
}

export function createSynthesizerAgent(options: SynthesizerAgentOptions): Reactor {
  return {
    role: "synthesizer",
    filter: SUBSCRIPTIONS.synthesizer.gaps,
    async handle(event, ctx) {
      if (event.type !== "CapabilityGapDetected") return;
      const gap = (event as StoredEvent<"CapabilityGapDetected">).data;
      // The head before the state: a draft (or a closing) lands only while the gap is still open,
      // however late a redelivery of its detection comes.
      const head = (await ctx.log.subjectHead(event.subject))?.seq ?? 0;
      const open = async (): Promise<boolean> => own((await ctx.state()).gaps.gaps, gap.gapId)?.status === "open";
      if (!(await open())) return; // already drafted or closed: a redelivery
      const decide = (events: Omit<NewEvent, "subject">[]): Promise<boolean> => emitOnHead(ctx, "synthesizer", event, gap.capability, events, head, open);
      const close = async (outcome: "synthesis_failed" | "ambiguous" | "cancelled" | "suggested", reason: string, before: Omit<NewEvent, "subject">[]): Promise<void> => {
        await decide([...before, { type: "GapClosed", data: { gapId: gap.gapId, capability: gap.capability, ok: false, pluginId: null, outcome, reason } }]);
      };
      if (options.mode === "suggest") {
        // suggest records the spec (CapabilityGapDetected holds it) and stops: no draft, no test.
        await close("suggested", "policy mode suggest: the spec is recorded on the gap; nothing drafted (dry-run drafts and tests, auto publishes)", []);
        return;
      }
      // Whoever asked may stop waiting (Ctrl-C): then the search stops too.
      const cancel = new AbortController();
      const watching = new AbortController();
      void waitForEvent(ctx.readModel, subjectFor("gap", gap.capability), event.seq, (e) => e.type === "CapabilityRequestCancelled", { timeoutMs: 24 * 3_600_000, signal: watching.signal })
        .then(() => cancel.abort())
        .catch(() => undefined);
      try {
        const spec = parseSpec(gap.spec);
        const backend = options.backendFor(gap.backend);
        const result = await backend.synthesize(spec, { budgetMs: options.budgetMs ?? 5_000, signal: cancel.signal });
        if (result.ambiguity && !gap.acceptAmbiguous) {
          const a = result.ambiguity;
          // A reading is a candidate program's output (a slice may cut a pair in two): made recordable.
          await close("ambiguous", eventText(describeAmbiguity(a)), [{
            type: "SynthesisAmbiguous",
            data: { gapId: gap.gapId, capability: gap.capability, reason: a.reason, input: wellFormedDeep(a.input), readings: a.readings.map((r) => ({ program: eventText(r.program), output: wellFormedDeep(r.output) })) },
          }]);
          return;
        }
        // Whatever the backend, code no event can hold is a failed synthesis, not a draft the log refuses
        // on every redelivery (the llm backend already retries such an answer as a bad round).
        if (!result.code.isWellFormed()) {
          throw new SynthesizerError("no_program_found", `the ${result.backend} backend's code for ${gap.capability} holds a lone surrogate, which no event can record`, {
            nextStep: "Synthesize again (a model may answer differently), or write the plugin by hand (capsmith plugin new).",
          });
        }
        await decide([{
          type: "PluginDrafted",
          data: {
            gapId: gap.gapId, draftId: ctx.newId(), capability: gap.capability, version: gap.version, code: result.code,
            backend: result.backend, model: (result as { model?: string }).model ?? null, size: result.size, candidates: result.candidates, elapsedMs: result.elapsedMs,
            ...(result.note ? { note: result.note } : {}),
          },
        }]);
      } catch (err) {
        // The log failing (a NATS restart, say) is not the synthesis failing: the event comes again.
        if (err instanceof EventLogError) throw err;
        const code = eventText((err as { code?: string }).code ?? "internal", 100);
        // A backend's message may quote an LLM server's or a candidate's text.
        const message = eventText(String((err as Error).message));
        ctx.logger.info({ gapId: gap.gapId, code }, "synthesis failed");
        await close(code === "cancelled" ? "cancelled" : "synthesis_failed", `${code}: ${message}`, [
          { type: "SynthesisFailed", data: { gapId: gap.gapId, capability: gap.capability, code, message } },
        ]);
      } finally {
        watching.abort();
      }
    },
  };
}
