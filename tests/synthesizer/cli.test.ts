import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { OWN_SPECS, makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

let dir: string;
/** `--backend auto` (the default) picks llm when one is configured: these tests mean the offline one. */
const NO_LLM = { env: { OPENAI_API_KEY: "", OPENAI_BASE_URL: "", CAPSMITH_LLM_API_KEY: "", CAPSMITH_LLM_BASE_URL: "" } };
const spec = OWN_SPECS.find((s) => s.capability === "expensive_names")!;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-synth-"));
  await writeFile(join(dir, "spec.json"), JSON.stringify(spec));
  await writeFile(join(dir, "bad.json"), JSON.stringify({ ...spec, constraints: ["deterministic", "fast"] }));
  await writeFile(join(dir, "broken.json"), "{ not json");
  await writeFile(join(dir, "noise.json"), JSON.stringify(makeSpec("noise", "", [[{ n: 1 }, "qzx"], [{ n: 2 }, "plm"], [{ n: 3 }, "wer"]])));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("capsmith synthesize", () => {
  it("--json prints one object with the code, size, candidates and time; --out writes the plugin module", async () => {
    const out = join(dir, "plugins", "expensive.js");
    const run = await runCli(["--json", "synthesize", "--spec", join(dir, "spec.json"), "--backend", "example", "--out", out]);
    expect(run.code, run.stderr).toBe(0);
    const json = run.json<{ ok: boolean; code: string; size: number; candidates: number; elapsedMs: number; backend: string; capability: string; tests: unknown[]; out: string }>();
    expect(json).toMatchObject({ ok: true, backend: "example", capability: "expensive_names", out });
    expect(json.size).toBeGreaterThan(0);
    expect(json.candidates).toBeGreaterThan(0);
    expect(typeof json.elapsedMs).toBe("number");
    expect(json.tests).toHaveLength(spec.examples.length);
    const written = await readFile(out, "utf8");
    expect(written).toBe(json.code);
    const fn = await loadPlugin(written);
    expect(fn({ products: [{ name: "a", price: 60 }, { name: "b", price: 10 }] }, {})).toEqual(["a"]);
  });

  it("prints the summary and the code without --json", async () => {
    const run = await runCli(["synthesize", "--spec", join(dir, "spec.json")], NO_LLM);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/synthesized expensive_names with the example backend: program size \d+/);
    expect(run.stdout).toContain("export default function expensive_names(input, host)");
  });

  it("exits 2 on a missing spec file", async () => {
    const run = await runCli(["--json", "synthesize", "--spec", join(dir, "missing.json")]);
    expect(run.code).toBe(2);
    expect(run.json<{ ok: boolean; error: { code: string } }>()).toMatchObject({ ok: false, error: { code: "file_not_found" } });
  });

  it("exits 2 on a spec that is not JSON or not a valid spec, saying where", async () => {
    const broken = await runCli(["--json", "synthesize", "--spec", join(dir, "broken.json")]);
    expect(broken.code).toBe(2);
    expect(broken.json<{ error: { code: string } }>().error.code).toBe("invalid_json");
    const bad = await runCli(["--json", "synthesize", "--spec", join(dir, "bad.json")]);
    expect(bad.code).toBe(2);
    const err = bad.json<{ error: { code: string; details: { issues: { path: string }[] } } }>().error;
    expect(err.code).toBe("invalid_input");
    expect(err.details.issues.map((i) => i.path)).toContain("constraints.1");
  });

  it("exits 2 without --spec and on a bad --budget-ms", async () => {
    expect((await runCli(["synthesize"])).code).toBe(2);
    expect((await runCli(["synthesize", "--spec", join(dir, "spec.json"), "--budget-ms", "soon"])).code).toBe(2);
  });

  it("publishes through the whole loop with --publish, then serves invoke; a second --publish finds it", async () => {
    const data = join(dir, "data");
    const publish = await runCli(["--data", data, "--json", "synthesize", "--spec", join(dir, "spec.json"), "--publish", "--backend", "example"], NO_LLM);
    expect(publish.code).toBe(0);
    const answer = publish.json<{ ok: boolean; pluginId: string; synthesized: boolean }>();
    expect(answer).toMatchObject({ ok: true, synthesized: true });
    const capability = answer.pluginId.split("@")[0]!;
    const spec = JSON.parse(await readFile(join(dir, "spec.json"), "utf8")) as { examples: { input: unknown; output: unknown }[] };
    const invoke = await runCli(["--data", data, "--json", "invoke", capability, "--input", JSON.stringify(spec.examples[0]!.input)], NO_LLM);
    expect(invoke.json()).toMatchObject({ ok: true, output: spec.examples[0]!.output });
    const again = await runCli(["--data", data, "--json", "synthesize", "--spec", join(dir, "spec.json"), "--publish", "--backend", "example"], NO_LLM);
    expect(again.json()).toMatchObject({ ok: true, synthesized: false, pluginId: answer.pluginId });
  });

  it("answers backend_unavailable for --backend llm when no key or base URL is set", async () => {
    const run = await runCli(["--json", "synthesize", "--spec", join(dir, "spec.json"), "--backend", "llm"], NO_LLM);
    expect(run.code).toBe(1);
    expect(run.json<{ error: { code: string; nextStep: string } }>().error).toMatchObject({ code: "backend_unavailable" });
  });

  it("gives up within --budget-ms with no_program_found and exit 1", async () => {
    const run = await runCli(["--json", "synthesize", "--spec", join(dir, "noise.json"), "--budget-ms", "200"], NO_LLM);
    expect(run.code).toBe(1);
    const err = run.json<{ ok: boolean; error: { code: string; details: { sizeReached: number } } }>();
    expect(err.ok).toBe(false);
    expect(err.error.code).toBe("no_program_found");
    expect(err.error.details.sizeReached).toBeGreaterThan(0);
  });
});
