import { join } from "node:path";
import type { Command } from "commander";
import { verifyLog } from "../../events/index.ts";
import { audit as auditProjection, createProjector, fileCheckpointStore } from "../../../projections/index.ts";
import type { AuditState } from "../../../projections/index.ts";
import { parsePoint } from "../parse-point.ts";
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
  registerAuditTrail(audit);
}

export function registerAuditTrail(audit: Command): void {
  audit
    .command("trail")
    .description("who did what to which plugin or key, when and why, in order")
    .option("--plugin <id>", "only entries about this plugin (id or capability)")
    .option("--since <seq|time>", "only entries from this record sequence or ISO time on")
    .action(
      action(async (ctx, opts: { plugin?: string; since?: string }) => {
        const since = parseSince(opts.since);
        const state = await withLog(ctx, { readOnly: true }, async (log) => {
          const view = await createProjector({ log, projections: [auditProjection] }).catchUp();
          return view.states["audit"] as AuditState;
        });
        const entries = state.entries.filter(
          (e) =>
            (!opts.plugin || e.pluginId === opts.plugin || e.pluginId?.startsWith(`${opts.plugin}@`) || e.subject.endsWith(`.${opts.plugin}`)) &&
            (since.seq === undefined || e.seq >= since.seq) &&
            (since.time === undefined || e.time >= since.time),
        );
        const text = entries.length === 0 ? "no audit entries" : entries.map((e) => `${String(e.seq).padStart(6)}  ${e.time}  ${e.actor}${e.keyId ? ` (key ${e.keyId})` : ""}  ${e.what}`).join("\n");
        return { json: { ok: true, entries }, text };
      }),
    );
}

function parseSince(value: string | undefined): { seq?: number; time?: string } {
  const point = parsePoint(value, "--since");
  return { ...(point.untilSeq !== undefined ? { seq: point.untilSeq } : {}), ...(point.untilTime ? { time: point.untilTime } : {}) };
}
