/** The SLO projection and its views, pure: buckets, windows, percentiles, budgets, snapshots. */
import { describe, expect, it } from "vitest";
import type { AnyStoredEvent } from "../../src/events/index.ts";
import { slo, sloTargets, sloView, stateHash } from "../../projections/index.ts";
import type { SloState } from "../../projections/index.ts";

let seq = 0;
function usage(time: string, d: { plugin?: string; ok?: boolean; latencyMs?: number; cpuMs?: number; heapBytes?: number; tokens?: number; costUsd?: number }): AnyStoredEvent {
  seq++;
  const pluginId = d.plugin ?? "sum@1.0.0";
  return {
    id: `e${seq}`, seq, type: "PluginInvoked", subject: `capsmith.evt.usage.${pluginId.split("@")[0]}`, time, actor: "runner", correlationId: `e${seq}`, causationId: null, schemaVersion: 1, prevHash: null, hash: "h",
    data: {
      pluginId, capability: pluginId.split("@")[0], runId: null, ok: d.ok ?? true, errorCode: d.ok === false ? "boom" : null, latencyMs: d.latencyMs ?? 10, cpuMs: d.cpuMs ?? 2, heapBytes: d.heapBytes ?? 1000,
      ...(d.tokens !== undefined ? { tokens: d.tokens } : {}), ...(d.costUsd !== undefined ? { costUsd: d.costUsd } : {}),
    },
  };
}

const fold = (events: AnyStoredEvent[]): SloState => events.reduce((s, e) => slo.apply(s, e), slo.initial());
const at = (h: number, m = 0, s = 0): string => new Date(Date.UTC(2026, 0, 10, h, m, s)).toISOString();

describe("slo projection", () => {
  it("gives availability, latency percentiles, error budget and cost per success over a window, with the previous window", () => {
    const events: AnyStoredEvent[] = [];
    for (let i = 0; i < 100; i++) events.push(usage(at(10, i % 60), { ok: i % 10 !== 0, latencyMs: i + 1, cpuMs: 3 })); // previous hour: 90% ok
    for (let i = 0; i < 200; i++) events.push(usage(at(11, i % 50), { ok: i !== 0, latencyMs: (i % 100) + 1, cpuMs: 1, tokens: 10, costUsd: 0.001 }));
    const view = sloView(fold(events), { now: at(11, 50), window: "1h", targets: sloTargets({ availability: 0.99, latencyMs: 50 }) });
    const row = view.plugins[0]!;
    expect(row.id).toBe("sum@1.0.0");
    expect(row.current).toMatchObject({ calls: 200, failures: 1, successes: 199, availability: 0.995, from: at(11), to: at(11, 50) });
    expect(row.current.latencyMs!.p50).toBeCloseTo(50, 0);
    expect(row.current.latencyMs!.p95).toBeCloseTo(95, 0);
    expect(row.current.latencyMs!.p99).toBeCloseTo(99, 0);
    expect(row.current.latencyCompliance).toBeCloseTo(0.5, 1);
    expect(row.current.errorBudget).toEqual({ target: 0.99, remaining: 0.5, burnRate: 0.5 });
    expect(row.current.cost).toMatchObject({ cpuMs: 200, cpuMsPerSuccess: 1.005, tokens: 2000, tokensPerSuccess: 10.05, costUsdPerSuccess: 0.001005 });
    expect(row.previous).toMatchObject({ calls: 100, failures: 10, availability: 0.9 });
    expect(row.previous.cost.tokens).toBeNull();
    expect(row.trend.availability).toBeCloseTo(0.095, 6);
    expect(row.spark.calls.reduce((a, b) => a + b)).toBe(200);
    expect(view.capabilities.map((c) => c.id)).toEqual(["sum"]);
    expect(view.fleet.current.calls).toBe(200);
    const day = sloView(fold(events), { now: at(11, 50), window: "24h" });
    expect(day.fleet.current.calls).toBe(300);
    expect(day.fleet.previous.calls).toBe(0);
  });

  it("snapshots to the same JSON whether a bucket's histogram is live or frozen, and restores to equal views", () => {
    const events = [usage(at(1), { latencyMs: 5 }), usage(at(1, 30), { latencyMs: 7 }), usage(at(2), { latencyMs: 900, ok: false }), usage(at(1, 59), { latencyMs: 3 })];
    const state = fold(events);
    const json = slo.snapshot!(state);
    const restored = slo.restore!(JSON.parse(JSON.stringify(json)));
    expect(stateHash(slo.snapshot!(restored))).toBe(stateHash(json));
    const next = usage(at(2, 10), { latencyMs: 11 });
    const a = slo.apply(state, next);
    const b = slo.apply(restored, next);
    expect(stateHash(slo.snapshot!(a))).toBe(stateHash(slo.snapshot!(b)));
    expect(sloView(a, { now: at(2, 30), window: "24h" })).toEqual(sloView(b, { now: at(2, 30), window: "24h" }));
  });

  it("keeps about 61 days of hourly buckets and 6 hours of minute buckets", () => {
    const events: AnyStoredEvent[] = [];
    const start = Date.UTC(2026, 0, 1);
    for (let h = 0; h < 24 * 70; h++) events.push(usage(new Date(start + h * 3_600_000).toISOString(), {}));
    const json = slo.snapshot!(fold(events)) as { plugins: Record<string, { hours: object; minutes: object }> };
    // Pruned a day at a time: between 61 and 62 days held.
    expect(Object.keys(json.plugins["sum@1.0.0"]!.hours).length).toBeGreaterThanOrEqual(61 * 24);
    expect(Object.keys(json.plugins["sum@1.0.0"]!.hours).length).toBeLessThanOrEqual(62 * 24);
    expect(Object.keys(json.plugins["sum@1.0.0"]!.minutes)).toHaveLength(6);
  });
});
