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
