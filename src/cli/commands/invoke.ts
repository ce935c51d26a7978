import type { Command } from "commander";
import { action, parseJson, readJsonFile } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withCapsmith } from "../capsmith-access.ts";
import { SUMMARIES } from "./summaries.ts";
import { nearMatches } from "../../hub/index.ts";

export function registerInvoke(program: Command): void {
  program
    .command("invoke")
    .description(SUMMARIES.invoke)
    .argument("<capability>", "the capability")
    .option("--input <json>", "the input, as JSON")
    .option("--input-file <file>", "the input, from a JSON file")
    .option("--policy <file>", "policy file")
    .action(
      action(async (ctx, capability: string, opts: { input?: string; inputFile?: string; policy?: string }) => {
        if ((opts.input === undefined) === (opts.inputFile === undefined)) {
          throw new UsageError("usage", "give the input with exactly one of --input JSON or --input-file FILE", { nextStep: `e.g. capsmith invoke ${capability} --input '{"n": 2}'` });
        }
        const input = opts.input !== undefined ? parseJson(opts.input, "--input") : await readJsonFile(opts.inputFile!, "input file");
        const result = await withCapsmith(ctx, { policyFile: opts.policy }, async ({ runtime, readModel }) => {
          const hub = await readModel.state("hub");
          const plugin = runtime.invoker.resolve(hub, capability);
          if (!plugin) return { missing: nearMatches(hub, { capability }).map((m) => m.capability) };
          return runtime.invoker.invoke(plugin, input);
        });
        if ("missing" in result) {
          const near = result.missing;
          const error = {
            code: "capability_not_found",
            message: `no active plugin provides ${capability}${near.length ? `. Did you mean ${near.join(" or ")}?` : ""}`,
            nextStep: near.length ? `capsmith invoke ${near[0]} …, or publish ${capability}: capsmith synthesize --spec SPEC.json --publish.` : `Publish one: capsmith synthesize --spec SPEC.json --publish (or capsmith plugin install FILE).`,
            ...(near.length ? { details: { near } } : {}),
          };
          return { json: { ok: false, error }, failure: { error }, exitCode: 1 };
        }
        if (!result.ok) {
          const e = result.error!;
          // A refused input is the caller's error (exit 2, like any usage error); the plugin never ran.
          return { json: { ok: false, pluginId: result.pluginId, error: e }, failure: { error: e, ...(result.rejected ? {} : { from: result.pluginId }) }, exitCode: result.rejected ? 2 : 1 };
        }
        return { json: { ok: true, pluginId: result.pluginId, output: result.output, usage: result.usage }, text: JSON.stringify(result.output, null, 2) };
      }),
    );
}
