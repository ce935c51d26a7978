/**
 * The signature half of `audit verify`: every installed plugin's manifest signature and every
 * operator approval, checked against the trust store. A signature that does not verify is a finding;
 * one whose key was revoked since is reported apart, since it was good when it was made. Event
 * signatures: decision events whose `sig`, role or actor does not hold (forged with a stolen connection).
 */
import { PUBLISHER_ROLES } from "./keys.ts";
import { verifyManifestSignature, verifyPluginApproval } from "./signature.ts";
import { ALL_EVENTS } from "../events/index.ts";
import type { EventLog } from "../events/index.ts";
import { applySignedTrust, checkDecision, keys } from "../../projections/index.ts";
import type { EventSignatureCode, HubState, KeysState } from "../../projections/index.ts";

export interface SignatureFinding {
  pluginId: string;
  what: "manifest" | "approval";
  keyId: string | null;
  code: string;
  message: string;
}

export interface SignatureAudit {
  checked: number;
  invalid: SignatureFinding[];
  revokedSince: SignatureFinding[];
}

export function auditSignatures(hub: HubState, keys: KeysState): SignatureAudit {
  const result: SignatureAudit = { checked: 0, invalid: [], revokedSince: [] };
  const record = (pluginId: string, what: SignatureFinding["what"], check: ReturnType<typeof verifyManifestSignature>): void => {
    result.checked++;
    if (check.ok) return;
    const finding = { pluginId, what, keyId: check.keyId, code: check.code, message: check.message };
    (check.code === "key_revoked" ? result.revokedSince : result.invalid).push(finding);
  };
  for (const plugin of Object.values(hub.plugins)) {
    const signer = (plugin.manifest["signature"] as { keyId?: string } | undefined)?.keyId;
    const key = signer !== undefined && Object.hasOwn(keys.keys, signer) ? keys.keys[signer] : undefined;
    if (plugin.status === "active" && key?.revoked && plugin.tier !== "T0") {
      result.invalid.push({ pluginId: plugin.id, what: "manifest", keyId: signer ?? null, code: "key_revoked", message: `${plugin.id} is active at ${plugin.tier} on the signature of key ${signer ?? "?"}, which was revoked` });
    }
    if (plugin.manifest["signature"]) record(plugin.id, "manifest", verifyManifestSignature(plugin.manifest, keys, { roles: PUBLISHER_ROLES, contents: { spec: plugin.spec, testReport: plugin.testReport } }));
    for (const a of plugin.approvals) record(plugin.id, "approval", verifyPluginApproval(plugin, a, keys));
  }
  return result;
}

/** A hub-changing event whose signature does not hold: what `audit verify` lists as forged. */
export interface ForgedEvent {
  seq: number;
  type: string;
  subject: string;
  actor: string;
  keyId: string | null;
  code: EventSignatureCode;
}

/**
 * Walks the log for decision events (src/events/write-rules.ts) signed badly: by an untrusted or
 * revoked key, by a role not allowed to make them, with an actor that is not the key's role, or not
 * matching their hash. With signed events required, unsigned ones count too, and only keys an
 * operator's signature trusted are trusted (as the signed read model does); key events that the
 * signed trust store did not take are listed as well.
 */
export async function findForgedEvents(log: EventLog, options: { requireSignedEvents: boolean }): Promise<ForgedEvent[]> {
  const trust: KeysState = keys.initial();
  const forged: ForgedEvent[] = [];
  const flag = (event: { seq: number; type: string; subject: string; actor: string }, keyId: string | null, code: EventSignatureCode): void => {
    forged.push({ seq: event.seq, type: event.type, subject: event.subject, actor: event.actor, keyId, code });
  };
  for await (const event of log.read(ALL_EVENTS)) {
    if (event.type === "KeyTrusted" || event.type === "KeyRevoked") {
      if (!options.requireSignedEvents) {
        keys.apply(trust, event);
        continue;
      }
      const keyId = (event.data as { keyId: string }).keyId;
      const before = Object.hasOwn(trust.keys, keyId) ? { ...trust.keys[keyId]! } : undefined;
      applySignedTrust(trust.keys, event);
      const after = Object.hasOwn(trust.keys, keyId) ? trust.keys[keyId] : undefined;
      const taken = event.type === "KeyTrusted" ? after?.trustedSeq === event.seq || before?.revoked === true : after?.revokedSeq === event.seq || !before || before.revoked;
      if (!taken) flag(event, event.sig?.keyId ?? null, event.sig ? "signature_untrusted" : "signature_missing");
      continue;
    }
    const check = checkDecision(event, trust.keys);
    if (check.ok || (check.code === "signature_missing" && !options.requireSignedEvents)) continue;
    flag(event, check.keyId, check.code);
  }
  return forged;
}
