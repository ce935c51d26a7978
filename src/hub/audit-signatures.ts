/**
 * The signature half of `audit verify`: every installed plugin's manifest signature and every
 * operator approval, checked against the trust store. A signature that does not verify is a finding;
 * one whose key was revoked since is reported apart, since it was good when it was made. Event
 * signatures: hub-changing events whose `sig` does not hold (forged with a stolen connection).
 */
import { PUBLISHER_ROLES } from "./keys.ts";
import { verifyApproval, verifyManifestSignature } from "./signature.ts";
import { ALL_EVENTS } from "../events/index.ts";
import type { EventLog } from "../events/index.ts";
import { HUB_CHANGING, applySignedTrust, checkEventSignature, keys } from "../../projections/index.ts";
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
    if (plugin.manifest["signature"]) record(plugin.id, "manifest", verifyManifestSignature(plugin.manifest, keys, { roles: PUBLISHER_ROLES }));
    const checksum = String(plugin.manifest["checksum"]);
    for (const a of plugin.approvals) record(plugin.id, "approval", verifyApproval({ pluginId: plugin.id, checksum, keyId: a.keyId, signature: a.signature }, keys));
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
 * Walks the log for hub-changing events signed badly: by an untrusted or revoked key, by a role not
 * allowed to make them, or not matching their hash. With signed events required, unsigned ones count
 * too, and only keys an operator's signature trusted are trusted (as the `signedHub` projection does).
 */
export async function findForgedEvents(log: EventLog, options: { requireSignedEvents: boolean }): Promise<ForgedEvent[]> {
  const trust: KeysState = keys.initial();
  const forged: ForgedEvent[] = [];
  for await (const event of log.read(ALL_EVENTS)) {
    if (event.type === "KeyTrusted" || event.type === "KeyRevoked") {
      if (options.requireSignedEvents) applySignedTrust(trust.keys, event);
      else keys.apply(trust, event);
      continue;
    }
    const roles = HUB_CHANGING[event.type];
    if (!roles) continue;
    const check = checkEventSignature(event, trust.keys, roles);
    if (check.ok || (check.code === "signature_missing" && !options.requireSignedEvents)) continue;
    forged.push({ seq: event.seq, type: event.type, subject: event.subject, actor: event.actor, keyId: check.keyId, code: check.code });
  }
  return forged;
}
