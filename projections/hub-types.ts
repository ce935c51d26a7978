/** The hub's state, as the `hub` projection builds it from the log. Plain JSON. */
import type { TrustedKey } from "./keys.ts";

export type PluginStatus = "installing" | "active" | "inactive" | "rolled_back" | "quarantined" | "uninstalled" | "failed";
export type TrustTier = "T0" | "T1" | "T2" | "T3";

export interface PluginRecord {
  id: string;
  capability: string;
  version: string;
  status: PluginStatus;
  tier: TrustTier;
  profile: "node" | "integration" | "agent" | "quality_gate";
  /** The manifest as installed (validated by the hub before it was logged). */
  manifest: Record<string, unknown>;
  code: string;
  /** The contract the plugin was installed against: its spec (input/output schemas, examples, tests). */
  spec: Record<string, unknown>;
  testReport: Record<string, unknown> | null;
  /** Seq of the record that installed it, and of its last change. */
  installedSeq: number;
  changedSeq: number;
  /** Operator approvals: the signing key and the signature over the plugin's id and checksum. */
  approvals: Approval[];
  usage: { calls: number; failures: number };
  /** The transaction that last installed it, and what the hub's own health check of it found. */
  installTx?: string;
  health?: { passed: number; failed: number };
  /** The transaction whose health check `health` is (a reinstall keeps the last one until its own). */
  healthTx?: string;
  /** The revoked key its trust rested on, when a revocation demoted it. */
  revokedTrust?: string;
  /** The position of the quarantine that took it out of service while it was the active version. */
  quarantinedWhileActive?: number;
  /** How its install transaction (`installTx`) ended, once it did: no later event of that transaction counts. */
  installOutcome?: "committed" | "rolled_back";
  /**
   * An activation its transaction recorded before its health check (logs written before
   * health-check came first): it takes effect when the transaction commits, after a passed check.
   */
  pendingActivation?: string;
}

export interface CapabilityRecord {
  /** Plugin id of the active version, or null. */
  active: string | null;
  /** Every plugin id ever installed for it, oldest first. */
  versions: string[];
  /** Plugin ids that were active, in order, for `rollback` without a target. */
  history: string[];
}

export interface Approval {
  keyId: string;
  signature: string;
}

export interface HubState {
  capabilities: Record<string, CapabilityRecord>;
  plugins: Record<string, PluginRecord>;
  /** Approvals given to a plugin policy held before install (it joins the plugin when installed). */
  pendingApprovals: Record<string, Approval[]>;
  /**
   * With signed events required only: the operator-signed trust store. `ignored`: how many events
   * changed nothing because no trusted key of their role signed them, or (in any hub) because they
   * were incoherent: an install whose package cannot run as it says, an activation or commit of what
   * never passed its transaction's health check (projections/hub-coherence.ts).
   */
  trust?: Record<string, TrustedKey>;
  ignored?: number;
  /** Keys whose revocation this hub has applied (what no longer vouches for a plugin). */
  revokedKeys?: string[];
}
