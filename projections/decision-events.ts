/**
 * The events a decision on the hub can rest on (an activation's eligibility and tier, the slo
 * rollback's choice): those the hub's fold (projections/hub.ts, signed or not) and the trust
 * store's (keys.ts) read, except PluginInvoked, which only counts a plugin's calls (`usage`, which no
 * decision reads). Any other event (a usage record, a run's step, a gap, an alert, a note) leaves the
 * hub and the keys as they were, so a decision judged before it still holds after it
 * (src/hub/side-events.ts appendWhileJudged). tests/unit/decision-events.test.ts folds every other
 * catalog type, with data that throws when read, to keep the list whole.
 */
export const DECISION_EVENTS: ReadonlySet<string> = new Set([
  "InstallStarted", "InstallPhaseCompleted", "PluginActivated", "PluginDeactivated", "InstallCommitted", "InstallRolledBack",
  "PluginUninstalled", "PluginQuarantined", "PluginStatusRestored", "PluginTierAssigned", "PluginApproved", "PluginRejected",
  "KeyTrusted", "KeyRevoked",
]);
