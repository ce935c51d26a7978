import { join } from "node:path";
import type { Command } from "commander";
import { verifyLog } from "../../events/index.ts";
import { auditSignatures, findForgedEvents, loadHubSnapshot } from "../../hub/index.ts";
import { audit as auditProjection, createProjector, fileCheckpointStore } from "../../../projections/index.ts";
import type { AuditState } from "../../../projections/index.ts";
import { parsePoint } from "../parse-point.ts";
import { action } from "../command-kit.ts";
import { policyFor } from "../hub-access.ts";
import { withLog } from "../log-access.ts";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description("check and read the audit trail");
  audit
    .command("verify")
    .description("walk the log and verify every hash chain, the anchors kept in checkpoints, and signatures")
    .option("--policy <file>", "policy file (requireSignedEvents: unsigned hub changes are forged too)")
    .action(
      action(async (ctx, opts: { policy?: string }) => {
        const policy = await policyFor(ctx, opts.policy);
        const { chain, signatures, forged } = await withLog(ctx, { readOnly: true }, async (log) => {
          const anchors = await fileCheckpointStore(join(ctx.options.data, "checkpoints", log.kind)).loadAnchors();
          const chain = await verifyLog(log, anchors);
          // Signatures are only meaningful over an intact chain.
          const snapshot = chain.ok ? await loadHubSnapshot(log) : undefined;
          const forged = chain.ok ? await findForgedEvents(log, { requireSignedEvents: policy.requireSignedEvents }) : [];
          return { chain, signatures: snapshot ? auditSignatures(snapshot.hub, snapshot.keys) : undefined, forged };
        });
        const b = chain.firstBreak;
        const ok = chain.ok && (signatures?.invalid.length ?? 0) === 0 && forged.length === 0;
        const lines = [
          chain.ok
            ? `chain intact: ${chain.events} events in ${chain.records} records over ${chain.subjects} subjects; ${chain.anchorsChecked} anchored heads checked`
            : `chain BROKEN at ${b!.subject} seq ${b!.seq}: ${b!.problem}\n  expected ${b!.expected}\n  found    ${b!.found}`,
          ...(signatures ? [`signatures: ${signatures.checked} checked, ${signatures.invalid.length} invalid, ${signatures.revokedSince.length} by keys revoked since`] : []),
          ...(signatures?.invalid ?? []).map((f) => `  INVALID ${f.what} signature of ${f.pluginId} (key ${f.keyId ?? "?"}): [${f.code}] ${f.message}`),
          ...(forged.length ? [`forged events: ${forged.length} hub-changing events whose signature does not hold (projections ignore them${policy.requireSignedEvents ? "" : " when signed events are required"})`] : []),
          ...forged.map((f) => `  FORGED seq ${f.seq} ${f.type} on ${f.subject} by ${f.actor} (key ${f.keyId ?? "none"}): ${f.code}`),
        ];
        return { json: { ...chain, ok, ...(signatures ? { signatures } : {}), forged }, text: lines.join("\n"), exitCode: ok ? 0 : 1 };
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
