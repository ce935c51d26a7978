/**
 * Through the real binary: `synthesize` reports ambiguity (exit 1) unless --accept-ambiguous, and
 * contradictions at once; `--backend auto` falls back to `example` when the LLM fails and says so;
 * `--publish` never publishes an ambiguous program; `plugin new` / `plugin test` are the hand-written route.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { byValue, makeSpec } from "./fixtures.ts";

let dir: string;
const NO_LLM = { env: { OPENAI_API_KEY: "", OPENAI_BASE_URL: "", CAPSMITH_LLM_API_KEY: "", CAPSMITH_LLM_BASE_URL: "" } };
const twice = makeSpec("twice", "Twice n.", [[{ n: 2 }, 4], [{ n: 5 }, 10], [{ n: -1 }, -2]], [[{ n: 7 }, 14]]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-ask-"));
  await writeFile(join(dir, "amb.json"), JSON.stringify({ ...byValue, tests: undefined }));
  await writeFile(join(dir, "twice.json"), JSON.stringify(twice));
  await writeFile(join(dir, "contra.json"), JSON.stringify(makeSpec("contra", "Twice n.", [[{ n: 1 }, 2], [{ n: 1 }, 3]])));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("capsmith synthesize asks instead of guessing", () => {
  it("reports ambiguous with the input and the competing outputs, writes nothing, exits 1", async () => {
    const out = join(dir, "amb.js");
    const run = await runCli(["--json", "synthesize", "--spec", join(dir, "amb.json"), "--backend", "example", "--out", out], NO_LLM);
    expect(run.code, run.stderr).toBe(1);
    const json = run.json<{ ok: boolean; outcome: string; ambiguity: { input: unknown; readings: { output: unknown }[] }; error: { code: string; nextStep: string } }>();
    expect(json).toMatchObject({ ok: false, outcome: "ambiguous", error: { code: "ambiguous" } });
    expect(json.ambiguity.readings.length).toBeGreaterThanOrEqual(2);
    expect(json.error.nextStep).toContain("--accept-ambiguous");
    await expect(readFile(out, "utf8")).rejects.toThrow();
  });

  it("keeps the program with --accept-ambiguous, and says it was ambiguous", async () => {
    const run = await runCli(["synthesize", "--spec", join(dir, "amb.json"), "--backend", "example", "--accept-ambiguous"], NO_LLM);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("accepted although ambiguous");
    expect(run.stdout).toContain("export default function by_value");
  });

  it("reports contradictory examples at once with exit 1", async () => {
    const run = await runCli(["--json", "synthesize", "--spec", join(dir, "contra.json"), "--backend", "example", "--budget-ms", "600000"], NO_LLM);
    expect(run.code).toBe(1);
    expect(run.json<{ error: { code: string; details: { examples: number[] } } }>().error).toMatchObject({ code: "contradictory_examples", details: { examples: [1, 2] } });
  });

  it("--backend auto falls back to example when the configured LLM fails, and says so", async () => {
    const run = await runCli(["--json", "synthesize", "--spec", join(dir, "twice.json")], { env: { ...NO_LLM.env, OPENAI_BASE_URL: "http://127.0.0.1:9/v1" }, timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    const json = run.json<{ ok: boolean; backend: string; note: string }>();
    expect(json).toMatchObject({ ok: true, backend: "example" });
    expect(json.note).toMatch(/llm backend failed .*used the offline example backend instead/);
  }, 130_000);

  it("--publish does not publish an ambiguous program; with --accept-ambiguous it does", async () => {
    const data = join(dir, "data");
    const held = await runCli(["--data", data, "--json", "synthesize", "--spec", join(dir, "amb.json"), "--publish", "--backend", "example"], NO_LLM);
    expect(held.code, held.stderr).toBe(1);
    const answer = held.json<{ ok: boolean; outcome: string; ambiguity: { input: unknown } }>();
    expect(answer).toMatchObject({ ok: false, outcome: "ambiguous" });
    expect(answer.ambiguity.input).toBeTruthy();
    const list = await runCli(["--data", data, "--json", "plugin", "list", "--all"], NO_LLM);
    expect(JSON.stringify(list.json())).not.toContain("by_value@");
    const kept = await runCli(["--data", data, "--json", "synthesize", "--spec", join(dir, "amb.json"), "--publish", "--backend", "example", "--accept-ambiguous"], NO_LLM);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.json()).toMatchObject({ ok: true, synthesized: true });
  });
});

describe("the hand-written route", () => {
  it("plugin new scaffolds a directory whose golden cases are the spec's; plugin test runs them in the sandbox", async () => {
    const plugin = join(dir, "twice");
    const made = await runCli(["--json", "plugin", "new", "twice", "--spec", join(dir, "twice.json"), "--dir", plugin]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.json()).toMatchObject({ ok: true, capability: "twice", cases: 4 });
    const spec = JSON.parse(await readFile(join(plugin, "spec.json"), "utf8")) as { examples: unknown[] };
    expect(spec.examples).toEqual(twice.examples);

    // The skeleton fails every case, saying why.
    const failing = await runCli(["--json", "plugin", "test", plugin]);
    expect(failing.code).toBe(1);
    expect(failing.json()).toMatchObject({ ok: false, passed: 0, failed: 4 });

    // A wrong program fails the case it gets wrong, with what it gave.
    await writeFile(join(plugin, "plugin.js"), "export default function twice(input) {\n  return input.n === 7 ? 0 : input.n * 2;\n}\n");
    const wrong = await runCli(["--json", "plugin", "test", plugin]);
    expect(wrong.json<{ cases: { name: string; ok: boolean; error?: string }[] }>().cases.filter((c) => !c.ok)).toEqual([
      expect.objectContaining({ name: "t1", error: expect.stringContaining("expected 14, got 0") }),
    ]);

    await writeFile(join(plugin, "plugin.js"), "export default function twice(input) {\n  return input.n * 2;\n}\n");
    const passing = await runCli(["--json", "plugin", "test", plugin, "--write-report"]);
    expect(passing.code, passing.stderr).toBe(0);
    expect(passing.json()).toMatchObject({ ok: true, passed: 4, failed: 0, deterministic: true });
    expect(JSON.parse(await readFile(join(plugin, "test-report.json"), "utf8"))).toMatchObject({ passed: 4, failed: 0 });

    // It packs and installs as it is.
    const data = join(dir, "hand");
    const pkg = join(dir, "twice.capsmith.json");
    expect((await runCli(["--data", data, "plugin", "pack", plugin, "-o", pkg])).code).toBe(0);
    const install = await runCli(["--data", data, "--json", "plugin", "install", pkg]);
    expect(install.code, install.stderr).toBe(0);
  });

  it("plugin new refuses a bad name or a directory in use (exit 2)", async () => {
    expect((await runCli(["plugin", "new", "Bad-Name", "--dir", join(dir, "x")])).code).toBe(2);
    expect((await runCli(["plugin", "new", "twice", "--dir", join(dir, "twice")])).code).toBe(2);
  });
});
