import type { Command } from "commander";
import { findEvent } from "../../agents/index.ts";
import { HubError, approvePlugin, checksumOf, openKeyStore, rejectPlugin } from "../../hub/index.ts";
import { subjectFor } from "../../events/index.ts";
import { createProjector, gaps, hub, keys } from "../../../projections/index.ts";
import type { GapsState, HubState, KeysState } from "../../../projections/index.ts";
import { action } from "../command-kit.ts";
import type { CommandContext } from "../command-kit.ts";
import { UsageError, asUsageError } from "../errors.ts";
import { withLog } from "../log-access.ts";
import type { EventLog } from "../../events/index.ts";

interface Target {
  pluginId: string;
  checksum: string;
  /** Held by policy before install (its gap is awaiting approval), rather than installed. */
  pending: boolean;
}

/** Finds the plugin an operator means: one a gap holds for approval, or an installed one. */
async function findTarget(log: EventLog, pluginId: string): Promise<{ target: Target; hub: HubState; keys: KeysState }> {
  const view = await createProjector({ log, projections: [hub, gaps, keys] }).catchUp();
  const hubState = view.states["hub"] as HubState;
  const keysState = view.states["keys"] as KeysState;
  const installed = hubState.plugins[pluginId];
  if (installed) return { target: { pluginId, checksum: String(installed.manifest["checksum"]), pending: false }, hub: hubState, keys: keysState };
  const held = Object.values((view.states["gaps"] as GapsState).gaps).find((g) => g.status === "awaiting_approval" && g.pluginId === pluginId);
  if (held) {
    const draft = await findEvent(log, subjectFor("gap", held.capability), "PluginDrafted", (d) => d.draftId === held.draftId);
    return { target: { pluginId, checksum: checksumOf(draft.code), pending: true }, hub: hubState, keys: keysState };
  }
  throw new UsageError("invalid_input", `no plugin ${pluginId} is installed or waiting for approval`, { nextStep: "Run capsmith plugin list, or capsmith events --filter 'capsmith.evt.gap.>' for held plugins." });
}

async function loadKey(ctx: CommandContext, name: string) {
  try {
    return await openKeyStore(ctx.options.data).load(name);
  } catch (err) {
    throw err instanceof HubError ? asUsageError(err) : err;
  }
}

export function registerPluginApprove(plugin: Command): void {
  plugin
    .command("approve")
    .description("approve a plugin as an operator (signed); a held one is then published, an installed one rises to T2")
    .argument("<id>", "plugin id (capability@version)")
    .requiredOption("--key <name>", "operator key to sign with")
    .option("--note <text>", "why")
    .action(
      action(async (ctx, pluginId: string, opts: { key: string; note?: string }) => {
        const key = await loadKey(ctx, opts.key);
        const result = await withLog(ctx, { readOnly: false }, async (log) => {
          const { target } = await findTarget(log, pluginId);
          return { ...(await approvePlugin(log, target, key, opts.note)), pending: target.pending };
        });
        const text = result.pending ? `approved ${pluginId}; the governor publishes it now` : `approved ${pluginId}; tier now ${result.tier}`;
        return { json: { ok: true, pluginId, ...result }, text };
      }),
    );

  plugin
    .command("reject")
    .description("reject a plugin policy holds for approval")
    .argument("<id>", "plugin id (capability@version)")
    .requiredOption("--reason <text>", "why")
    .action(
      action(async (ctx, pluginId: string, opts: { reason: string }) => {
        const seq = await withLog(ctx, { readOnly: false }, async (log) => {
          const { target } = await findTarget(log, pluginId);
          return (await rejectPlugin(log, target, [opts.reason])).seq;
        });
        return { json: { ok: true, pluginId, seq }, text: `rejected ${pluginId}` };
      }),
    );
}
