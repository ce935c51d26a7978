/**
 * Entry point of a sandbox worker process (spawned by the host's worker pool). It holds plugin
 * isolates, runs one entry into one of them at a time on its main thread, and answers over a
 * socket on fd 3. If a plugin crashes V8 or wedges this thread, the host kills this process and
 * starts another.
 */
import { Socket } from "node:net";
import { lineChannel } from "../line-channel.ts";
import { RAW_FIELDS, WIRE_PACKING } from "../protocol.ts";
import type { FromWorker, ToWorker } from "../protocol.ts";
import { IsolateFactory, probeSkipPaths } from "./isolate-factory.ts";
import { PluginIsolate } from "./plugin-isolate.ts";

// fd 3 is the socket the host opened for us (see sandbox-worker.ts).
const socket = new Socket({ fd: 3, readable: true, writable: true });
const channel = lineChannel<FromWorker, ToWorker>(socket, RAW_FIELDS, WIRE_PACKING);

const maxIsolates = Number(process.env["CAPSMITH_SANDBOX_MAX_ISOLATES"] ?? "512");
const knownSkips = process.env["CAPSMITH_SANDBOX_SKIP_PATHS"];
const factory = new IsolateFactory(knownSkips ? (JSON.parse(knownSkips) as string[]) : probeSkipPaths());
const plugins = new Map<string, PluginIsolate>();
const callsToPlugin = new Map<number, PluginIsolate>();
factory.busy = () => callsToPlugin.size > 0;

function send(msg: FromWorker): void {
  if (msg.t === "result") callsToPlugin.delete(msg.cid);
  channel.send(msg);
}

/** Keeps at most `maxIsolates` live isolates: the least recently used idle one is disposed (and rebuilt on its next call). */
function makeRoom(): void {
  let live = 0;
  let victim: PluginIsolate | undefined;
  for (const p of plugins.values()) {
    if (!p.live) continue;
    live++;
    if (!p.busy && (!victim || p.lastUsed < victim.lastUsed)) victim = p;
  }
  if (live >= maxIsolates && victim) victim.dispose();
}

function onMessage(msg: ToWorker): void {
  switch (msg.t) {
    case "load": {
      const started = performance.now();
      plugins.get(msg.plugin.key)?.dispose();
      const plugin = new PluginIsolate(msg.plugin, factory, send);
      plugins.set(msg.plugin.key, plugin);
      makeRoom();
      try {
        plugin.ensure();
        plugin.lastUsed = performance.now();
        send({ t: "loaded", rid: msg.rid, ms: performance.now() - started, heapBytes: plugin.heapBytes() });
      } catch (err) {
        plugins.delete(msg.plugin.key);
        send({ t: "loaded", rid: msg.rid, ms: performance.now() - started, failure: { code: "invalid_plugin", message: (err as Error).message } });
      }
      return;
    }
    case "unload":
      plugins.get(msg.key)?.retire();
      plugins.delete(msg.key);
      return;
    case "call": {
      const plugin = plugins.get(msg.key);
      if (!plugin) {
        send({ t: "result", cid: msg.cid, outcome: "E" + JSON.stringify({ code: "not_loaded", message: "the plugin is not loaded in this worker" }), usage: { wallMs: 0, cpuMs: 0, heapUsedBytes: 0, heapPeakBytes: 0 }, logs: [] });
        return;
      }
      if (!plugin.live) makeRoom();
      factory.noteCall();
      callsToPlugin.set(msg.cid, plugin);
      plugin.call(msg.cid, msg.input, msg.now, msg.seed, msg.timeoutMs);
      return;
    }
    case "op-result":
      callsToPlugin.get(msg.cid)?.opResult(msg.cid, msg.opId, msg.outcome);
      return;
    case "cancel":
      callsToPlugin.get(msg.cid)?.cancel(msg.cid);
      return;
    case "stats": {
      let live = 0;
      for (const p of plugins.values()) if (p.live) live++;
      send({ t: "stats", rid: msg.rid, rss: process.memoryUsage.rss(), isolates: live, loaded: plugins.size });
      return;
    }
  }
}

channel.onMessage(onMessage);
// The host went away: nothing is left to answer to.
socket.on("close", () => process.exit(0));
socket.on("error", () => process.exit(0));
process.on("uncaughtException", (err) => {
  process.stderr.write(`sandbox worker: ${err.stack ?? String(err)}\n`);
  process.exit(70);
});
send({ t: "ready", skipPaths: [...factory.skipPaths] });
