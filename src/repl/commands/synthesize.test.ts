import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openHarness, totalCostSpec } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { synthesize } from "./synthesize.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness({ roles: ["gap", "synthesizer", "tester", "governor"] })));
afterAll(() => h.close());

it("/synthesize builds the capability a spec file describes", async () => {
  await writeFile(join(h.dir, "spec.json"), JSON.stringify(totalCostSpec));
  const result = await synthesize.run(h.ctx(), "spec.json");
  expect(result).toMatchObject({ type: "prompt", text: expect.stringContaining("total_cost@1.0.0 published") });
  expect(await synthesize.run(h.ctx(), "spec.json")).toMatchObject({ type: "prompt", text: expect.stringContaining("already served by total_cost@1.0.0") });
});

it("/synthesize names what is wrong with a spec", async () => {
  await writeFile(join(h.dir, "bad.json"), JSON.stringify({ ...totalCostSpec, examples: [] }));
  expect(await synthesize.run(h.ctx(), "bad.json")).toMatchObject({ type: "error", code: "invalid_spec", message: expect.stringContaining("examples") });
  await expect(synthesize.run(h.ctx(), "missing.json")).rejects.toMatchObject({ code: "file_not_found" });
  expect(await synthesize.run(h.ctx(), "")).toMatchObject({ type: "error", code: "usage" });
});

it("/synthesize asks to confirm a program found after an answer that matched none of the outputs offered, then publishes it", async () => {
  // The last example was answered 10 where 7 was offered: a surprise, so `n * 2` is not published silently.
  const examples = [{ input: { n: 2 }, output: 4 }, { input: { n: -3 }, output: -6 }, { input: { n: 0 }, output: 0 }, { input: { n: 5 }, output: 10, offered: [7] }];
  await writeFile(join(h.dir, "surprised.json"), JSON.stringify({ capability: "twice_surprised", description: "twice n", inputSchema: { type: "object" }, outputSchema: { type: "integer" }, examples }));
  const ctx = h.ctx([(q) => q.placeholder ?? null]);
  const result = await synthesize.run(ctx, "surprised.json");
  expect(ctx.shown).toContainEqual(expect.objectContaining({ tone: "warning", text: expect.stringContaining("nothing confirms it") }));
  // One reading offered: the placeholder is that output alone, and confirming it publishes.
  const question = ctx.asked.find((q) => q.text.startsWith("What should twice_surprised give for"))!;
  expect(question.placeholder).not.toContain(" or ");
  expect(result).toMatchObject({ type: "prompt", text: expect.stringContaining("twice_surprised@1.0.0 published") });
  const plugin = (await h.runtime.hub.state()).plugins["twice_surprised@1.0.0"]!;
  const confirmed = (plugin.spec["examples"] as { output: unknown; offered?: unknown[] }[]).at(-1)!;
  expect(confirmed.offered).toEqual([JSON.parse(question.placeholder!)]);
  expect(confirmed.output).toEqual(JSON.parse(question.placeholder!));
}, 120_000);
