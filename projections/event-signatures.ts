/**
 * Event signatures, for projections that must not trust a stolen connection: which event types change
 * the hub and which key roles may sign them, checking an event's `sig` (Ed25519 over its hash), and a
 * trust store in which only an operator's signature trusts or revokes a key. Pure: same events, same
 * answers (verification is computation, not I/O).
 */
import { createPublicKey, hash, verify } from "node:crypto";
import { DECISION_RULES, decisionWriters, subjectFor } from "../src/events/index.ts";
import type { AnyStoredEvent, EventData } from "../src/events/index.ts";
import type { KeyRole, TrustedKey } from "./keys.ts";

const HUB_TYPES = new Set([
  "InstallStarted", "InstallPhaseCompleted", "PluginActivated", "PluginDeactivated", "InstallCommitted", "InstallRolledBack",
  "PluginUninstalled", "PluginQuarantined", "PluginStatusRestored", "PluginTierAssigned", "HubReverted", "PluginApproved",
]);

/**
 * Events that change which plugin runs, or how far it is trusted, and the roles allowed to sign them
 * (the hub half of src/events/write-rules.ts, kept under its old name).
 */
export const HUB_CHANGING: Readonly<Record<string, readonly KeyRole[]>> = Object.fromEntries(
  Object.entries(DECISION_RULES).filter(([type]) => HUB_TYPES.has(type)),
) as Record<string, readonly KeyRole[]>;

export type EventSignatureCode = "signature_missing" | "signature_untrusted" | "signature_invalid" | "key_revoked" | "role_not_allowed" | "actor_mismatch";

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

/**
 * Whether a decision event counts: signed by a trusted, unrevoked key of a role the write rules
 * allow for its type, with its `actor` naming that key's role (a governor's install says governor).
 * Events that decide nothing always count. Pure, like the trust store it reads.
 */
export function checkDecision(event: AnyStoredEvent, keys: Readonly<Record<string, TrustedKey>>): EventSignatureCheck {
  const roles = decisionWriters(event.type);
  if (!roles) return { ok: true, keyId: event.sig?.keyId ?? "" };
  const check = checkEventSignature(event, keys, roles as readonly KeyRole[]);
  if (!check.ok) return check;
  if (keys[check.keyId]!.role !== event.actor) return { ok: false, code: "actor_mismatch", keyId: check.keyId };
  return check;
}

/** What a gated projection keeps beside its own state: the operator-signed trust store, and what it ignored. */
export interface Gated {
  trust?: Record<string, TrustedKey>;
  ignored?: number;
}

/**
 * The gate of a projection that must not trust a stolen connection: folds key trust (operator
 * signed only) and answers whether the event may be applied. KeyTrusted/KeyRevoked are for the
 * caller to apply too, after the gate has folded them.
 */
export function passesGate(state: Gated, event: AnyStoredEvent): boolean {
  const trust = (state.trust ??= {});
  if (event.type === "KeyTrusted" || event.type === "KeyRevoked") {
    applySignedTrust(trust, event);
    return true;
  }
  if (checkDecision(event, trust).ok) return true;
  state.ignored = (state.ignored ?? 0) + 1;
  return false;
}

/**
 * Version of the trust rules below, part of every gated projection's version: a snapshot folded
 * under older rules (v1 let a self-signed operator key in after a revocation, and took any key id
 * for a public key) is not restored, the log is folded again.
 */
export const TRUST_RULES_VERSION = 2;

/**
 * Folds KeyTrusted/KeyRevoked into `keys` when signed by a trusted operator key. The first operator
 * key bootstraps the store by signing its own KeyTrusted, in a log that never trusted an operator
 * key (one revoked included: after a revocation a self-signed key is anyone's, so a new operator key
 * is trusted by another operator key). A key id must be its public key's (keyIdOf), so no key can
 * take another's id; a key may also revoke itself. Trust events count only on their key's subject
 * (`capsmith.evt.key.<keyId>`), which on JetStream only the operator's user may publish.
 */
export function applySignedTrust(keys: Record<string, TrustedKey>, event: AnyStoredEvent): void {
  if (event.type === "KeyTrusted") {
    const data = event.data as EventData<"KeyTrusted">;
    if (event.subject !== subjectFor("key", data.keyId) || !isKeyIdOf(data.keyId, data.publicKey) || keys[data.keyId]?.revoked) return;
    const bootstrap = data.role === "operator" && !Object.values(keys).some((k) => k.role === "operator");
    const self: Record<string, TrustedKey> = { [data.keyId]: candidate(data, event.seq) };
    if (!checkEventSignature(event, keys, ["operator"]).ok && !(bootstrap && checkEventSignature(event, self, ["operator"]).ok)) return;
    keys[data.keyId] = candidate(data, event.seq);
  } else if (event.type === "KeyRevoked") {
    const data = event.data as EventData<"KeyRevoked">;
    if (event.subject !== subjectFor("key", data.keyId)) return;
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

/** Whether `keyId` is the id of `publicKey`: the first 16 hex digits of the sha256 of its 32 raw bytes (src/hub/keys.ts keyIdOf). */
export function isKeyIdOf(keyId: unknown, publicKey: unknown): boolean {
  if (typeof keyId !== "string" || typeof publicKey !== "string") return false;
  const bytes = Buffer.from(publicKey, "base64url");
  if (bytes.length !== 32 || bytes.toString("base64url") !== publicKey) return false;
  return hash("sha256", bytes, "hex").slice(0, 16) === keyId;
}
