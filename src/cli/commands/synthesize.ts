import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { SpecError, parseSpecInferringSchemas } from "../../spec/index.ts";
import type { CapabilitySpec } from "../../spec/index.ts";
import {
  DEFAULT_BUDGET_MS,
  DEFAULT_LLM_BUDGET_MS,
  DEFAULT_LLM_MODEL,
  DEFAULT_MAX_ROUNDS,
  createFallbackBackend,
  createLlmBackend,
  createThreadedExampleBackend,
} from "../../agents/synthesizer/index.ts";
import type { LlmConfig, LlmSynthesisResult, SynthesisBackend, SynthesisResult } from "../../agents/synthesizer/index.ts";
import { AGENT_ROLES, alreadyHeld, approvalNextStep, describeAmbiguity, requestCapability } from "../../agents/index.ts";
import type { CapabilityAnswer } from "../../agents/index.ts";
import { uuidIds } from "../../platform/index.ts";
import { EXIT, action, note, readJsonFile } from "../command-kit.ts";
import type { CommandContext, CommandResult } from "../command-kit.ts";
import { withCapsmith } from "../capsmith-access.ts";
import { UsageError, asUsageError } from "../errors.ts";
import { SUMMARIES } from "./summaries.ts";

interface SynthesizeOptions {
  spec?: string;
  backend: string;
  out?: string;
  budgetMs?: string;
  model?: string;
  maxRounds: string;
  publish?: boolean;
  policy?: string;
  acceptAmbiguous?: boolean;
}

const BACKENDS = ["auto", "example", "llm"];
/** What either backend returns; the llm-only fields are present for the llm backend. */
type AnyResult = SynthesisResult & Partial<Pick<LlmSynthesisResult, "model" | "rounds" | "explanation">>;

/** The spec file, validated; schemas it lacks are inferred from its examples, and said so on stderr. */
async function loadSpec(path: string): Promise<CapabilitySpec> {
  const value = await readJsonFile(path, "spec file");
  try {
    const { spec, inferred } = parseSpecInferringSchemas(value);
    if (inferred.length) note(`${path} has no ${inferred.join(" or ")}: inferred from its ${spec.examples.length} examples (capsmith help spec-format)`);
    return spec;
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    throw asUsageError(err, "invalid_input", path);
  }
}

/** `auto` is the llm backend (falling back to example when it fails) when a key or base URL is configured, else example. */
function chooseBackend(name: string, llm: LlmConfig): "example" | "llm" | "auto" {
  if (!BACKENDS.includes(name)) {
    throw new UsageError("usage", `unknown backend "${name}"`, { nextStep: `Use --backend ${BACKENDS.join(", ")}.` });
  }
  if (name === "auto") return llm.configured ? "auto" : "example";
  return name === "llm" ? "llm" : "example";
}

function backendFor(chosen: "example" | "llm" | "auto", llm: LlmConfig, maxRounds: number): SynthesisBackend {
  if (chosen === "example") return createThreadedExampleBackend();
  const model = createLlmBackend({
    model: llm.model,
    maxRounds,
    ...(llm.baseURL ? { baseURL: llm.baseURL } : {}),
    ...(llm.apiKey ? { apiKey: llm.apiKey } : {}),
  });
  return chosen === "auto" ? createFallbackBackend(model, createThreadedExampleBackend()) : model;
}

function roundsOf(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0 || n > 50) throw new UsageError("usage", `--max-rounds takes a whole number from 1 to 50, not "${raw}"`, { nextStep: "Use e.g. --max-rounds 3." });
  return n;
}

function budgetOf(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError("usage", `--budget-ms takes a positive whole number of milliseconds, not "${raw}"`, { nextStep: "Use e.g. --budget-ms 5000." });
  return n;
}

