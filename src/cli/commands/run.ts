import type { Command } from "commander";
import { AGENT_ROLES, PlanError, parsePlan, runPlan } from "../../agents/index.ts";
import type { RunnerEvent } from "../../agents/index.ts";
import { uuidIds } from "../../platform/index.ts";
import { EXIT, action, note, readJsonFile } from "../command-kit.ts";
import { UsageError, asUsageError } from "../errors.ts";
import { withCapsmith } from "../capsmith-access.ts";
import { SUMMARIES } from "./summaries.ts";

export function registerRun(program: Command): void {
  program
    .command("run")
    .description(SUMMARIES.run)
    .argument("<plan>", "plan file (JSON; capsmith help plan-format)")
    .option("--input <file>", "the plan input, a JSON file")
    .option("--backend <name>", "synthesis backend for gaps: auto|example|llm", "auto")
    .option("--no-agents", "run no agents here (they run as daemons sharing the log over NATS)")
    .option("--policy <file>", "policy file")
    .action(
      action(async (ctx, file: string, opts: { input?: string; backend: string; agents: boolean; policy?: string }) => {
        if (!["auto", "example", "llm"].includes(opts.backend)) {
          throw new UsageError("usage", `--backend takes auto, example or llm, not "${opts.backend}"`, { nextStep: "Use --backend example to synthesize offline." });
        }
        let plan;
        try {
          plan = parsePlan(await readJsonFile(file, "plan"));
        } catch (err) {
          throw err instanceof PlanError ? asUsageError(err) : err;
        }
        const input = opts.input ? await readJsonFile(opts.input, "plan input") : {};
        const progress = (e: RunnerEvent): void => {
          if (ctx.options.json) return;
          if (e.type === "capability_missing") note(`· ${e.capability}: no plugin yet; asking the agents`);
          if (e.type === "capability_ready") note(`· ${e.capability}: ${e.synthesized ? "synthesized and published" : "found"} ${e.pluginId}`);
          if (e.type === "capability_unavailable") note(`· ${e.capability}: unavailable: ${e.reason}`);
        };
        const outcome = await withCapsmith(ctx, { roles: opts.agents ? AGENT_ROLES : [], policyFile: opts.policy }, ({ runtime }) =>
          runPlan(runtime, plan, input, { newId: uuidIds, backend: opts.backend as "auto", onEvent: progress, stopWhenHeld: true }),
        );
        if (outcome.ok) return { json: { ...outcome }, text: JSON.stringify(outcome.output, null, 2) };
        const e = outcome.error;
        const { code: cause, message: why } = (e.details?.["cause"] as { code?: string; message?: string } | undefined) ?? {};
        // A step whose plugin policy holds for an operator did not fail: a person decides next (exit 3).
        if (cause === "awaiting_approval") {
          const step = e.details?.["stepId"];
          const at = typeof step === "string" ? `step "${step}" (capability ${String(e.details?.["capability"])}): ` : "";
          return { json: { ...outcome }, text: `run ${outcome.runId} is waiting for a person [awaiting_approval]: ${at}${why ?? e.message}${e.nextStep ? `\nnext step: ${e.nextStep}` : ""}`, exitCode: EXIT.held };
        }
        // A step input its plugin's schema refused is the plan's (the caller's) error: exit 2, as for invoke.
        const callerError = e.code === "input_invalid" || cause === "input_invalid";
        return { json: { ...outcome }, failure: { error: e, from: `run ${outcome.runId}` }, exitCode: callerError ? EXIT.usage : EXIT.failure };
      }),
    );
}
