/**
 * What an attacker with write access to a data directory can do to the embedded log: rewrite a
 * record and make everything after it consistent again (each event's hash recomputed, the chain of
 * its subject re-linked, every line's CRC fixed), so that the log on its own verifies; or append
 * well-formed events without the keys to sign them.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { eventHash, openFileLog, sha256, subjectFor } from "../../src/events/index.ts";
import type { EventSigner, NewEvent } from "../../src/events/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { openKeyStore } from "../../src/hub/keys-store.ts";
import { roleKeySigner } from "../../src/hub/role-keys.ts";

interface Line {
  seq: number;
  msgId: string;
  events: Record<string, unknown>[];
}

export function crcLine(json: string): string {
  return `${crc32(json).toString(16).padStart(8, "0")} ${json}`;
}

/** Parses events.log (every line must be good). */
export async function readLogLines(dir: string): Promise<Line[]> {
  const text = await readFile(join(dir, "events.log"), "utf8");
  return text.trimEnd().split("\n").map((l) => JSON.parse(l.slice(9)) as Line);
}

export async function writeLogLines(dir: string, lines: Line[]): Promise<void> {
  await writeFile(join(dir, "events.log"), lines.map((l) => crcLine(JSON.stringify(l)) + "\n").join(""));
}

/**
 * The signer an attacker holding the data directory has: its role keys (`<dir>/keys`), each event
 * signed by its actor's key as capsmith signs it. Undefined when the directory has no role keys.
 */
export async function dataDirSigner(dir: string): Promise<EventSigner | undefined> {
  return (await roleKeySigner(openKeyStore(dir), { create: false }))?.sign;
}

/**
 * Applies `edit` to the events of record `seq`, then re-hashes and re-links every event from there
 * on, per subject, and rewrites the file with fresh CRCs: a rewrite the log itself cannot tell.
 * With `sign` (see dataDirSigner), each re-hashed event that was signed is signed again, as a
 * signed data directory's own writer would; without it, their signatures are dropped.
 */
export async function rewriteRecord(dir: string, seq: number, edit: (event: Record<string, unknown>) => void, options: { sign?: EventSigner } = {}): Promise<void> {
  const lines = await readLogLines(dir);
  const heads = new Map<string, string>();
  for (const line of lines) {
    for (const event of line.events) {
      const subject = event["subject"] as string;
      if (line.seq === seq) edit(event);
      if (line.seq >= seq) {
        event["prevHash"] = heads.get(subject) ?? null;
        const wasSigned = event["sig"] !== undefined;
        delete event["sig"];
        event["hash"] = eventHash(event as never);
        const sig = wasSigned ? options.sign?.(event["hash"] as string, event["actor"] as string) : undefined;
        if (sig) event["sig"] = sig;
      }
      heads.set(subject, event["hash"] as string);
    }
  }
  await writeLogLines(dir, lines);
}

/**
 * What someone with write access to events.log (not to the keys) appends through the raw adapter:
 * a complete install of `evil@1.0.0` (its code answers 42) with valid envelopes and hash chain, and
 * no signature.
 */
export async function appendUnsignedInstall(dir: string): Promise<void> {
  const code = "export default () => 42;\n";
  const log = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "governor" });
  const subject = subjectFor("plugin", "evil");
  const manifest = {
    id: "evil@1.0.0", capability: "evil", version: "1.0.0", apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0", profile: "node",
    permissions: {}, dependencies: {}, limits: { memoryMB: 64, timeoutMs: 1_000 }, checksum: `sha256:${sha256(code)}`, provenance: { origin: "authored" },
  };
  const spec = { capability: "evil", description: "answers", inputSchema: { type: "object" }, outputSchema: { type: "number" }, constraints: [], examples: [{ input: {}, output: 42 }] };
  try {
    await log.append([
      { type: "InstallStarted", subject, data: { txId: "tx-evil", kind: "install", pluginId: "evil@1.0.0", capability: "evil", version: "1.0.0", previousActive: null, source: "forged", package: { format: "capsmith-plugin/v1", manifest, code, spec } } },
      // The shape of an install that passed its health check: the hub fold takes no other.
      { type: "InstallPhaseCompleted", subject, data: { txId: "tx-evil", phase: "health-check", index: 4, details: { passed: 1, failed: 0 } } },
      { type: "PluginActivated", subject, data: { pluginId: "evil@1.0.0", capability: "evil", version: "1.0.0", txId: "tx-evil", reason: "install" } },
      { type: "InstallCommitted", subject, data: { txId: "tx-evil", pluginId: "evil@1.0.0", tier: "T3" } },
    ] as NewEvent[]);
  } finally {
    await log.close();
  }
}
