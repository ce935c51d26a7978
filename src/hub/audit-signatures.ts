/**
 * The signature half of `audit verify`: every installed plugin's manifest signature and every
 * operator approval, checked against the trust store. A signature that does not verify is a finding;
 * one whose key was revoked since is reported apart, since it was good when it was made.
 */
import { PUBLISHER_ROLES } from "./keys.ts";
import { verifyApproval, verifyManifestSignature } from "./signature.ts";
import type { HubState, KeysState } from "../../projections/index.ts";

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
