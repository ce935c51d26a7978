/**
 * A data directory that looks lived in: plugins published by the real loop, an update and a
 * rollback in their install history, and two weeks of usage (calls, latencies, some failures)
 * appended at the times they would have happened, through a clock the test moves.
 */
import { subjectFor } from "../../src/events/index.ts";
import type { Clock } from "../../src/events/index.ts";
import { requestCapability } from "../../src/agents/index.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "./capsmith.ts";
import { loadTask } from "./tasks.ts";

const HOUR = 3_600_000;

export interface SeedOptions {
  dir: string;
  now: Date;
  days: number;
  /** Extra description text for one plugin (a hostile string, say). */
  hostileDescription?: string;
}

export async function seedLivedIn(options: SeedOptions): Promise<{ plugins: string[] }> {
  let current = new Date(options.now.getTime() - options.days * 24 * HOUR - HOUR);
  const clock: Clock = { now: () => current };
  const capsmith = await openTestCapsmith({ dir: options.dir, clock, roles: ["gap", "synthesizer", "tester", "governor"] });
  try {
    const ask = async (spec: Record<string, unknown> & { capability: string }): Promise<string> => {
      const answer = await requestCapability(capsmith.readModel, spec.capability, { spec, source: "cli", newId: uuidIds, timeoutMs: 60_000 });
      if (!answer.ok) throw new Error(`seeding ${spec.capability}: ${answer.reason}`);
      return answer.pluginId!;
    };
    const total = await ask(loadTask("total_cost"));
    const max = await ask({ ...loadTask("max_price"), description: `${options.hostileDescription ?? ""}the highest price of the items` });
    // An update asked for as a new major (range ^2.0.0: 1.0.0 does not serve it), then a rollback to
    // 1.0.0: the timeline shows both.
    const wider = loadTask("total_cost");
    await ask({ ...wider, version: "^2.0.0", inputSchema: { ...(wider["inputSchema"] as Record<string, unknown>), description: "items with qty and price", title: "basket" } });
    await capsmith.runtime.hub.switchTo("total_cost", { kind: "rollback", version: "1.0.0" });

    // Two weeks of calls, hour by hour: more by day than by night, slower and flakier this week.
    const plugins = [{ id: total, capability: "total_cost" }, { id: max, capability: "max_price" }];
    const start = current.getTime();
    for (let t = start; t < options.now.getTime() - HOUR; t += HOUR) {
      current = new Date(t);
      const hour = new Date(t).getUTCHours();
      const thisWeek = t > options.now.getTime() - 7 * 24 * HOUR;
      for (const [k, p] of plugins.entries()) {
        const calls = 2 + ((hour * 7 + k * 3) % 5) + (hour >= 8 && hour <= 18 ? 4 : 0);
        const events = Array.from({ length: calls }, (_, i) => {
          const ok = !(thisWeek && k === 1 && (hour + i) % 23 === 0) && !((t / HOUR + i) % 97 === 0);
          const latencyMs = (thisWeek ? 0.6 : 0.4) + ((hour * 13 + i * 7 + k) % 10) / 10 + (i === 0 ? 2 : 0);
          return {
            type: "PluginInvoked" as const,
            subject: subjectFor("usage", p.capability),
            data: { pluginId: p.id, capability: p.capability, runId: null, ok, errorCode: ok ? null : "plugin_error", latencyMs, cpuMs: latencyMs * 0.7, heapBytes: 2_000_000 },
          };
        });
        await capsmith.log.append(events);
      }
    }
    current = options.now;
    return { plugins: [total, max] };
  } finally {
    await capsmith.dispose();
  }
}
