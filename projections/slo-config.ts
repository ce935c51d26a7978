/**
 * The SLO targets and performance budgets views and alert rules are measured against, with their
 * defaults. The policy file carries them (`slo` in src/hub/policy.ts, validated there); this is the
 * plain shape projections take, so they stay free of the hub.
 */
import { own } from "./own-entry.ts";

export type BreachAction = "flag" | "quarantine" | "rollback";

/** A plugin's limits per hourly window; each one optional. */
export interface SloBudget {
  latencyP95Ms?: number | undefined;
  memoryMB?: number | undefined;
  cpuMsPerCall?: number | undefined;
  tokensPerCall?: number | undefined;
  costUsdPerCall?: number | undefined;
}

/** What the policy's `slo` section may say (every field optional). */
export interface SloPolicy {
  availability?: number | undefined;
  latencyMs?: number | undefined;
  budgets?: Record<string, SloBudget> | undefined;
  onBreach?: { action: BreachAction; consecutiveWindows: number } | undefined;
}

export interface SloTargets {
  /** Share of calls that must succeed; the error budget is `1 - availability`. */
  availability: number;
  /** p95 latency target in ms (null: none). */
  latencyMs: number | null;
  budgets: Record<string, SloBudget>;
  onBreach: { action: BreachAction; consecutiveWindows: number };
}

export const DEFAULT_SLO_TARGETS: SloTargets = {
  availability: 0.99,
  latencyMs: null,
  budgets: {},
  onBreach: { action: "flag", consecutiveWindows: 3 },
};

/** The policy's `slo` section with the defaults filled in. */
export function sloTargets(policy: SloPolicy | undefined = {}): SloTargets {
  return {
    availability: policy.availability ?? DEFAULT_SLO_TARGETS.availability,
    latencyMs: policy.latencyMs ?? null,
    budgets: policy.budgets ?? {},
    onBreach: policy.onBreach ?? DEFAULT_SLO_TARGETS.onBreach,
  };
}

/** The budget that applies to a plugin: its own, else its capability's, else `"*"`. */
export function budgetFor(targets: SloTargets, pluginId: string, capability: string): SloBudget | undefined {
  return own(targets.budgets, pluginId) ?? own(targets.budgets, capability) ?? own(targets.budgets, "*");
}
