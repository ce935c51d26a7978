/**
 * The SLO projection: usage (PluginInvoked) folded into per-plugin and per-capability time series,
 * the alerts currently raised (AlertRaised / AlertCleared), and the capabilities a governor could
 * not roll back after an slo quarantine (RollbackBlocked, until a version of it is activated). Figures over windows come from
 * `sloView` (slo-window.ts), alert rules from slo-alerts.ts — both pure functions of this state and
 * a reference time the caller passes in.
 */
import { isUsageEvidence } from "../src/events/index.ts";
import type { AnyStoredEvent, EventData } from "../src/events/index.ts";
import type { Projection } from "./projection.ts";
import { minuteOf, newSeries, record, seriesFromJson, seriesJson } from "./slo-series.ts";
import type { Series, SeriesJson } from "./slo-series.ts";

export type OpenAlert = EventData<"AlertRaised"> & { raisedAt: string; raisedSeq: number };
/** A capability left with no active version: the governor found no version to roll back to. */
export type BlockedRollback = EventData<"RollbackBlocked"> & { at: string; seq: number };

export interface SloState {
  plugins: Map<string, Series>;
  capabilities: Map<string, Series>;
  /** Raised and not yet cleared, by alert id. */
  alerts: Map<string, OpenAlert>;
  /** By capability: the last RollbackBlocked not yet followed by an activation of the capability. */
  blocked: Map<string, BlockedRollback>;
}

export interface SloStateJson {
  plugins: Record<string, SeriesJson>;
  capabilities: Record<string, SeriesJson>;
  alerts: Record<string, OpenAlert>;
  blocked: Record<string, BlockedRollback>;
}

export const slo: Projection<SloState> = {
  name: "slo",
  // 3: only usage by the runner or an operator counts (USAGE_EVIDENCE, src/events/write-rules.ts).
  version: 3,
  initial: () => ({ plugins: new Map(), capabilities: new Map(), alerts: new Map(), blocked: new Map() }),
  apply(state, event: AnyStoredEvent) {
    switch (event.type) {
      case "PluginInvoked": {
        // Only production calls are evidence: a tester's or governor's calls are tests, and what the
        // slo agent judges must not be its own (or a stolen tester key's) word. Behind the signature
        // gate the actor is the signing key's role, so this is the key's role, verified.
        if (!isUsageEvidence(event.actor)) return state;
        const d = event.data as EventData<"PluginInvoked">;
        const minute = minuteOf(event.time);
        let p = state.plugins.get(d.pluginId);
        if (!p) state.plugins.set(d.pluginId, (p = newSeries(d.capability)));
        let c = state.capabilities.get(d.capability);
        if (!c) state.capabilities.set(d.capability, (c = newSeries(d.capability)));
        record(p, minute, event.id, d);
        record(c, minute, event.id, d);
        return state;
      }
      case "AlertRaised": {
        const d = event.data as EventData<"AlertRaised">;
        state.alerts.set(d.alertId, { ...d, raisedAt: event.time, raisedSeq: event.seq });
        return state;
      }
      case "AlertCleared":
        state.alerts.delete((event.data as EventData<"AlertCleared">).alertId);
        return state;
      case "RollbackBlocked": {
        const d = event.data as EventData<"RollbackBlocked">;
        state.blocked.set(d.capability, { ...d, at: event.time, seq: event.seq });
        return state;
      }
      case "PluginActivated":
        state.blocked.delete((event.data as EventData<"PluginActivated">).capability);
        return state;
      default:
        return state;
    }
  },
  snapshot(state): SloStateJson {
    const json: SloStateJson = { plugins: {}, capabilities: {}, alerts: {}, blocked: Object.fromEntries(state.blocked) };
    for (const [id, s] of state.plugins) json.plugins[id] = seriesJson(s);
    for (const [id, s] of state.capabilities) json.capabilities[id] = seriesJson(s);
    for (const [id, a] of state.alerts) json.alerts[id] = a;
    return json;
  },
  restore(value) {
    const json = value as SloStateJson;
    return {
      plugins: new Map(Object.entries(json.plugins).map(([id, s]) => [id, seriesFromJson(s)])),
      capabilities: new Map(Object.entries(json.capabilities).map(([id, s]) => [id, seriesFromJson(s)])),
      alerts: new Map(Object.entries(json.alerts)),
      blocked: new Map(Object.entries(json.blocked)),
    };
  },
};
