import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { SpecError, parseSpec } from "../../agents/spec/index.ts";
import type { CapabilitySpec } from "../../agents/spec/index.ts";
import { DEFAULT_BUDGET_MS, SynthesizerError, createExampleBackend } from "../../agents/synthesizer/index.ts";
import { action, readJsonFile } from "../command-kit.ts";
import { UsageError } from "../errors.ts";

interface SynthesizeOptions {
  spec?: string;
  backend: string;
  out?: string;
  budgetMs: string;
  publish?: boolean;
}

const BACKENDS = ["auto", "example", "llm"];
const KEY_VARS = ["CAPSMITH_LLM_API_KEY", "OPENAI_API_KEY"];

async function loadSpec(path: string): Promise<CapabilitySpec> {
  const value = await readJsonFile(path, "spec file");
  try {
    return parseSpec(value);
  } catch (err) {
    if (!(err instanceof SpecError)) throw err;
    throw new UsageError("invalid_input", `${path}: ${err.message}`, { cause: err, nextStep: err.nextStep, ...(err.details ? { details: err.details } : {}) });
  }
}

function chooseBackend(name: string): { backend: "example"; note?: string } {
  if (!BACKENDS.includes(name)) {
    throw new UsageError("usage", `unknown backend "${name}"`, { nextStep: `Use --backend ${BACKENDS.join(", ")}.` });
  }
  const hasKey = KEY_VARS.some((v) => Boolean(process.env[v]));
  if (name === "llm") {
    throw new SynthesizerError("backend_unavailable", "the llm synthesizer backend is not built yet", {
      nextStep: "Use --backend example (offline, from the spec's examples).",
    });
  }
  if (name === "auto" && hasKey) return { backend: "example", note: "an LLM key is set but the llm backend is not built yet; used the example backend" };
  return { backend: "example" };
}

function budgetOf(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError("usage", `--budget-ms takes a positive whole number of milliseconds, not "${raw}"`, { nextStep: "Use e.g. --budget-ms 5000." });
  return n;
}

export function registerSynthesize(program: Command): void {
  program
    .command("synthesize")
    .description("write a plugin for a capability spec from its examples")
    .option("--spec <file>", "the capability spec (JSON, see SPEC-FORMAT.md)")
    .option("--backend <name>", `synthesizer backend: ${BACKENDS.join(" | ")}`, "auto")
    .option("--out <file>", "write the plugin module (default export) to this file")
    .option("--budget-ms <n>", "give up after this many milliseconds", String(DEFAULT_BUDGET_MS))
    .option("--publish", "send the result through the tester and governor (not yet available)")
    .action(
      action(async (_ctx, opts: SynthesizeOptions) => {
        if (opts.publish) {
          throw new UsageError("usage", "--publish is not yet available: the hub and the agent loop do not exist yet", {
            nextStep: "Drop --publish; use --out PLUGIN.js and run it with capsmith sandbox exec --code PLUGIN.js.",
          });
        }
        if (!opts.spec) throw new UsageError("usage", "--spec is required", { nextStep: "Use capsmith synthesize --spec SPEC.json." });
        const budgetMs = budgetOf(opts.budgetMs);
        const chosen = chooseBackend(opts.backend);
        const spec = await loadSpec(opts.spec);
        const result = await createExampleBackend().synthesize(spec, { budgetMs });
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
          ...(out ? { out } : {}),
          ...(chosen.note ? { note: chosen.note } : {}),
        };
        const summary = `synthesized ${result.capability} with the ${result.backend} backend: program size ${result.size}, ${result.candidates} candidates, ${result.elapsedMs} ms${out ? `, written to ${out}` : ""}`;
        const text = [...(chosen.note ? [`note: ${chosen.note}`] : []), summary, "", result.code].join("\n");
        return { json, text };
      }),
    );
}
