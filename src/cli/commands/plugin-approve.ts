import type { Command } from "commander";
import { HubError, approvalCandidate, approvePlugin, openKeyStore, rejectPlugin } from "../../hub/index.ts";
import type { ApprovalCandidate, SigningKey } from "../../hub/index.ts";
import type { ReadModel } from "../../../projections/index.ts";
import { action } from "../command-kit.ts";
import type { CommandContext } from "../command-kit.ts";
import { asUsageError } from "../errors.ts";
import { withCapsmith } from "../capsmith-access.ts";
import { PLUGIN_SUMMARIES } from "./summaries.ts";

/** The plugin an operator means: one a gap holds for approval, or an installed one. */
async function findTarget(readModel: ReadModel, pluginId: string): Promise<ApprovalCandidate> {
  try {
    return await approvalCandidate(readModel, pluginId);
  } catch (err) {
    throw err instanceof HubError ? asUsageError(err) : err;
  }
}

async function loadKey(ctx: CommandContext, name: string): Promise<SigningKey> {
  try {
    return await openKeyStore(ctx.config.dataDir).load(name);
  } catch (err) {
    throw err instanceof HubError ? asUsageError(err) : err;
  }
}

/** What the approval changed, for a person. */
function approvedText(pluginId: string, r: { pending: boolean; tier: string | null; refusedFrom: string | undefined; checksum: string }): string {
  if (r.pending) return `approved ${pluginId}; the governor publishes it now`;
  if (r.refusedFrom !== undefined) return `approved ${pluginId} (${r.checksum}), the package its install refused as a trust downgrade\nnext step: ${installAgain(r.refusedFrom)}`;
  return `approved ${pluginId}; tier now ${r.tier}`;
}

/** The approval covers that exact package (its checksum): installing the same file again now passes. */
function installAgain(source: string): string {
  const file = source.startsWith("file:") ? source.slice("file:".length) : "FILE";
  return `install it again: capsmith plugin install ${/^[\w@%+=:,./-]+$/.test(file) ? file : `'${file.replaceAll("'", "'\\''")}'`}`;
}

export function registerPluginApprove(plugin: Command): void {
  plugin
    .command("approve")
    .description(PLUGIN_SUMMARIES.approve)
    .argument("<id>", "plugin id (capability@version)")
    .requiredOption("--key <name>", "operator key to sign with")
    .option("--note <text>", "why")
    .action(
      action(async (ctx, pluginId: string, opts: { key: string; note?: string }) => {
        const key = await loadKey(ctx, opts.key);
        const result = await withCapsmith(ctx, {}, async ({ log, readModel }) => {
          const target = await findTarget(readModel, pluginId);
          return { ...(await approvePlugin(log, readModel, target, key, opts.note)), pending: target.pending, refusedFrom: target.refusedFrom, checksum: target.checksum };
        });
        const { refusedFrom, checksum, ...approved } = result;
        const json = { ok: true, pluginId, ...approved, ...(refusedFrom !== undefined ? { checksum, nextStep: installAgain(refusedFrom) } : {}) };
        return { json, text: approvedText(pluginId, result) };
      }),
    );

  plugin
    .command("reject")
    .description(PLUGIN_SUMMARIES.reject)
    .argument("<id>", "plugin id (capability@version)")
    .requiredOption("--reason <text>", "why")
    .action(
      action(async (ctx, pluginId: string, opts: { reason: string }) => {
        const seq = await withCapsmith(ctx, {}, async ({ log, readModel }) => {
          const target = await findTarget(readModel, pluginId);
          return (await rejectPlugin(log, target, [opts.reason])).seq;
        });
        return { json: { ok: true, pluginId, seq }, text: `rejected ${pluginId}` };
      }),
    );
}
