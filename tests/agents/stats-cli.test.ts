/**
 * `capsmith stats` counts plan steps, through the real binary on a fresh data directory with no LLM
 * key: a `forEach` over four elements that blocked on a missing capability is one recovered step, and a
 * step whose capability the loop provided but which then failed is blocked, not recovered.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { loadTask } from "../support/tasks.ts";

const NO_LLM = { OPENAI_API_KEY: "", OPENAI_BASE_URL: "", CAPSMITH_LLM_API_KEY: "", CAPSMITH_LLM_BASE_URL: "" };
let work: string;
let data: string;
const cli = (...args: string[]) => runCli(["--data", data, "--json", ...args], { env: NO_LLM, timeoutMs: 120_000 });
const spec = (name: string) => {
  const { capability: _c, ...rest } = loadTask(name);
  return rest;
};

interface Stats {
  blockedSteps: number;
  recoveredSteps: number;
  recoveryRate: number | null;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "capsmith-stats-"));
  data = join(work, "data");
  await writeFile(join(work, "for-each.json"), JSON.stringify({
    plan: "risk_per_score",
    // risk_level's development examples say "low" once (twice the same input), which the others
    // cannot foresee (round 9 would ask): three more, on both sides of the threshold.
    capabilities: { risk_level: { ...spec("risk_level"), examples: [...(spec("risk_level")["examples"] as unknown[]), ...[[6, "low"], [2, "low"], [8, "high"]].map(([score, output]) => ({ input: { score }, output }))] } },
    steps: [{ id: "risk", capability: "risk_level", forEach: "$input.scores", input: { score: "$item" } }],
    output: "$steps.risk",
  }));
  await writeFile(join(work, "scores.json"), JSON.stringify({ scores: [1, 7, 9, 3] }));
  await writeFile(join(work, "cost.json"), JSON.stringify({
    plan: "cost_of_nothing",
    capabilities: { total_cost: spec("total_cost") },
    steps: [{ id: "cost", capability: "total_cost", input: { items: "$input.items" } }],
    output: "$steps.cost",
  }));
  // Not a list: the plugin the loop writes from the examples cannot total it.
  await writeFile(join(work, "not-a-list.json"), JSON.stringify({ items: 5 }));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe("capsmith stats", () => {
  it("counts a forEach as one step, recovered once its capability exists and every element succeeded", async () => {
    const run = await cli("run", join(work, "for-each.json"), "--input", join(work, "scores.json"));
    expect(run.json()).toMatchObject({ ok: true, output: ["low", "high", "high", "low"] });
    expect((await cli("stats")).json<Stats>()).toMatchObject({ blockedSteps: 1, recoveredSteps: 1, recoveryRate: 1 });
  });

  // The data directory carries over from the test above: its forEach is the first blocked step.
  it("does not count a step as recovered when it failed after the loop provided its capability", async () => {
    const run = await cli("run", join(work, "cost.json"), "--input", join(work, "not-a-list.json"));
    // The step's input is refused by total_cost's input schema: the caller's error (exit 2), after recovery.
    expect(run.code).toBe(2);
    const { events } = (await cli("events", "--filter", "capsmith.evt.run.>")).json<{ events: { type: string; data: { ok?: boolean; recovered?: boolean; path?: string } }[] }>();
    // The step was blocked and the loop did provide total_cost: the failure came after.
    expect(events.filter((e) => e.type === "StepFinished" && e.data.path === "cost")).toMatchObject([{ data: { ok: false, recovered: true } }]);
    expect((await cli("stats")).json<Stats>()).toMatchObject({ blockedSteps: 2, recoveredSteps: 1, recoveryRate: 0.5 });
  });
});
