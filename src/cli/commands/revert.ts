import type { Command } from "commander";
import { HubError, describeRevert, revertHub } from "../../hub/index.ts";
import { uuidIds } from "../../platform/index.ts";
import { action } from "../command-kit.ts";
import { UsageError, asUsageError } from "../errors.ts";
import { withCapsmith } from "../capsmith-access.ts";
import { parsePoint } from "../parse-point.ts";
import { SUMMARIES } from "./summaries.ts";

export function registerRevert(program: Command): void {
  program
    .command("revert")
    .description(SUMMARIES.revert)
    .requiredOption("--to <seq|time>", "record sequence or ISO time to return the hub to")
    .action(
      action(async (ctx, opts: { to: string }) => {
        const point = parsePoint(opts.to, "--to");
        if (point.untilSeq === undefined && point.untilTime === undefined) throw new UsageError("usage", "--to is required", { nextStep: "Use e.g. --to 120." });
        // No lease watcher: an open install is the revert's to roll back (revertHub), not one to
        // finish beside it, which would activate what the revert undoes.
        const result = await withCapsmith(ctx, {}, async ({ log, readModel }) => {
          try {
            return await revertHub(log, readModel, point, uuidIds);
          } catch (err) {
            throw err instanceof HubError && err.code === "invalid_point" ? asUsageError(err, "usage") : err;
          }
        });
        return { json: { ok: true, ...result }, text: describeRevert(result) };
      }),
    );
}
