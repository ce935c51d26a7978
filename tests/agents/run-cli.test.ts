/**
 * The bar of the loop, through the real binary on a fresh data directory with no LLM key: a plan of
 * three capabilities of which two are missing completes, synthesizing exactly those two; a second
 * run of the same plan synthesizes nothing.
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

async function gapsOpened(): Promise<string[]> {
  const { events } = (await cli("events", "--filter", "capsmith.evt.gap.>")).json<{ events: { type: string; data: { capability: string } }[] }>();
  return events.filter((e) => e.type === "CapabilityGapDetected").map((e) => e.data.capability).sort();
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "capsmith-run-"));
  data = join(work, "data");
  const withExample = (s: Record<string, unknown>, example: { input: unknown; output: unknown }) => ({ ...s, examples: [...(s["examples"] as unknown[]), example] });
  const spec = (name: string) => {
    const { capability: _c, ...rest } = loadTask(name);
    return rest;
  };
  await writeFile(join(work, "plan.json"), JSON.stringify({
    plan: "budget_review",
    // within_budget's development examples hold one true answer only, which the others cannot
    // foresee (round 9 would ask about it): a second one, as in examples/budget-review.
    capabilities: { total_cost: spec("total_cost"), within_budget: withExample(spec("within_budget"), { input: { budget: 50, items: [{ cost: 20 }, { cost: 30 }] }, output: true }), max_price: spec("max_price") },
    steps: [
      { id: "cost", capability: "total_cost", input: { items: "$input.items" } },
      { id: "check", capability: "within_budget", input: { budget: "$input.budget", items: "$input.items" } },
      { id: "top", capability: "max_price", input: { items: "$input.items" } },
    ],
    output: { cost: "$steps.cost", ok: "$steps.check", max: "$steps.top" },
  }));
  await writeFile(join(work, "input.json"), JSON.stringify({ budget: 500, items: [{ name: "desk", qty: 2, price: 120, cost: 240 }, { name: "lamp", qty: 3, price: 25, cost: 75 }] }));
  await writeFile(join(work, "max_price.json"), JSON.stringify(loadTask("max_price")));
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe("capsmith run", () => {
  it("closes the two missing capabilities on the first run and synthesizes nothing on the second", async () => {
    expect((await cli("synthesize", "--spec", join(work, "max_price.json"), "--publish")).json()).toMatchObject({ ok: true, pluginId: "max_price@1.0.0" });

    const first = await cli("run", join(work, "plan.json"), "--input", join(work, "input.json"));
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ ok: true, output: { cost: 315, ok: true, max: 120 } });
    expect(await gapsOpened()).toEqual(["max_price", "total_cost", "within_budget"]);

    const second = await cli("run", join(work, "plan.json"), "--input", join(work, "input.json"));
    expect(second.json()).toMatchObject({ ok: true, output: { cost: 315, ok: true, max: 120 } });
    expect(await gapsOpened()).toEqual(["max_price", "total_cost", "within_budget"]);

    const stats = (await cli("stats")).json<{ blockedSteps: number; recoveredSteps: number; reuseRate: number }>();
    expect(stats).toMatchObject({ blockedSteps: 2, recoveredSteps: 2, reuseRate: 1 });
  });

  it("fails with a clear error naming the capability when a gap cannot be closed", async () => {
    await writeFile(join(work, "impossible.json"), JSON.stringify({
      plan: "impossible",
      capabilities: { contradiction: { description: "no program maps these", inputSchema: { type: "object" }, outputSchema: { type: "integer" }, constraints: ["deterministic"], examples: [{ input: { x: 1 }, output: 7 }, { input: { x: 1 }, output: 8 }] } },
      steps: [{ id: "c", capability: "contradiction", input: { x: 1 } }],
      output: "$steps.c",
    }));
    const run = await cli("run", join(work, "impossible.json"));
    expect(run.code).toBe(1);
    const error = run.json<{ ok: boolean; error: { code: string; message: string } }>().error;
    expect(error.code).toBe("step_failed");
    expect(error.message).toContain("contradiction");
    expect(error.message).toContain("synthesis_failed");
  });

  it("refuses an input file holding a lone surrogate with invalid_input, before any run starts", async () => {
    // JSON.stringify writes the lone surrogate as the escape "\ud800", which JSON.parse turns back into one.
    await writeFile(join(work, "lonely.json"), JSON.stringify({ budget: 1, items: [{ name: String.fromCharCode(0xd800), qty: 1, price: 1, cost: 1 }] }));
    // The runs before this one share the data directory: count what this one adds.
    const started = async (): Promise<number> => (await cli("events", "--filter", "capsmith.evt.run.>")).json<{ events: { type: string }[] }>().events.filter((e) => e.type === "RunStarted").length;
    const before = await started();
    const run = await cli("run", join(work, "plan.json"), "--input", join(work, "lonely.json"));
    expect(run.code).toBe(2);
    const error = run.json<{ ok: boolean; error: { code: string; message: string } }>().error;
    expect(error).toMatchObject({ code: "invalid_input", message: expect.stringContaining("$.items[0].name") });
    expect(await started()).toBe(before);
  });
});
