import type { Command } from "commander";
import { verifyLog } from "../../events/index.ts";
import { PROJECTION_NAMES } from "../../../projections/index.ts";
import type { ReadModel } from "../../../projections/index.ts";
import { auditSignatures, findForgedEvents } from "../../hub/index.ts";
import { parsePoint } from "../parse-point.ts";
import { action } from "../command-kit.ts";
import { withReader } from "../capsmith-access.ts";
import { UsageError } from "../errors.ts";
import { registerAuditAnchor, verifyWithAnchor } from "./audit-anchor.ts";
import { SUMMARIES } from "./summaries.ts";

export function registerAudit(program: Command): void {
  const audit = program.command("audit").description(SUMMARIES.audit);
  audit
    .command("verify")
    .description("walk the log and verify every hash chain, the heads the newest snapshot recorded, and signatures")
    .option("--policy <file>", "policy file (requireSignedEvents: unsigned decisions are forged too)")
    .option("--anchor <file>", "an anchor (capsmith audit anchor) to verify against: a FILE, or `nats` / a nats:// URL for the newest one on NATS (--to)")
    .option("--public-key <file>", "with --anchor: the operator public key to check its signature with (capsmith keys export)")
    .option("--full", "with --anchor: read the whole log and compare every record with the anchor", false)
    .option("--states", "also fold the whole log from scratch and compare every projection with the snapshot-based state (catches a forged snapshot)", false)
    .action(
      action(async (ctx, opts: { policy?: string; anchor?: string; publicKey?: string; full: boolean; states: boolean }) => {
        if (opts.anchor !== undefined) return verifyWithAnchor(ctx, { ...opts, anchor: opts.anchor });
        if (opts.publicKey !== undefined || opts.full) throw new UsageError("usage", "--public-key and --full go with --anchor FILE", { nextStep: "e.g. capsmith audit verify --anchor anchor.json --public-key operator.pub.json" });
        const { policy, chain, signatures, forged, snapshotStates } = await withReader(ctx, async ({ log, readModel, policy }) => {
          const chain = await verifyLog(log, await readModel.anchors());
          // Signatures are only meaningful over intact chains; records the readers quarantine (a
          // stray message on a subject any credential may publish) must not blind the rest of the audit.
          const states = chain.chainsIntact ? (await readModel.current(["hub", "keys"])).states : undefined;
          const forged = chain.chainsIntact ? await findForgedEvents(log, { requireSignedEvents: policy.requireSignedEvents }) : [];
          const snapshotStates = opts.states && chain.ok ? await compareWithScratch(readModel) : undefined;
          return { policy, chain, signatures: states ? auditSignatures(states.hub, states.keys) : undefined, forged, snapshotStates };
        }, { policyFile: opts.policy });
        const b = chain.firstBreak;
        const ok = chain.ok && (signatures?.invalid.length ?? 0) === 0 && forged.length === 0 && (snapshotStates?.differing.length ?? 0) === 0;
        const lines = [
          chain.ok
            ? `chain intact: ${chain.events} events in ${chain.records} records over ${chain.subjects} subjects; ${chain.anchorsChecked} anchored heads checked`
            : `chain BROKEN at ${b!.subject} seq ${b!.seq}: ${b!.problem}\n  expected ${b!.expected}\n  found    ${b!.found}`,
          ...(signatures ? [`signatures: ${signatures.checked} checked, ${signatures.invalid.length} invalid, ${signatures.revokedSince.length} by keys revoked since`] : []),
          ...(signatures?.invalid ?? []).map((f) => `  INVALID ${f.what} signature of ${f.pluginId} (key ${f.keyId ?? "?"}): [${f.code}] ${f.message}`),
          ...(forged.length ? [`forged events: ${forged.length} decision events whose signature, role or actor does not hold (projections ignore them${policy.requireSignedEvents ? "" : " when signed events are required"})`] : []),
          ...forged.map((f) => `  FORGED seq ${f.seq} ${f.type} on ${f.subject} by ${f.actor} (key ${f.keyId ?? "none"}): ${f.code}`),
          ...(snapshotStates ? [`states: ${snapshotStates.compared} projections at seq ${snapshotStates.seq} compared with a fold from scratch, ${snapshotStates.differing.length} differ`] : []),
          ...(snapshotStates?.differing ?? []).map((d) => `  DIFFERS ${d.projection}: snapshot-based ${d.snapshotBased.slice(0, 16)}, from scratch ${d.fromScratch.slice(0, 16)} (a snapshot in <data>/snapshots was changed: remove them)`),
        ];
        return { json: { ...chain, ok, ...(signatures ? { signatures } : {}), forged, ...(snapshotStates ? { states: snapshotStates } : {}) }, text: lines.join("\n"), exitCode: ok ? 0 : 1 };
      }),
    );
  registerAuditAnchor(audit);
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
        const state = await withReader(ctx, ({ readModel }) => readModel.state("audit"));
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

/** The snapshot-based state now against a fold of the log from its start to the same position. */
async function compareWithScratch(readModel: ReadModel): Promise<{ seq: number; compared: number; differing: { projection: string; snapshotBased: string; fromScratch: string }[] }> {
  const view = await readModel.current();
  const scratch = await readModel.asOf({ untilSeq: view.seq });
  const differing = PROJECTION_NAMES.filter((name) => scratch.hash(name) !== view.hash(name)).map((projection) => ({ projection, snapshotBased: view.hash(projection), fromScratch: scratch.hash(projection) }));
  return { seq: view.seq, compared: PROJECTION_NAMES.length, differing };
}

function parseSince(value: string | undefined): { seq?: number; time?: string } {
  const point = parsePoint(value, "--since");
  return { ...(point.untilSeq !== undefined ? { seq: point.untilSeq } : {}), ...(point.untilTime ? { time: point.untilTime } : {}) };
}
