import type { Command } from "commander";
import { action, parseJson, readJsonFile } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withRuntime } from "../runtime-access.ts";

export function registerInvoke(program: Command): void {
  program
    .command("invoke")
    .description("run the active plugin of a capability once")
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
        const result = await withRuntime(ctx, { roles: [], ...(opts.policy ? { policy: opts.policy } : {}) }, async (runtime) => {
          const plugin = runtime.invoker.resolve(await runtime.hub.state(), capability);
          if (!plugin) return undefined;
          return runtime.invoker.invoke(plugin, input);
        });
        if (!result) {
          const error = { code: "capability_not_found", message: `no active plugin provides ${capability}`, nextStep: `Publish one: capsmith synthesize --spec SPEC.json --publish (or capsmith plugin install FILE).` };
          return { json: { ok: false, error }, text: `error [${error.code}]: ${error.message}\nnext step: ${error.nextStep}`, exitCode: 1 };
        }
        if (!result.ok) {
          return { json: { ok: false, pluginId: result.pluginId, error: result.error }, text: `error [${result.error!.code}] from ${result.pluginId}: ${result.error!.message}`, exitCode: 1 };
        }
        return { json: { ok: true, pluginId: result.pluginId, output: result.output, usage: result.usage }, text: JSON.stringify(result.output, null, 2) };
      }),
    );
}
