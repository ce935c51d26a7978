import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { PROFILES, runPluginOnce } from "../../sandbox/index.ts";
import type { Profile } from "../../sandbox/index.ts";
import { action, parseJson, readJsonFile } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { SUMMARIES } from "./summaries.ts";

interface ExecOptions {
  code: string;
  input?: string;
  inputFile?: string;
  profile: string;
  allowNet?: string;
  timeout?: string;
  memory?: string;
}

export function registerSandbox(program: Command): void {
  const sandbox = program.command("sandbox").description(SUMMARIES.sandbox);
  sandbox
    .command("exec")
    .description("run one plugin once on one input, in a fresh sandbox worker")
    .requiredOption("--code <file>", "the plugin: an ES module whose default export is (input, host) => output")
    .option("--input <json>", "the input, as JSON text")
    .option("--input-file <file>", "the input, from a JSON file")
    .option("--profile <profile>", `the plugin's profile (${PROFILES.join(", ")})`, "node")
    .option("--allow-net <hosts>", "comma-separated host or host:port entries host.fetch may reach (integration profile; see docs/sandbox.md)")
    .option("--timeout <ms>", "wall-clock limit of the call in ms (default 1000)")
    .option("--memory <mb>", "isolate memory limit in MB (default 64)")
    .action(
      action(async (_ctx, opts: ExecOptions) => {
        if ((opts.input === undefined) === (opts.inputFile === undefined)) {
          throw new UsageError("usage", "give exactly one of --input JSON and --input-file FILE", { nextStep: "Pass the plugin's input with --input '{...}' or --input-file input.json." });
        }
        if (!PROFILES.includes(opts.profile as Profile)) {
          throw new UsageError("usage", `unknown profile ${opts.profile}`, { nextStep: `Use one of ${PROFILES.join(", ")}.` });
        }
        const net = opts.allowNet === undefined ? [] : opts.allowNet.split(",").map((d) => d.trim()).filter(Boolean);
        if (opts.allowNet !== undefined && (net.length === 0 || opts.profile !== "integration")) {
          throw new UsageError("usage", "--allow-net needs the integration profile and at least one host", { nextStep: "Add --profile integration and list hosts, e.g. --allow-net api.example.com or --allow-net 127.0.0.1:8080." });
        }
        const timeoutMs = intOption(opts.timeout, "--timeout", 1, 600_000);
        const memoryMB = intOption(opts.memory, "--memory", 8, 4096);
        const input = opts.input !== undefined ? parseJson(opts.input, "--input") : await readJsonFile(opts.inputFile!, "input file");
        let code: string;
        try {
          code = await readFile(opts.code, "utf8");
        } catch (cause) {
          throw new UsageError("file_not_found", `cannot read plugin code ${opts.code}`, { cause, nextStep: "Check the path given to --code." });
        }
        const result = await runPluginOnce(
          { id: "exec", code, profile: opts.profile as Profile, permissions: { net }, limits: { ...(timeoutMs ? { timeoutMs } : {}), ...(memoryMB ? { memoryMB } : {}) } },
          input,
        );
        if (result.ok) {
          const logs = result.logs.map((l) => `log: ${l}\n`).join("");
          return { json: { ok: true, output: result.output, usage: result.usage }, text: `${logs}${JSON.stringify(result.output, null, 2)}` };
        }
        const e = result.error;
        const error = { code: e.code, message: e.message, ...(e.nextStep ? { nextStep: e.nextStep } : {}), ...(e.details ? { details: e.details } : {}) };
        return { json: { ok: false, error }, failure: { error }, exitCode: 1 };
      }),
    );
}

function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError("usage", `${name} must be a whole number from ${min} to ${max}, not ${value}`, { nextStep: `Fix ${name}.` });
  }
  return n;
}
