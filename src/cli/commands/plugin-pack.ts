import type { Command } from "commander";
import { HubError } from "../../hub/errors.ts";
import { openKeyStore } from "../../hub/keys-store.ts";
import { packPlugin, readPluginDir, writePackage } from "../../hub/pack.ts";
import { action } from "../command-kit.ts";
import { UsageError, asUsageError } from "../errors.ts";
import { PLUGIN_SUMMARIES } from "./summaries.ts";

export function registerPluginPack(plugin: Command): void {
  plugin
    .command("pack")
    .description(PLUGIN_SUMMARIES.pack)
    .argument("<dir>", "the plugin directory")
    .requiredOption("-o, --out <file>", "the package file to write")
    .option("--sign <key>", "sign the manifest with this local key")
    .action(
      action(async (ctx, dir: string, opts: { out: string; sign?: string }) => {
        const pkg = await asUsage(async () => {
          const key = opts.sign === undefined ? undefined : await openKeyStore(ctx.config.dataDir).load(opts.sign);
          return packPlugin(await readPluginDir(dir), key ? { key } : {});
        });
        let bytes: number;
        try {
          bytes = await writePackage(opts.out, pkg);
        } catch (cause) {
          throw new UsageError("invalid_input", `cannot write ${opts.out}: ${(cause as Error).message}`, { cause, nextStep: "Choose a writable path for -o." });
        }
        const { id, checksum, signature } = pkg.manifest;
        const signedBy = signature?.keyId ?? null;
        return {
          json: { ok: true, file: opts.out, id, checksum, signedBy, bytes },
          text: `packed ${id} into ${opts.out} (${bytes} bytes, ${checksum}${signedBy ? `, signed by ${signedBy}` : ", unsigned"})`,
        };
      }),
    );
}

/** A directory, package or key that cannot be used is the person's input to fix: exit 2. */
async function asUsage<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof HubError && ["invalid_package", "key_not_found", "invalid_key"].includes(err.code)) {
      throw asUsageError(err);
    }
    throw err;
  }
}