export function registerSynthesize(program: Command): void {
  program
    .command("synthesize")
    .description(SUMMARIES.synthesize)
    .option("--spec <file>", "the capability spec (JSON; capsmith help spec-format)")
    .option("--backend <name>", `synthesizer backend: ${BACKENDS.join(" | ")}`, "auto")
    .option("--out <file>", "write the plugin module (default export) to this file")
    .option("--budget-ms <n>", `give up after this many milliseconds of search (for example, its work at an idle machine's cost; default ${DEFAULT_BUDGET_MS} for example, ${DEFAULT_LLM_BUDGET_MS} for llm)`)
    .option("--model <name>", `the llm backend's model (default: CAPSMITH_LLM_MODEL, else ${DEFAULT_LLM_MODEL})`)
    .option("--max-rounds <n>", "the llm backend's attempts, each fed the previous one's failing examples", String(DEFAULT_MAX_ROUNDS))
    .option("--publish", "run the whole loop: gap detector, synthesizer, tester, governor, hub")
    .option("--policy <file>", "policy file (with --publish)")
    .option("--accept-ambiguous", "keep the program even when other programs fit the examples and disagree elsewhere")
    .action(
      action(async (ctx, opts: SynthesizeOptions) => {
        if (!opts.spec) throw new UsageError("usage", "--spec is required", { nextStep: "Use capsmith synthesize --spec SPEC.json." });
        const llm = { ...ctx.config.llm, ...(opts.model?.trim() ? { model: opts.model.trim() } : {}) };
        const chosen = chooseBackend(opts.backend, llm);
        const budgetMs = opts.budgetMs === undefined ? (chosen === "example" ? DEFAULT_BUDGET_MS : DEFAULT_LLM_BUDGET_MS) : budgetOf(opts.budgetMs);
        const maxRounds = roundsOf(opts.maxRounds);
        const spec = await loadSpec(opts.spec);
        if (opts.publish) return publish(ctx, spec, chosen, budgetMs, llm, opts);
        const result: AnyResult = await backendFor(chosen, llm, maxRounds).synthesize(spec, { budgetMs });
        if (result.ambiguity && !opts.acceptAmbiguous) return ambiguous(result);
        let out: string | undefined;
        if (opts.out) {
          out = resolve(opts.out);
          try {
            await mkdir(dirname(out), { recursive: true });
            await writeFile(out, result.code);
          } catch (cause) {
            throw new UsageError("usage", `cannot write ${out}: ${(cause as Error).message}`, { cause, nextStep: "Choose a writable --out path." });
          }
        }
        const json = {
          ok: true,
          capability: result.capability,
          backend: result.backend,
          size: result.size,
          candidates: result.candidates,
          elapsedMs: result.elapsedMs,
          code: result.code,
          tests: result.tests,
          ...(result.model ? { model: result.model, rounds: result.rounds } : {}),
          ...(result.explanation ? { explanation: result.explanation } : {}),
          ...(result.note ? { note: result.note } : {}),
          ...(result.ambiguity ? { ambiguity: result.ambiguity } : {}),
          ...(out ? { out } : {}),
        };
        const how = result.model
          ? `model ${result.model}, ${result.candidates} round(s), ${result.size} lines of code`
          : `program size ${result.size}, ${result.candidates} candidates`;
        const summary = `synthesized ${result.capability} with the ${result.backend} backend: ${how}, ${result.elapsedMs} ms${out ? `, written to ${out}` : ""}`;
        const notes = [
          ...(result.note ? [`note: ${result.note}`] : []),
          ...(result.ambiguity ? [`accepted although ambiguous: ${describeAmbiguity(result.ambiguity)}`] : []),
        ];
        const text = [summary, ...notes, "", result.code].join("\n");
        return { json, text };
      }),
    );
}

/** Other programs fit the examples and disagree elsewhere: nothing is written; say which input to add an example for. */
function ambiguous(result: AnyResult): CommandResult {
  const a = result.ambiguity as NonNullable<AnyResult["ambiguity"]>;
  const nextStep = `Add an example for ${JSON.stringify(a.input)} (with the output you want) to the spec and run it again, or keep this program with --accept-ambiguous.`;
  const json = {
    ok: false,
    outcome: "ambiguous",
    capability: result.capability,
    backend: result.backend,
    ambiguity: a,
    code: result.code,
    error: { code: "ambiguous", message: describeAmbiguity(a), nextStep },
  };
  const text = [`${result.capability} is ambiguous: ${describeAmbiguity(a)}`, `next: ${nextStep}`].join("\n");
  return { json, text, exitCode: 1 };
}

/** `--publish`: ask the agents for the capability, as a plan step would, and report the outcome. */
async function publish(ctx: CommandContext, spec: CapabilitySpec, backend: "example" | "llm" | "auto", budgetMs: number, llm: LlmConfig, opts: SynthesizeOptions): Promise<CommandResult> {
  const answer = await withCapsmith(ctx, { roles: AGENT_ROLES, synthesisBudgetMs: budgetMs, policyFile: opts.policy, config: { llm } }, async ({ readModel }) =>
    (await alreadyHeld(readModel, spec.capability)) ??
    requestCapability(readModel, spec.capability, { spec, source: "cli", backend, newId: uuidIds, stopWhenHeld: true, ...(opts.acceptAmbiguous ? { acceptAmbiguous: true } : {}) }),
  );
  if (answer.outcome === "awaiting_approval") return awaitingApproval(spec.capability, answer);
  const text = answer.ok
    ? `${answer.synthesized ? "published" : "already served by"} ${answer.pluginId}`
    : answer.outcome === "ambiguous"
      ? `not published (ambiguous): ${answer.reason}\nnext: add an example for ${JSON.stringify(answer.ambiguity?.input)} to the spec, or use --accept-ambiguous.`
      : `not published (${answer.outcome}): ${answer.reason}`;
  return { json: { ...answer, capability: spec.capability }, text, exitCode: answer.ok ? 0 : 1 };
}

/** Held for an operator: it will not publish without one, so say who decides and how, and stop. */
function awaitingApproval(capability: string, answer: CapabilityAnswer): CommandResult {
  const id = answer.pluginId!;
  const nextStep = approvalNextStep(id, "run this command again");
  const json = {
    ok: false,
    outcome: "awaiting_approval",
    capability,
    pluginId: id,
    gapId: answer.held?.gapId ?? null,
    reasons: answer.held?.reasons ?? [],
    error: { code: "awaiting_approval", message: answer.reason, nextStep },
  };
  const text = [`${capability} not published yet [awaiting_approval]: ${answer.reason}`, `next step: ${nextStep}`].join("\n");
  return { json, text, exitCode: EXIT.held };
}
