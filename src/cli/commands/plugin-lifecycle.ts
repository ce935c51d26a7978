import type { Command } from "commander";
import semver from "semver";
import type { HubState } from "../../../projections/index.ts";
import { action } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withHub } from "../capsmith-access.ts";
import { describeForced } from "./plugin-install.ts";
import { guardDependents, guardedRollback, guardedUninstall } from "../../hub/index.ts";
import { PLUGIN_SUMMARIES } from "./summaries.ts";

function version(value: string | undefined): string | undefined {
  if (value !== undefined && !semver.valid(value)) {
    throw new UsageError("usage", `--to takes a semver version, not "${value}"`, { nextStep: "Use e.g. --to 1.2.0." });
  }
  return value;
}

/** `ID` is `capability@version` or a capability name. */
function capabilityOf(id: string): string {
  return id.split("@")[0]!;
}

export function registerPluginLifecycle(plugin: Command): void {
  plugin
    .command("update")
    .description(PLUGIN_SUMMARIES.update)
    .argument("<id>", "capability or plugin id (capability@version)")
    .option("--to <version>", "the version to activate (default: the newest installed)")
    .option("--policy <file>", "policy file")
    .option("--force", "activate it even if it breaks a dependent's range (the dependents go to T0)")
    .action(
      action(async (ctx, id: string, opts: { to?: string; policy?: string; force?: boolean }) => {
        const to = version(opts.to);
        const outcome = await withHub(ctx, opts.policy, async (hub) => {
          const capability = capabilityOf(id);
          const target = to ?? newestInstalled(await hub.state(), capability);
          return guardDependents(hub, target ? { capability, version: target } : undefined, opts.force === true, () => hub.switchTo(capability, { kind: "update", ...(target ? { version: target } : {}) }));
        });
        return { json: { ...outcome }, text: describeForced(outcome) };
      }),
    );

  plugin
    .command("rollback")
    .description(PLUGIN_SUMMARIES.rollback)
    .argument("<capability>", "the capability")
    .option("--to <version>", "the version to go back to (default: the newest good one older than the active; again walks further back)")
    .option("--policy <file>", "policy file")
    .option("--force", "go back even if it breaks a dependent's range (the dependents go to T0)")
    .action(
      action(async (ctx, capability: string, opts: { to?: string; policy?: string; force?: boolean }) => {
        const to = version(opts.to);
        const outcome = await withHub(ctx, opts.policy, (hub) => guardedRollback(hub, capability, { ...(to ? { version: to } : {}), force: opts.force === true }));
        return { json: { ...outcome }, text: describeForced(outcome) };
      }),
    );

  plugin
    .command("uninstall")
    .description(PLUGIN_SUMMARIES.uninstall)
    .argument("<id>", "plugin id (capability@version)")
    .option("--force", "uninstall the active version even if the version it falls back to breaks a dependent's range (the dependents go to T0)")
    .action(
      action(async (ctx, id: string, opts: { force?: boolean }) => {
        if (!id.includes("@")) throw new UsageError("usage", `uninstall takes a plugin id (capability@version), not "${id}"`, { nextStep: "Run capsmith plugin list for the ids." });
        const done = await withHub(ctx, undefined, (hub) => guardedUninstall(hub, id, { force: opts.force === true }));
        const after = !done.wasActive ? "" : done.restored ? `; ${done.restored} is active now` : done.outcome ? `; activating the next good version failed (${done.outcome.failure?.code ?? "failed"}), none is active` : `; no good version is left, none is active`;
        const forced = done.demoted && done.demoted.length > 0 ? `\nforced: ${done.demoted.join(", ")} now at T0 (dependents_broken: nothing within their ranges is left active)` : "";
        return { json: { ok: true, pluginId: id, wasActive: done.wasActive, restored: done.restored, ...(done.outcome ? { outcome: done.outcome } : {}), ...(done.demoted ? { demoted: done.demoted } : {}) }, text: `uninstalled ${id}${after}${forced}` };
      }),
    );
}

function newestInstalled(state: HubState, capability: string): string | undefined {
  const versions = (state.capabilities[capability]?.versions ?? [])
    .map((id) => state.plugins[id]!)
    .filter((p) => p.status !== "uninstalled" && p.status !== "failed" && p.status !== "quarantined")
    .map((p) => p.version);
  return semver.rsort(versions)[0];
}
