import { join } from "node:path";
import type { Command } from "commander";
import { verifyLog } from "../../events/index.ts";
import { fileCheckpointStore } from "../../../projections/index.ts";
import { action } from "../command-kit.ts";
import { withLog } from "../log-access.ts";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("check and read the audit trail");
  audit
    .command("verify")
    .description("walk the log and verify every hash chain and the anchors kept in checkpoints")
    .action(
      action(async (ctx) => {
        const report = await withLog(ctx, { readOnly: true }, async (log) => {
          const anchors = await fileCheckpointStore(join(ctx.options.data, "checkpoints", log.kind)).loadAnchors();
          return verifyLog(log, anchors);
        });
        const b = report.firstBreak;
        const text = report.ok
          ? `chain intact: ${report.events} events in ${report.records} records over ${report.subjects} subjects; ${report.anchorsChecked} anchored heads checked`
          : `chain BROKEN at ${b!.subject} seq ${b!.seq}: ${b!.problem}\n  expected ${b!.expected}\n  found    ${b!.found}`;
        return { json: { ...report }, text, exitCode: report.ok ? 0 : 1 };
      }),
    );
}
