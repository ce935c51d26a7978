/**
 * The events of an install transaction as the install service writes them (src/hub/install-phases.ts),
 * for tests that build a hub state from events alone: a package the hub fold accepts (its code
 * hashing to the manifest's checksum, the spec of its capability), a passed health check, then the
 * tier, the activation and the commit. The fold refuses shorter or incoherent shapes
 * (projections/hub-coherence.ts), as it would a forger's.
 */
import { sha256 } from "../../src/events/index.ts";

export interface InstallEventsOptions {
  txId?: string;
  code?: string;
  /** Manifest fields beside id, capability, version, profile and checksum (dependencies, say). */
  manifest?: Record<string, unknown>;
  /** Spec fields beside its capability. */
  spec?: Record<string, unknown>;
  tier?: "T0" | "T1" | "T2" | "T3";
  previousActive?: string | null;
  kind?: "install" | "update" | "rollback";
}

/** `{ type, data }` pairs (no subject): map them to the shape the caller appends or folds. */
export function installEvents(pluginId: string, options: InstallEventsOptions = {}): { type: string; data: Record<string, unknown> }[] {
  const [capability, version] = pluginId.split("@") as [string, string];
  const txId = options.txId ?? `tx-${pluginId}`;
  const code = options.code ?? "export default () => 0";
  const manifest = { id: pluginId, capability, version, profile: "node", dependencies: {}, ...options.manifest, checksum: `sha256:${sha256(code)}` };
  const spec = { ...options.spec, capability };
  const tier = options.tier ?? "T1";
  return [
    { type: "InstallStarted", data: { txId, kind: options.kind ?? "install", pluginId, capability, version, package: { manifest, code, spec }, previousActive: options.previousActive ?? null, source: "test" } },
    { type: "InstallPhaseCompleted", data: { txId, phase: "health-check", index: 4, details: { passed: 1, failed: 0 } } },
    { type: "PluginTierAssigned", data: { pluginId, tier, reasons: ["test"] } },
    { type: "PluginActivated", data: { pluginId, capability, version, txId, reason: options.kind ?? "install" } },
    { type: "InstallCommitted", data: { txId, pluginId, tier } },
  ];
}
