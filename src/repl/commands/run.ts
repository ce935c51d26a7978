/** `/run PLAN.json [INPUT]`: runs a plan; blocked steps show the loop closing their gaps. */
import { parsePlan, runPlan } from "../../agents/index.ts";
import type { RunnerEvent } from "../../agents/index.ts";
import { jsonArg, readJson } from "../core/input.ts";
import { firstWord } from "../core/registry.ts";
import type { Activity, CommandResult, SlashCommand } from "../core/types.ts";

/** A runner event as a live line (plan steps are not on the agents' subjects). */
export function stepActivity(e: RunnerEvent): Activity | undefined {
  const ev = e as { type: string; stepId?: string; capability?: string; pluginId?: string; reason?: string; synthesized?: boolean; ok?: boolean; code?: string };
  switch (ev.type) {
    case "capability_missing":
      return { type: "step", key: `step:${ev.stepId}`, text: `step ${ev.stepId}: no plugin for ${ev.capability} yet; asking the agents`, state: "working" };
    case "capability_ready":
      return { type: "step", key: `ready:${ev.capability}`, text: `${ev.capability}: ${ev.synthesized ? "synthesized and published" : "found"} ${ev.pluginId}`, state: "done" };
    case "capability_unavailable":
      return { type: "step", key: `ready:${ev.capability}`, text: `${ev.capability}: unavailable: ${ev.reason}`, state: "failed" };
    default:
      return undefined;
  }
}

export const run: SlashCommand = {
  name: "run",
  usage: "/run PLAN.json [INPUT]",
  summary: "run a plan (capsmith help plan-format); capabilities it lacks are built on the way",
  args: ["file", "file"],
  async run(ctx, args): Promise<CommandResult> {
    const [file, rest] = firstWord(args);
    if (!file) return { type: "error", code: "usage", message: "name the plan file", nextStep: "e.g. /run plans/budget.json input.json" };
    const raw = await readJson(ctx.services, file, "plan");
    let plan;
    try {
      plan = parsePlan(raw);
    } catch (err) {
      const e = err as Error & { code?: string; nextStep?: string };
      return { type: "error", code: e.code ?? "invalid_plan", message: `${file}: ${e.message}`, nextStep: e.nextStep ?? "Fix the plan (capsmith help plan-format)." };
    }
    const input = rest ? await jsonArg(ctx.services, rest, "the plan input") : {};
    const outcome = await runPlan(ctx.services.runtime, plan, input, {
      newId: ctx.services.newId,
      backend: ctx.session.backend,
      signal: ctx.session.signal,
      // `-p` has nobody to ask for an approval: a held step ends the run at once (the REPL asks on the spot).
      ...(ctx.ui.interactive ? {} : { stopWhenHeld: true }),
      onEvent: (e) => {
        const a = stepActivity(e);
        if (a) ctx.ui.activity(a);
      },
    });
    if (outcome.ok) return { type: "json", title: `run ${outcome.runId} finished:`, value: outcome.output };
    const e = outcome.error;
    const cause = e.details?.["cause"] as { code?: string; message?: string } | undefined;
    if (cause?.code === "awaiting_approval") {
      return { type: "error", code: "awaiting_approval", message: `run ${outcome.runId} is waiting for a person: ${cause.message ?? e.message}`, nextStep: e.nextStep ?? "See /plugins for what waits for approval." };
    }
    return { type: "error", code: e.code, message: `run ${outcome.runId} failed: ${e.message}`, nextStep: e.nextStep ?? "See /events for the run's steps." };
  },
};
