import type { Command } from "commander";
import semver from "semver";
import type { HubState } from "../../../projections/index.ts";
import { action } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withHub } from "../hub-access.ts";
import { describeOutcome } from "./plugin-install.ts";

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
    .description("make a newer installed version active (a transaction; rolls back on failure)")
    .argument("<id>", "capability or plugin id (capability@version)")
    .option("--to <version>", "the version to activate (default: the newest installed)")
    .option("--policy <file>", "policy file")
    .action(
      action(async (ctx, id: string, opts: { to?: string; policy?: string }) => {
        const to = version(opts.to);
        const outcome = await withHub(ctx, opts.policy, async (hub) => {
          const capability = capabilityOf(id);
          const target = to ?? newestInstalled(await hub.state(), capability);
          return hub.switchTo(capability, { kind: "update", ...(target ? { version: target } : {}) });
        });
        return { json: { ...outcome }, text: describeOutcome(outcome) };
      }),
    );

  plugin
    .command("rollback")
    .description("make an earlier version active again (appends events; history is kept)")
    .argument("<capability>", "the capability")
    .option("--to <version>", "the version to go back to (default: the previous good one)")
    .option("--policy <file>", "policy file")
    .action(
      action(async (ctx, capability: string, opts: { to?: string; policy?: string }) => {
        const to = version(opts.to);
        const outcome = await withHub(ctx, opts.policy, (hub) => hub.switchTo(capability, { kind: "rollback", ...(to ? { version: to } : {}) }));
        return { json: { ...outcome }, text: describeOutcome(outcome) };
      }),
    );

  plugin
    .command("uninstall")
    .description("uninstall a plugin (its history stays in the log)")
    .argument("<id>", "plugin id (capability@version)")
    .action(
      action(async (ctx, id: string) => {
        if (!id.includes("@")) throw new UsageError("usage", `uninstall takes a plugin id (capability@version), not "${id}"`, { nextStep: "Run capsmith plugin list for the ids." });
        await withHub(ctx, undefined, (hub) => hub.uninstall(id));
        return { json: { ok: true, pluginId: id }, text: `uninstalled ${id}` };
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
