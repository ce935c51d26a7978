/**
 * A real capsmith for REPL tests: a file log in a temp dir, a runtime (agents optional), the
 * services a command gets, and a scripted UI that answers questions from a list.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pino } from "pino";
import { startRuntime } from "../../src/agents/index.ts";
import type { AgentRole, Runtime } from "../../src/agents/index.ts";
import { openFileLog } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { DEFAULT_POLICY, openKeyStore } from "../../src/hub/index.ts";
import type { Policy } from "../../src/hub/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { allCommands } from "../../src/repl/commands/index.ts";
import type { Activity, BackendChoice, CommandContext, CommandResult, Question, Services, WordsModel } from "../../src/repl/core/types.ts";
import { makePackage } from "../support/plugin-packages.ts";

export interface Harness {
  dir: string;
  log: EventLog;
  runtime: Runtime;
  services: Services;
  /** A context whose questions are answered from `answers` in order (null once they run out). */
  ctx(answers?: (string | null)[], options?: { interactive?: boolean; signal?: AbortSignal }): ScriptedContext;
  close(): Promise<void>;
}

export interface ScriptedContext extends CommandContext {
  asked: Question[];
  shown: CommandResult[];
  lines: string[];
  activities: Activity[];
}

export async function openHarness(options: { roles?: AgentRole[]; policy?: Policy; words?: WordsModel } = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), "capsmith-repl-"));
  const logger = pino({ level: "silent" });
  const log = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "operator" });
  const policy = options.policy ?? DEFAULT_POLICY;
  const runtime = await startRuntime({ log, clock: systemClock, newId: uuidIds, logger, policy, hostVersion: "0.1.0", roles: options.roles ?? [] });
  const services: Services = {
    runtime, log, hub: runtime.hub, policy, policySource: "the defaults (no policy.json)", newId: uuidIds, clock: systemClock, dataDir: dir, where: dir,
    keys: openKeyStore(dir), readFile: (p) => readFile(resolve(dir, p), "utf8"), llmConfigured: Boolean(options.words),
    ...(options.words ? { words: options.words } : {}),
  };
  const settings = { backend: "example" as BackendChoice, model: "test-model" };
  return {
    dir, log, runtime, services,
    ctx(answers = [], opts = {}) {
      const queue = [...answers];
      const ctx: ScriptedContext = {
        asked: [], shown: [], lines: [], activities: [],
        services,
        ui: {
          interactive: opts.interactive ?? true,
          ask: async (q) => {
            ctx.asked.push(q);
            return (opts.interactive ?? true) ? (queue.length ? queue.shift()! : null) : null;
          },
          show: (r) => void ctx.shown.push(r),
          line: (t) => void ctx.lines.push(t),
          activity: (a) => void ctx.activities.push(a),
        },
        session: { id: "test-session", signal: opts.signal ?? new AbortController().signal, commands: allCommands, ...settings },
      };
      return ctx;
    },
    async close() {
      await runtime.close();
      await log.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Installs double_it@VERSION (authored, tier T1) straight through the hub. */
export async function installDouble(h: Harness, version = "1.0.0", code?: string): Promise<void> {
  const outcome = await h.runtime.hub.install(code ? makePackage(version, code) : makePackage(version), { source: "test" });
  if (!outcome.ok) throw new Error(`install failed: ${JSON.stringify(outcome.failure)}`);
}

export const totalCostSpec = {
  capability: "total_cost",
  description: "Sum of qty * price over the items.",
  inputSchema: { type: "object", properties: { items: { type: "array", items: { type: "object", properties: { qty: { type: "integer" }, price: { type: "number" } } } } }, required: ["items"] },
  outputSchema: { type: "number" },
  constraints: ["deterministic"],
  examples: [
    { input: { items: [{ qty: 2, price: 3 }] }, output: 6 },
    { input: { items: [{ qty: 1, price: 5 }, { qty: 3, price: 1 }] }, output: 8 },
    { input: { items: [] }, output: 0 },
    { input: { items: [{ qty: 4, price: 0.5 }] }, output: 2 },
  ],
};

export function text(result: CommandResult): string {
  return JSON.stringify(result);
}
