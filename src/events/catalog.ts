/**
 * The event catalog: every event type capsmith writes, with the zod schema of its `data` and its
 * `schemaVersion`. Adding an event type is one entry here; envelopes, validation and the typed
 * `StoredEvent` union all derive from this object.
 */
import { z } from "zod";

export const eventCatalog = {
  /** A free-text note an operator adds to the log (`capsmith note`). */
  OperatorNote: {
    schemaVersion: 1,
    data: z.object({ text: z.string().min(1).max(10_000) }),
  },
  /** The sandbox refused a plugin's host operation (profile, allowlist or budget); audit trail. */
  PermissionDenied: {
    schemaVersion: 1,
    data: z.object({
      plugin: z.string().min(1),
      operation: z.string().min(1),
      target: z.string().max(500),
      profile: z.string(),
      reason: z.string().max(1_000),
    }),
  },

  // ── Plugin hub (subject capsmith.evt.plugin.<capability>) ─────────────────────────────────────
  /** An install, update or rollback transaction begins; the package travels in the log. */
  InstallStarted: {
    schemaVersion: 1,
    data: z.object({
      txId: z.string().min(1),
      kind: z.enum(["install", "update", "rollback"]),
      pluginId: z.string().min(1),
      capability: z.string().min(1),
      version: z.string().min(1),
      /** The plugin package (validated by the hub at its edge). */
      package: z.record(z.string(), z.unknown()),
      /** Plugin id active when the transaction began: what a rollback restores. */
      previousActive: z.string().nullable(),
      source: z.string(),
    }),
  },
  /** One of download → verify → dependency-prepare → activate → health-check finished. */
  InstallPhaseCompleted: {
    schemaVersion: 1,
    data: z.object({
      txId: z.string().min(1),
      phase: z.enum(["download", "verify", "dependency-prepare", "activate", "health-check"]),
      index: z.int().min(1).max(5),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  },
  /** Makes a plugin the active one for its capability. */
  PluginActivated: {
    schemaVersion: 1,
    data: z.object({
      pluginId: z.string().min(1),
      capability: z.string().min(1),
      version: z.string().min(1),
      txId: z.string().nullable(),
      reason: z.enum(["install", "update", "rollback", "revert", "recovery"]),
    }),
  },
  /** Leaves a capability with no active plugin (a revert to before its first install). */
  PluginDeactivated: {
    schemaVersion: 1,
    data: z.object({ capability: z.string().min(1), pluginId: z.string().min(1), reason: z.string() }),
  },
  InstallCommitted: {
    schemaVersion: 1,
    data: z.object({ txId: z.string().min(1), pluginId: z.string().min(1), tier: z.enum(["T0", "T1", "T2", "T3"]) }),
  },
  /** A transaction failed or was interrupted; `restored` is the plugin active again (or none). */
  InstallRolledBack: {
    schemaVersion: 1,
    data: z.object({
      txId: z.string().min(1),
      pluginId: z.string().min(1),
      phase: z.string(),
      code: z.string(),
      message: z.string(),
      restored: z.string().nullable(),
    }),
  },
  PluginUninstalled: {
    schemaVersion: 1,
    data: z.object({ pluginId: z.string().min(1), capability: z.string().min(1), reason: z.string() }),
  },
  PluginTierAssigned: {
    schemaVersion: 1,
    data: z.object({ pluginId: z.string().min(1), tier: z.enum(["T0", "T1", "T2", "T3"]), reasons: z.array(z.string()) }),
  },
  PluginQuarantined: {
    schemaVersion: 1,
    data: z.object({ pluginId: z.string().min(1), reason: z.string() }),
  },
  /** A checksum or signature did not match, at install or at load. */
  TamperDetected: {
    schemaVersion: 1,
    data: z.object({
      pluginId: z.string().min(1),
      check: z.enum(["checksum", "signature"]),
      where: z.enum(["install", "load"]),
      expected: z.string(),
      found: z.string(),
    }),
  },
  /** An operator's signed approval of a plugin that policy holds for a human. */
  PluginApproved: {
    schemaVersion: 1,
    data: z.object({ pluginId: z.string().min(1), keyId: z.string().min(1), signature: z.string().min(1), note: z.string().optional() }),
  },
  PluginRejected: {
    schemaVersion: 1,
    data: z.object({ pluginId: z.string().min(1), reasons: z.array(z.string()) }),
  },
  /** Puts a plugin's status and tier back to what they were (a revert of later changes). */
  PluginStatusRestored: {
    schemaVersion: 1,
    data: z.object({
      pluginId: z.string().min(1),
      status: z.enum(["installing", "active", "inactive", "rolled_back", "quarantined", "uninstalled", "failed"]),
      tier: z.enum(["T0", "T1", "T2", "T3"]),
    }),
  },
  /** `capsmith revert --to`: marks the compensating events that follow under its correlation id. */
  HubReverted: {
    schemaVersion: 1,
    data: z.object({ toSeq: z.int().nonnegative(), changes: z.int().nonnegative() }),
  },

  // ── Keys (subject capsmith.evt.key.<keyId>) ───────────────────────────────────────────────────
  KeyTrusted: {
    schemaVersion: 1,
    data: z.object({
      keyId: z.string().min(1),
      publicKey: z.string().min(1),
      name: z.string().min(1),
      role: z.enum(["publisher", "operator", "governor", "synthesizer", "tester", "runner", "gap"]),
    }),
  },
  KeyRevoked: {
    schemaVersion: 1,
    data: z.object({ keyId: z.string().min(1), reason: z.string() }),
  },
} as const satisfies Record<string, { schemaVersion: number; data: z.ZodType }>;

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
export type EventData<T extends EventType> = z.infer<EventCatalog[T]["data"]>;

export function isKnownEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalog, type);
}
