import type { Command } from "commander";
import { HubError, guardDependents, parsePluginPackage } from "../../hub/index.ts";
import type { InstallOutcome, VersionCandidate } from "../../hub/index.ts";
import { action, readJsonFile } from "../command-kit.ts";
import { asUsageError } from "../errors.ts";
import { withHub } from "../capsmith-access.ts";
import { PLUGIN_SUMMARIES } from "./summaries.ts";

/** How an install/update/rollback outcome reads for a person. */
export function describeOutcome(o: InstallOutcome): string {
  if (o.unchanged) return `${o.pluginId} is already active; nothing to do`;
  if (o.ok) return `${o.kind === "install" ? "installed" : o.kind === "update" ? "updated to" : "rolled back to"} ${o.pluginId} (tier ${o.tier}; ${o.health?.passed ?? 0} golden cases passed; tx ${o.txId})`;
  const f = o.failure!;
  // Each problem with its own next step: the failure's code (preflight_failed) has no single one.
  const problems = (f.problems ?? []).map((p) => `\n  ${p.code} at ${p.field}: ${p.message}${p.nextStep ? `\n    next step: ${p.nextStep}` : ""}`).join("");
  return `${o.kind} of ${o.pluginId} failed at ${f.phase} [${f.code}]: ${f.message}${problems}\nrolled back; active now: ${f.restored ?? "none"} (tx ${o.txId})`;
}

/** The capability and version a package claims, when it has them (the install validates the rest). */
function candidateOf(pkg: unknown): VersionCandidate | undefined {
  const m = (pkg as { manifest?: { capability?: unknown; version?: unknown } } | null)?.manifest;
  return typeof m?.capability === "string" && typeof m.version === "string" ? { capability: m.capability, version: m.version } : undefined;
}

/** The outcome's text, with the dependents a forced activation sent to T0. */
export function describeForced(o: InstallOutcome & { demoted?: string[] }): string {
  return describeOutcome(o) + (o.demoted?.length ? `\nforced: ${o.demoted.join(", ")} now at T0 (their ranges exclude ${o.pluginId})` : "");
}

export function registerPluginInstall(plugin: Command): void {
  plugin
    .command("install")
    .description(PLUGIN_SUMMARIES.install)
    .argument("<file>", "plugin package made by `capsmith plugin pack`")
    .option("--policy <file>", "policy file (default: <data>/policy.json or the defaults)")
    .option("--force", "activate it even if it breaks a dependent's range (the dependents go to T0)")
    .action(
      action(async (ctx, file: string, opts: { policy?: string; force?: boolean }) => {
        const pkg = await readJsonFile(file, "plugin package");
        // Checked before the data directory is opened: a file that is not a package changes nothing,
        // not even a new directory's first policy, keys and KeyTrusted events (signed by default).
        // It is the person's input to fix (exit 2), as for `plugin pack`.
        try {
          parsePluginPackage(pkg);
        } catch (err) {
          throw err instanceof HubError ? asUsageError(err, "invalid_input", file) : err;
        }
        const outcome = await withHub(ctx, opts.policy, (hub) => guardDependents(hub, candidateOf(pkg), opts.force === true, () => hub.install(pkg, { source: `file:${file}` })));
        return { json: { ...outcome }, text: describeForced(outcome) };
      }),
    );
}
