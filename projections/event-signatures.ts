/**
 * Event signatures, for projections that must not trust a stolen connection: which event types change
 * the hub and which key roles may sign them, checking an event's `sig` (Ed25519 over its hash), and a
 * trust store in which only an operator's signature trusts or revokes a key. Pure: same events, same
 * answers (verification is computation, not I/O).
 */
import { createPublicKey, verify } from "node:crypto";
import type { AnyStoredEvent, EventData } from "../src/events/index.ts";
import type { KeyRole, TrustedKey } from "./keys.ts";

const GOVERNING: readonly KeyRole[] = ["governor", "operator"];

/** Events that change which plugin runs, or how far it is trusted, and the roles allowed to sign them. */
export const HUB_CHANGING: Readonly<Record<string, readonly KeyRole[]>> = {
  InstallStarted: GOVERNING,
  InstallPhaseCompleted: GOVERNING,
  PluginActivated: GOVERNING,
  PluginDeactivated: GOVERNING,
  InstallCommitted: GOVERNING,
  InstallRolledBack: GOVERNING,
  PluginUninstalled: GOVERNING,
  PluginQuarantined: GOVERNING,
  PluginStatusRestored: GOVERNING,
  PluginTierAssigned: GOVERNING,
  HubReverted: ["operator"],
  PluginApproved: ["operator"],
};

export type EventSignatureCode = "signature_missing" | "signature_untrusted" | "signature_invalid" | "key_revoked" | "role_not_allowed";

export type EventSignatureCheck = { ok: true; keyId: string } | { ok: false; code: EventSignatureCode; keyId: string | null };

/** Whether the event carries a good signature by a trusted, unrevoked key of one of `roles`. */
export function checkEventSignature(event: AnyStoredEvent, keys: Readonly<Record<string, TrustedKey>>, roles: readonly KeyRole[]): EventSignatureCheck {
  const sig = event.sig;
  if (!sig) return { ok: false, code: "signature_missing", keyId: null };
  const key = Object.hasOwn(keys, sig.keyId) ? keys[sig.keyId] : undefined;
  if (!key) return { ok: false, code: "signature_untrusted", keyId: sig.keyId };
  if (!verifies(event.hash, sig.value, key.publicKey)) return { ok: false, code: "signature_invalid", keyId: sig.keyId };
  if (key.revoked) return { ok: false, code: "key_revoked", keyId: sig.keyId };
  if (!roles.includes(key.role)) return { ok: false, code: "role_not_allowed", keyId: sig.keyId };
  return { ok: true, keyId: sig.keyId };
}

const KEY_ID = /^[0-9a-f]{16}$/;

/**
 * Folds KeyTrusted/KeyRevoked into `keys` when signed by a trusted operator key. The first operator
 * key bootstraps the store by signing its own KeyTrusted; a key may also revoke itself.
 */
export function applySignedTrust(keys: Record<string, TrustedKey>, event: AnyStoredEvent): void {
  if (event.type === "KeyTrusted") {
    const data = event.data as EventData<"KeyTrusted">;
    if (!KEY_ID.test(data.keyId) || keys[data.keyId]?.revoked) return;
    const bootstrap = data.role === "operator" && !Object.values(keys).some((k) => k.role === "operator" && !k.revoked);
    const self: Record<string, TrustedKey> = { [data.keyId]: candidate(data, event.seq) };
    if (!checkEventSignature(event, keys, ["operator"]).ok && !(bootstrap && checkEventSignature(event, self, ["operator"]).ok)) return;
    keys[data.keyId] = candidate(data, event.seq);
  } else if (event.type === "KeyRevoked") {
    const data = event.data as EventData<"KeyRevoked">;
    const existing = Object.hasOwn(keys, data.keyId) ? keys[data.keyId] : undefined;
    if (!existing || existing.revoked) return;
    const byOperator = checkEventSignature(event, keys, ["operator"]).ok;
    const bySelf = event.sig?.keyId === data.keyId && verifies(event.hash, event.sig.value, existing.publicKey);
    if (!byOperator && !bySelf) return;
    existing.revoked = true;
    existing.revokedSeq = event.seq;
    existing.revokedReason = data.reason;
  }
}

function candidate(data: EventData<"KeyTrusted">, seq: number): TrustedKey {
  return { publicKey: data.publicKey, name: data.name, role: data.role, revoked: false, trustedSeq: seq, revokedSeq: null, revokedReason: null };
}

function verifies(hash: string, value: string, publicKey: string): boolean {
  const bytes = Buffer.from(value, "base64url");
  if (bytes.length !== 64 || bytes.toString("base64url") !== value) return false;
  try {
    const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: publicKey }, format: "jwk" });
    return verify(null, Buffer.from(hash, "utf8"), key, bytes);
  } catch {
    return false;
  }
}
