/**
 * A real capsmith for REPL tests: a file log in a temp dir opened through the composition root, a
 * runtime (agents optional), the services a command gets (made as the REPL makes them), and a
 * scripted UI that answers questions from a list.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { AgentRole, Runtime } from "../../src/agents/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { DEFAULT_POLICY } from "../../src/hub/index.ts";
import type { Policy } from "../../src/hub/index.ts";
import type { ReadModel } from "../../projections/index.ts";
import { allCommands } from "../../src/repl/commands/index.ts";
import type { Activity, BackendChoice, CommandContext, CommandResult, Question, Services, WordsModel } from "../../src/repl/core/types.ts";
import { replServices } from "../../src/repl/services.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import { makePackage } from "../support/plugin-packages.ts";

export interface Harness {
  dir: string;
  log: EventLog;
  readModel: ReadModel;
  runtime: Runtime;
  services: Services;
  /** A context whose questions are answered from `answers` in order (null once they run out); a function answers from the question. */
  ctx(answers?: Answer[], options?: { interactive?: boolean; signal?: AbortSignal }): ScriptedContext;
  close(): Promise<void>;
}

export type Answer = string | null | ((q: Question) => string | null);

export interface ScriptedContext extends CommandContext {
  asked: Question[];
  shown: CommandResult[];
  lines: string[];
  activities: Activity[];
}

export async function openHarness(options: { roles?: AgentRole[]; policy?: Policy; words?: WordsModel } = {}): Promise<Harness> {
  const capsmith = await openTestCapsmith({ policy: options.policy ?? DEFAULT_POLICY, roles: options.roles ?? [] });
  const { dir, log, readModel, runtime } = capsmith;
  const services: Services = replServices(capsmith, {
    where: dir,
    readFile: (p) => readFile(resolve(dir, p), "utf8"),
    ...(options.words ? { words: options.words } : {}),
  });
  const settings = { backend: "example" as BackendChoice, model: "test-model" };
  return {
    dir, log, readModel, runtime, services,
    ctx(answers = [], opts = {}) {
      const queue = [...answers];
      const ctx: ScriptedContext = {
        asked: [], shown: [], lines: [], activities: [],
        services,
        ui: {
          interactive: opts.interactive ?? true,
          ask: async (q) => {
            ctx.asked.push(q);
            if (!(opts.interactive ?? true) || queue.length === 0) return null;
            const next = queue.shift()!;
            return typeof next === "function" ? next(q) : next;
          },
          show: (r) => void ctx.shown.push(r),
          line: (t) => void ctx.lines.push(t),
          activity: (a) => void ctx.activities.push(a),
        },
        session: { id: "test-session", signal: opts.signal ?? new AbortController().signal, commands: allCommands, ...settings },
      };
      return ctx;
    },
    close: () => capsmith.dispose(),
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
