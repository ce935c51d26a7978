import type { Command } from "commander";
import { HubError } from "../../hub/index.ts";
import type { InstallOutcome } from "../../hub/index.ts";
import { action, readJsonFile } from "../command-kit.ts";
import { asUsageError } from "../errors.ts";
import { withHub } from "../hub-access.ts";

/** How an install/update/rollback outcome reads for a person. */
export function describeOutcome(o: InstallOutcome): string {
  if (o.unchanged) return `${o.pluginId} is already active; nothing to do`;
  if (o.ok) return `${o.kind === "install" ? "installed" : o.kind === "update" ? "updated to" : "rolled back to"} ${o.pluginId} (tier ${o.tier}; ${o.health?.passed ?? 0} golden cases passed; tx ${o.txId})`;
  const f = o.failure!;
  const problems = (f.problems ?? []).map((p) => `\n  ${p.code} at ${p.field}: ${p.message}`).join("");
  return `${o.kind} of ${o.pluginId} failed at ${f.phase} [${f.code}]: ${f.message}${problems}\nrolled back; active now: ${f.restored ?? "none"} (tx ${o.txId})`;
}

export function registerPluginInstall(plugin: Command): void {
  plugin
    .command("install")
    .description("install a plugin package (preflight, then the five-phase transaction)")
    .argument("<file>", "plugin package made by `capsmith plugin pack`")
    .option("--policy <file>", "policy file (default: <data>/policy.json or the defaults)")
    .action(
      action(async (ctx, file: string, opts: { policy?: string }) => {
        const pkg = await readJsonFile(file, "plugin package");
        const outcome = await withHub(ctx, opts.policy, (hub) => hub.install(pkg, { source: `file:${file}` })).catch((err: unknown) => {
          // A file that is not a package is the person's input to fix (exit 2), as for `plugin pack`.
          if (err instanceof HubError && err.code === "invalid_package") {
            throw asUsageError(err, "invalid_input", file);
          }
          throw err;
        });
        return { json: { ...outcome }, text: describeOutcome(outcome) };
      }),
    );
}
