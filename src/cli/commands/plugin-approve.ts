import type { Command } from "commander";
import { HubError, approvalCandidate, approvePlugin, checksumOf, openKeyStore, packageDigest, parsePluginPackage, rejectPlugin, rejectionTarget } from "../../hub/index.ts";
import type { SigningKey } from "../../hub/index.ts";
import type { ReadModel } from "../../../projections/index.ts";
import { action, readJsonFile } from "../command-kit.ts";
import type { CommandContext } from "../command-kit.ts";
import { UsageError, asUsageError } from "../errors.ts";
import { withCapsmith } from "../capsmith-access.ts";
import { PLUGIN_SUMMARIES } from "./summaries.ts";

/** A file name as a shell word. */
function shellWord(file: string): string {
  return /^[\w@%+=:,./-]+$/.test(file) ? file : `'${file.replaceAll("'", "'\\''")}'`;
}

/** The plugin an operator means (`find`: approvalCandidate or rejectionTarget); naming none is the person's to fix. */
async function findTarget<T>(find: (readModel: ReadModel, id: string) => Promise<T>, readModel: ReadModel, pluginId: string): Promise<T> {
  try {
    return await find(readModel, pluginId);
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

/**
 * The exact package in the operator's hands (`--package FILE`), for an install refused as a
 * `trust_downgrade`: the approval signs the package's digest (packageDigest: the code's checksum,
 * the rest of the manifest, the spec and the test report), computed from that file, never read back
 * from the log, so what is approved is what the operator has, all of it. A package whose manifest
 * states another checksum than its code's was altered after packing and is refused.
 */
async function packageTarget(file: string, pluginId: string | undefined): Promise<{ pluginId: string; checksum: string; pending: false }> {
  const rawPackage = await readJsonFile(file, "plugin package");
  let pkg;
  try {
    pkg = parsePluginPackage(rawPackage);
  } catch (err) {
    throw err instanceof HubError ? asUsageError(err, "invalid_input", file) : err;
  }
  const { manifest, code } = pkg;
  const checksum = checksumOf(code);
  if (manifest.checksum !== checksum) {
    throw new UsageError("invalid_input", `${file}: its manifest states checksum ${manifest.checksum}, but its code hashes to ${checksum}: it was changed after packing`, {
      nextStep: "Approve only a package you can vouch for: pack it again from its source with capsmith plugin pack DIR -o FILE.",
      details: { reason: "checksum_mismatch" },
    });
  }
  if (pluginId !== undefined && pluginId !== manifest.id) {
    throw new UsageError("usage", `${file} is ${manifest.id}, not ${pluginId}`, { nextStep: `Give the package's own id (${manifest.id}), or leave the id out with --package.` });
  }
  const raw = rawPackage as { manifest: Record<string, unknown>; spec: unknown; testReport?: unknown };
  return { pluginId: manifest.id, checksum: packageDigest(raw.manifest, { spec: raw.spec, testReport: raw.testReport }), pending: false };
}

export function registerPluginApprove(plugin: Command): void {
  plugin
    .command("approve")
    .description(PLUGIN_SUMMARIES.approve)
    .argument("[id]", "plugin id (capability@version); with --package, optional")
    .requiredOption("--key <name>", "operator key to sign with")
    .option("--package <file>", "approve this exact package file (its digest: code, manifest, spec, test report), so that installing it passes trust_downgrade")
    .option("--note <text>", "why")
    .action(
      action(async (ctx, id: string | undefined, opts: { key: string; note?: string; package?: string }) => {
        if (id === undefined && opts.package === undefined) {
          throw new UsageError("usage", "plugin approve needs a plugin id, or --package FILE", { nextStep: "See what waits with capsmith plugin list; ids look like total_cost@1.0.0." });
        }
        const file = opts.package;
        const packaged = file === undefined ? undefined : await packageTarget(file, id);
        const key = await loadKey(ctx, opts.key);
        const result = await withCapsmith(ctx, {}, async ({ log, readModel }) => {
          const target = packaged ?? (await findTarget(approvalCandidate, readModel, id!));
          return { ...(await approvePlugin(log, readModel, target, key, opts.note)), pending: target.pending };
        });
        if (packaged && file !== undefined) {
          const nextStep = `install it: capsmith plugin install ${shellWord(file)}`;
          return {
            json: { ok: true, pluginId: packaged.pluginId, digest: packaged.checksum, ...result, nextStep },
            text: `approved ${packaged.pluginId}, exactly the package in ${file} (${packaged.checksum})\nnext step: ${nextStep}`,
          };
        }
        const text = result.pending ? `approved ${id}; the governor publishes it now` : result.tier ? `approved ${id}; tier now ${result.tier}` : `approved ${id}`;
        return { json: { ok: true, pluginId: id, ...result }, text };
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
          const target = await findTarget(rejectionTarget, readModel, pluginId);
          return (await rejectPlugin(log, target, [opts.reason])).seq;
        });
        return { json: { ok: true, pluginId, seq }, text: `rejected ${pluginId}` };
      }),
    );
}
