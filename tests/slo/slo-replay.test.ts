/**
 * An auditor's check: the SLO projection replayed from the log gives exactly the figures the live
 * view showed — catching up after every append vs one fresh replay, and resuming from a snapshot.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createProjector, fileSnapshotStore, openReadModel, slo, sloView, WINDOW_NAMES } from "../../projections/index.ts";
import type { SloState, SloView } from "../../projections/index.ts";
import { subjectFor } from "../../src/events/index.ts";
import { at, calls, openClockLog } from "./support.ts";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** Deterministic pseudo-random usage (no Math.random: the test must be repeatable). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

const views = (state: SloState, now: number): SloView[] => WINDOW_NAMES.map((window) => sloView(state, { now: new Date(now), window }));

describe("slo replay parity", () => {
  it("gives equal state hashes and views live (catching up after each append) and replayed fresh", async () => {
    const c = await openClockLog();
    dirs.push(c.dir);
    const rnd = lcg(42);
    const live = createProjector({ log: c.log, projections: { slo } });
    const plugins = ["sum@1.0.0", "sum@1.1.0", "summarize@2.0.0", "parse_csv@1.0.0"];
    let shown: { hash: string; views: SloView[] } | undefined;
    let now = 0;
    // Three days, out of order now and then (late writers), with alerts in between.
    for (let step = 0; step < 300; step++) {
      const hour = Math.floor(step / 4.2);
      const late = rnd() < 0.1 ? 2 : 0;
      now = at(hour - late, Math.floor(rnd() * 60));
      const pluginId = plugins[Math.floor(rnd() * plugins.length)]!;
      await calls(c, pluginId, now, 1 + Math.floor(rnd() * 5), (i) => ({
        ok: rnd() > 0.05, latencyMs: rnd() * 200 + i, cpuMs: rnd() * 5, heapBytes: Math.floor(rnd() * 5e6),
        ...(pluginId.startsWith("summarize") ? { tokens: Math.floor(rnd() * 2000), costUsd: rnd() / 100 } : {}),
      }));
      if (step % 50 === 25) {
        await c.log.append([{ type: "AlertRaised", subject: subjectFor("alert", "sum"), data: { alertId: `burn_fast:sum@1.0.0`, rule: "burn_fast", severity: "page", pluginId: "sum@1.0.0", capability: "sum", value: 20, threshold: 14.4, message: "m" } }]);
      }
      if (step % 50 === 40) await c.log.append([{ type: "AlertCleared", subject: subjectFor("alert", "sum"), data: { alertId: `burn_fast:sum@1.0.0`, rule: "burn_fast", pluginId: "sum@1.0.0", capability: "sum", message: "m" } }]);
      const v = await live.catchUp();
      shown = { hash: v.hash("slo"), views: views(v.states.slo, now) };
    }
    const fresh = await createProjector({ log: c.log, projections: { slo } }).catchUp();
    expect(fresh.hash("slo")).toBe(shown!.hash);
    expect(views(fresh.states.slo, now)).toEqual(shown!.views);
    expect(shown!.views[3]!.fleet.current.calls).toBeGreaterThan(500);

  });

  it("resumes from a snapshot taken mid-log and reaches the same state as a fresh replay", async () => {
    const c = await openClockLog();
    dirs.push(c.dir);
    const cp = await mkdtemp(join(tmpdir(), "capsmith-slo-cp-"));
    dirs.push(cp);
    for (let h = 0; h < 30; h++) await calls(c, "sum@1.0.0", at(h, 10), 10, (i) => ({ ok: i !== h % 10, latencyMs: 5 + h + i }));
    const model = () => openReadModel({ log: c.log, identity: async () => "file:slo", snapshots: fileSnapshotStore(cp) });
    const first = await model();
    await first.current(["slo"]);
    expect(await first.snapshot()).toBe(30);
    // More usage in the hour the snapshot ended in (its histogram was frozen in the snapshot) and later.
    for (let h = 29; h < 40; h++) await calls(c, "sum@1.0.0", at(h, 40), 10, (i) => ({ latencyMs: 50 + i }));
    const resumed = await (await model()).current(["slo"]);
    const fresh = await createProjector({ log: c.log, projections: { slo } }).catchUp();
    expect(resumed.hash("slo")).toBe(fresh.hash("slo"));
    expect(views(resumed.states.slo, at(39, 59))).toEqual(views(fresh.states.slo, at(39, 59)));
  });
});
