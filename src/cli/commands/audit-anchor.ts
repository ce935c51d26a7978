/**
 * `capsmith audit anchor` writes a signed statement of the log's heads; `audit verify --anchor FILE`
 * checks a log against one. Keep the anchor (and the operator's public key) somewhere the data
 * directory's owner cannot write: that copy is what a rewrite of the whole directory cannot match.
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { EventLogError, readAnchorFile, verifyAgainstAnchor } from "../../events/index.ts";
import type { AnchorCheck, AnchorFile, LogIdentity } from "../../events/index.ts";
import type * as NatsAnchors from "../../events/nats-anchor-store.ts";
import type { NatsAnchorTarget } from "../../events/nats-anchor-store.ts";
import { DEFAULT_ANCHOR_KEY, anchorNow, checkAnchorSignature, loadAnchorKey } from "../../app/anchors.ts";
import { auditSignatures, findForgedEvents } from "../../hub/index.ts";
import type { ReadModel } from "../../../projections/index.ts";
import { action } from "../command-kit.ts";
import type { CommandContext, CommandResult } from "../command-kit.ts";
import { withReader } from "../capsmith-access.ts";
import { UsageError } from "../errors.ts";

export function registerAuditAnchor(audit: Command): void {
  audit
    .command("anchor")
    .description("write a signed statement of the log's heads (operator key) to <data>/anchors and --out FILE; keep a copy elsewhere")
    .option("--out <file>", "also write the anchor here (somewhere the data directory's owner cannot write)")
    .option("--to <target>", "also append the anchor to a NATS stream of anchors: `nats` (the log's server) or a nats:// URL (another server or account)")
    .option("--key <name>", "operator key of <data>/keys to sign with", DEFAULT_ANCHOR_KEY)
    .action(
      action(async (ctx, opts: { out?: string; to?: string; key: string }) => {
        const target = opts.to === undefined ? undefined : natsTarget(ctx, opts.to, "--to");
        return withReader(ctx, async ({ log, keys, clock }) => {
          const key = await loadAnchorKey(keys, opts.key);
          const { anchor, file, incremental } = await anchorNow(log, key, { dataDir: ctx.config.dataDir, clock, ...(opts.out ? { out: opts.out } : {}) });
          const published = target ? await (await natsAnchors()).publishNatsAnchor(target, anchor) : undefined;
          const s = anchor.statement;
          const json = {
            ok: true, file, ...(opts.out ? { out: opts.out } : {}), ...(published ? { nats: published } : {}),
            incremental, seq: s.seq, lastHash: s.lastHash, subjects: Object.keys(s.heads).length, events: s.events, keyId: anchor.signature.keyId, time: s.time, log: s.log.id,
          };
          const text = [
            `anchored ${s.log.kind} log at seq ${s.seq} (${s.events} events, ${json.subjects} subject heads), signed by ${opts.key} (${anchor.signature.keyId})${incremental ? ", read from the previous anchor on" : ""}`,
            `  written to ${file}${opts.out ? ` and ${opts.out}` : ""}`,
            ...(published ? [`  appended to NATS stream ${published.stream} (${published.subject}, #${published.streamSeq}); verify with --anchor ${opts.to}`] : []),
            ...(opts.out || published ? [] : ["  keep a copy outside the data directory (--out FILE or --to nats): an anchor inside it proves nothing against whoever can rewrite it"]),
          ].join("\n");
          return { json, text };
        });
      }),
    );
}

/** `--to`/`--anchor` naming NATS: `nats` is the log's own server (needs --nats), a URL another one. */
export function isNatsAnchorSpec(value: string): boolean {
  return value === "nats" || /^(nats|tls|wss?):\/\//.test(value);
}

function natsTarget(ctx: CommandContext, value: string, flag: string): NatsAnchorTarget {
  if (!isNatsAnchorSpec(value)) throw new UsageError("usage", `${flag} takes \`nats\` or a nats:// URL, not "${value}"`, { nextStep: `e.g. ${flag} nats (the log's own server) or ${flag} nats://anchors.example:4222` });
  const namespace = ctx.config.namespace;
  if (value !== "nats") return { url: value, ...(namespace ? { namespace } : {}) };
  if (!ctx.config.nats) throw new UsageError("usage", `${flag} nats needs a log on NATS (--nats URL or CAPSMITH_NATS_URL)`, { nextStep: `Give --nats URL, or name the server: ${flag} nats://HOST:4222.` });
  return { url: ctx.config.nats.url, ...(namespace ? { namespace } : {}), ...(ctx.config.nats.replicas ? { replicas: ctx.config.nats.replicas } : {}) };
}

/** The NATS client is loaded only by commands that use it. */
const natsAnchors = (): Promise<typeof NatsAnchors> => import("../../events/nats-anchor-store.ts");

/** The anchor `--anchor` names: a file, or the newest of this log's anchors on NATS. */
async function loadAnchor(ctx: CommandContext, spec: string, log: LogIdentity): Promise<{ anchor: AnchorFile; from: string }> {
  if (!isNatsAnchorSpec(spec)) return { anchor: await readAnchorFile(spec), from: spec };
  const found = await (await natsAnchors()).latestNatsAnchor(natsTarget(ctx, spec, "--anchor"), log);
  if (!found) {
    throw new EventLogError("anchor_missing", `no anchor of the ${log.kind} log ${log.location} on NATS`, {
      nextStep: "Anchor it first (capsmith audit anchor --to nats). If anchors were written there before, the anchor stream was deleted: treat the log as unverified.",
      details: { log: log.id },
    });
  }
  return { anchor: found.anchor, from: `${found.stream} #${found.streamSeq}` };
}

