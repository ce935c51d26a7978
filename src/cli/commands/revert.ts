import type { Command } from "commander";
import { revertHub } from "../../hub/index.ts";
import { uuidIds } from "../../platform/index.ts";
import { action } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withHub } from "../hub-access.ts";
import { parsePoint } from "../parse-point.ts";

export function registerRevert(program: Command): void {
  program
    .command("revert")
    .description("undo every hub change after a point by appending compensating events")
    .requiredOption("--to <seq|time>", "record sequence or ISO time to return the hub to")
    .action(
      action(async (ctx, opts: { to: string }) => {
        const point = parsePoint(opts.to, "--to");
        if (point.untilSeq === undefined && point.untilTime === undefined) throw new UsageError("usage", "--to is required", { nextStep: "Use e.g. --to 120." });
        // withHub first finishes any stranded install, so the revert starts from a settled hub.
        const result = await withHub(ctx, undefined, (hub) => revertHub(hub.log, point, uuidIds));
        return { json: { ok: true, ...result }, text: `hub reverted to seq ${result.toSeq}: ${result.changes} compensating events (correlation ${result.correlationId})` };
      }),
    );
}
