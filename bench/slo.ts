/**
 * `npm run bench -- slo [--events N] [--plugins N] [--days N] [--skip-log]`: the SLO projection built
 * from N usage events (default 1,000,000) spread over 30 days and 20 plugins. Two figures, reported
 * side by side: the projection's apply rate on pre-made events (the fold alone), and the end-to-end
 * replay from the embedded file log (read, parse, fold). Also the 30-day view, the snapshot and its
 * state hash.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ALL_EVENTS, openFileLog, subjectFor } from "../src/events/index.ts";
import type { AnyStoredEvent, NewEvent } from "../src/events/index.ts";
import { createProjector, slo, sloView, stateHash } from "../projections/index.ts";
import { flag, fmt, rate, table } from "./_stats.ts";

const START = Date.parse("2026-01-01T00:00:00.000Z");

/** A deterministic stream of usage: 2% failures, log-normal-ish latencies, tokens for agent plugins. */
function* usage(n: number, plugins: number, days: number): Generator<{ time: number; data: NewEvent<"PluginInvoked">["data"] }> {
  let s = 7;
  const rnd = (): number => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const span = days * 86_400_000;
  for (let i = 0; i < n; i++) {
    const p = i % plugins;
    const capability = `cap_${p % Math.ceil(plugins / 2)}`;
    const agent = p % 5 === 0;
    yield {
      time: START + Math.floor((i / n) * span),
      data: {
        pluginId: `${capability}@1.${p}.0`, capability, runId: null, ok: rnd() > 0.02, errorCode: null,
        latencyMs: Math.exp(rnd() * 6) * 0.5, cpuMs: rnd() * 4, heapBytes: Math.floor(rnd() * 8e6),
        ...(agent ? { tokens: Math.floor(rnd() * 3000), costUsd: rnd() / 50 } : {}),
      },
    };
  }
}

function premade(n: number, plugins: number, days: number): AnyStoredEvent[] {
  const events: AnyStoredEvent[] = [];
  let i = 0;
  for (const u of usage(n, plugins, days)) {
    i++;
    events.push({ id: `e${i}`, seq: i, type: "PluginInvoked", subject: `capsmith.evt.usage.${u.data.capability}`, time: new Date(u.time).toISOString(), actor: "runner", correlationId: `e${i}`, causationId: null, schemaVersion: 1, data: u.data, prevHash: null, hash: "" });
  }
  return events;
}

export async function run(args: string[]): Promise<void> {
  const n = flag(args, "events", 1_000_000);
  const plugins = flag(args, "plugins", 20);
  const days = flag(args, "days", 30);
  const rows: (string | number)[][] = [["measure", "events", "ms", "events/s"]];

  // 1. The fold alone, on events already in memory (what the projection itself costs).
  const events = premade(n, plugins, days);
  let state = slo.initial();
  let t = performance.now();
  for (const e of events) state = slo.apply(state, e);
  const applyMs = performance.now() - t;
  rows.push(["apply (pre-made events)", fmt(n), fmt(applyMs), fmt(rate(n, applyMs))]);
  const now = new Date(START + days * 86_400_000 - 60_000);
  t = performance.now();
  const view = sloView(state, { now, window: "30d" });
  const viewMs = performance.now() - t;
  t = performance.now();
  stateHash(slo.snapshot!(state));
  const hashMs = performance.now() - t;
  events.length = 0;

  // 2. End to end: the same events in the embedded file log, replayed into the projection.
  let replay: { ms: number; bytes: number; calls: number; writeMs: number } | undefined;
  if (!args.includes("--skip-log")) {
    const dir = await mkdtemp(join(tmpdir(), "capsmith-bench-slo-"));
    try {
      let clockMs = START;
      const log = await openFileLog({ dir, clock: { now: () => new Date(clockMs) }, newId: ((k = 0) => () => `u${String(++k).padStart(8, "0")}`)(), actor: "runner" });
      t = performance.now();
      // Records of 100 invocations of one capability (a record is one subject); 64 appends in flight.
      let batch: NewEvent[] = [];
      let batchCap = "";
      let inFlight: Promise<unknown>[] = [];
      const flush = async (): Promise<void> => {
        if (batch.length === 0) return;
        inFlight.push(log.append(batch));
        batch = [];
        if (inFlight.length >= 64) {
          await Promise.all(inFlight);
          inFlight = [];
        }
      };
      for (const u of usage(n, plugins, days)) {
        if (batch.length >= 100 || (batch.length > 0 && u.data.capability !== batchCap)) await flush();
        clockMs = u.time;
        batchCap = u.data.capability;
        batch.push({ type: "PluginInvoked", subject: subjectFor("usage", u.data.capability), data: u.data });
      }
      await flush();
      await Promise.all(inFlight);
      const writeMs = performance.now() - t;
      await log.close();
      const bytes = (await stat(join(dir, "events.log"))).size;
      const reader = await openFileLog({ dir, clock: { now: () => new Date() }, newId: () => "x", actor: "bench", readOnly: true });
      t = performance.now();
      let read = 0;
      for await (const e of reader.read(ALL_EVENTS)) if (e.seq > 0) read++;
      const readMs = performance.now() - t;
      t = performance.now();
      const v = await createProjector({ log: reader, projections: { slo } }).catchUp();
      const ms = performance.now() - t;
      await reader.close();
      replay = { ms, bytes, calls: sloView(v.states.slo, { now, window: "30d" }).fleet.current.calls, writeMs };
      rows.push(["replay from the file log (read + parse + fold)", fmt(n), fmt(ms), fmt(rate(n, ms))]);
      rows.push(["  of which the log read alone (no projection)", fmt(read), fmt(readMs), fmt(rate(read, readMs))]);
      rows.push(["  (writing them first, not part of the figure)", fmt(n), fmt(writeMs), fmt(rate(n, writeMs))]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  console.log(`SLO projection: ${fmt(n)} usage events, ${plugins} plugins, ${days} days; node ${process.version}\n`);
  console.log(table(rows));
  console.log("");
  console.log(`30-day view (${view.plugins.length} plugins, ${view.capabilities.length} capabilities, merged histograms): ${fmt(viewMs)} ms`);
  console.log(`snapshot + state hash: ${fmt(hashMs)} ms`);
  console.log(`fleet 30d: ${fmt(view.fleet.current.calls)} calls, availability ${((view.fleet.current.availability ?? 0) * 100).toFixed(2)}%, p95 ${view.fleet.current.latencyMs?.p95} ms`);
  if (replay) {
    console.log(`log file: ${fmt(replay.bytes / 1e6)} MB (${fmt(replay.bytes / n)} bytes per event); the replayed 30-day view counts ${fmt(replay.calls)} calls`);
  }
  console.log(`target ≥ 500,000 events/s: apply ${rate(n, applyMs) >= 500_000 ? "meets it" : "misses it"}${replay ? `, end-to-end replay ${rate(n, replay.ms) >= 500_000 ? "meets it" : "misses it"}` : ""}`);
}