export async function verifyWithAnchor(ctx: CommandContext, opts: { anchor: string; publicKey?: string; full: boolean; policy?: string }): Promise<CommandResult> {
  const fromFile = isNatsAnchorSpec(opts.anchor) ? undefined : await readAnchorFile(opts.anchor);
  const publicKeyFile = opts.publicKey === undefined ? undefined : { text: await readKeyFile(opts.publicKey), what: opts.publicKey };
  return withReader(ctx, async ({ log, keys, readModel, policy }) => {
    const { anchor, from } = fromFile ? { anchor: fromFile, from: opts.anchor } : await loadAnchor(ctx, opts.anchor, await log.identity());
    const trusted = () => readModel.state("keys");
    const signer = await checkAnchorSignature(anchor, { keys, trusted, ...(publicKeyFile ? { publicKeyFile } : {}) });
    let check = await verifyAgainstAnchor(log, anchor.statement, { full: opts.full });
    if (check.ok && check.mode === "incremental" && (await droppedBefore(readModel, anchor.statement.seq))) {
      // The incremental check trusts the records before the anchor; the read model, folding them,
      // found one it could not apply (unreadable, or edited with its stored hash kept): walk it all.
      check = await verifyAgainstAnchor(log, anchor.statement, { full: true });
    }
    // Quarantined records (reported, skipped by readers) do not stop the signature audit.
    const states = check.chainsIntact ? (await readModel.current(["hub", "keys"])).states : undefined;
    const signatures = states ? auditSignatures(states.hub, states.keys) : undefined;
    // The forged-event scan reads the whole log: part of a full verify, not of an incremental one.
    const forged = check.chainsIntact && check.mode === "full" ? await findForgedEvents(log, { requireSignedEvents: policy.requireSignedEvents }) : [];
    const ok = check.ok && (signatures?.invalid.length ?? 0) === 0 && forged.length === 0;
    const s = anchor.statement;
    const lines = [
      `anchor (${from}): ${s.log.kind} log at seq ${s.seq}, taken ${s.time}, signed by key ${signer.keyId} (trusted: ${signer.trustedBy})`,
      ...(signer.trustedBy === "public-key file" ? [] : ["  note: that key was found in the data directory or the log itself; --public-key with your own copy is independent of both"]),
      ...checkLines(check),
      ...(signatures ? [`signatures: ${signatures.checked} checked, ${signatures.invalid.length} invalid, ${signatures.revokedSince.length} by keys revoked since`] : []),
      ...(signatures?.invalid ?? []).map((f) => `  INVALID ${f.what} signature of ${f.pluginId} (key ${f.keyId ?? "?"}): [${f.code}] ${f.message}`),
      ...forged.map((f) => `  FORGED seq ${f.seq} ${f.type} on ${f.subject} by ${f.actor} (key ${f.keyId ?? "none"}): ${f.code}`),
    ];
    return {
      json: { ...check, ok, ...(check.difference ? { code: "anchor_mismatch" } : {}), anchor: { file: from, seq: s.seq, time: s.time, keyId: signer.keyId, trustedBy: signer.trustedBy, log: s.log.id }, ...(signatures ? { signatures } : {}), forged },
      text: lines.join("\n"),
      exitCode: ok ? 0 : 1,
    };
  });
}

function checkLines(check: AnchorCheck): string[] {
  const d = check.difference;
  const lines = d
    ? [`log DIFFERS from the anchor [anchor_mismatch] at seq ${d.seq}${d.subject ? ` (${d.subject})` : ""}: ${d.problem}`, `  expected ${d.expected}`, `  found    ${d.found}`, `  ${d.detail}`]
    : [check.mode === "incremental"
      ? `log matches the anchor: ${check.headsChecked} anchored heads re-read, ${check.records} records from the anchor's last block on checked, ${check.events} events after it verified (to seq ${check.logSeq})`
      : `log matches the anchor: all ${check.records} records compared, ${check.events} events verified (to seq ${check.logSeq})`];
  const b = check.firstBreak;
  if (b) lines.push(`chain BROKEN at ${b.subject} seq ${b.seq}: ${b.problem}`, `  expected ${b.expected}`, `  found    ${b.found}`);
  for (const q of check.quarantined) lines.push(`  QUARANTINED seq ${q.seq}${q.offset !== undefined ? ` (offset ${q.offset})` : ""}${q.subject ? ` on ${q.subject}` : ""}: ${q.reason}: ${q.message}`);
  return lines;
}

async function readKeyFile(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (cause) {
    throw new UsageError("file_not_found", `cannot read the public key ${file}`, { cause, nextStep: "Export the operator key with capsmith keys export NAME --out FILE and give that file." });
  }
}

/** Whether the read model, caught up, left out a record at or before `seq` (see verifyWithAnchor). */
async function droppedBefore(readModel: ReadModel, seq: number): Promise<boolean> {
  await readModel.current(["keys"]);
  return readModel.quarantined().some((q) => q.seq <= seq);
}
