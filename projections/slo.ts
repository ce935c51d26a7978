/**
 * The SLO projection: usage (PluginInvoked) folded into per-plugin and per-capability time series,
 * and the alerts currently raised (AlertRaised / AlertCleared). Figures over windows come from
 * `sloView` (slo-window.ts), alert rules from slo-alerts.ts — both pure functions of this state and
 * a reference time the caller passes in.
 */
import type { AnyStoredEvent, EventData } from "../src/events/index.ts";
import type { Projection } from "./projection.ts";
import { minuteOf, newSeries, record, seriesFromJson, seriesJson } from "./slo-series.ts";
import type { Series, SeriesJson } from "./slo-series.ts";

export type OpenAlert = EventData<"AlertRaised"> & { raisedAt: string; raisedSeq: number };

export interface SloState {
  plugins: Map<string, Series>;
  capabilities: Map<string, Series>;
  /** Raised and not yet cleared, by alert id. */
  alerts: Map<string, OpenAlert>;
}

export interface SloStateJson {
  plugins: Record<string, SeriesJson>;
  capabilities: Record<string, SeriesJson>;
  alerts: Record<string, OpenAlert>;
}

export const slo: Projection<SloState> = {
  name: "slo",
  version: 1,
  initial: () => ({ plugins: new Map(), capabilities: new Map(), alerts: new Map() }),
  apply(state, event: AnyStoredEvent) {
    switch (event.type) {
      case "PluginInvoked": {
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
      default:
        return state;
    }
  },
  snapshot(state): SloStateJson {
    const json: SloStateJson = { plugins: {}, capabilities: {}, alerts: {} };
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
    };
  },
};
