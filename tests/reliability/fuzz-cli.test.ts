/**
 * Bad files through the real `capsmith` binary: malformed plans (`run`), specs (`synthesize --spec`),
 * packages (`plugin install`, `plugin preflight`) and policy files (`--policy`), sampled with fixed
 * seeds from the same mutations the in-process suites use, plus broken JSON text. Every process
 * exits 2 (1 where documented), prints exactly one JSON object under `--json`, never a stack trace,
 * never hangs, and leaves the log empty.
 */
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePlan } from "../../src/agents/index.ts";
import { parseSpec } from "../../src/spec/index.ts";
import { CapsmithError } from "../../src/events/index.ts";
import { parsePolicy, pluginPackageSchema } from "../../src/hub/index.ts";
import { runCli } from "../support/run-cli.ts";
import { makePackage } from "../support/plugin-packages.ts";
import { loadTask } from "../support/tasks.ts";
import { FUZZ_SEED, badInputs, runs } from "./fuzz-support.ts";

const plan = JSON.parse(readFileSync(join(import.meta.dirname, "../../examples/budget-review/plan.json"), "utf8")) as unknown;
const spec = loadTask("count_items");
const pkg = makePackage("1.0.0");
const policy = { mode: "auto", minTier: { node: "T1" }, approvalRequired: { permissions: ["net"], profiles: ["agent"] } };

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "capsmith-fuzz-cli-"));
  await writeFile(join(root, "good-package.json"), JSON.stringify(pkg));
  await writeFile(join(root, "good-plan.json"), JSON.stringify(plan));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Malformed documents only: samples the in-process parser refuses (an accepted one would start real work). */
function refusedSamples(valid: unknown, refuses: (v: unknown) => boolean, n: number, seed: number): string[] {
  const texts = fc.sample(badInputs(valid).filter(refuses), { seed, numRuns: runs(n) }).map((v) => JSON.stringify(v));
  const text = JSON.stringify(valid, null, 2);
  // Broken JSON text too: cut mid-document, not JSON at all, and a document with a value nested 3,000 deep.
  const deep = text.replace(/}\s*$/, `, "deep": ${"[".repeat(3_000)}${"]".repeat(3_000)}}`);
  return [...texts, text.slice(0, Math.floor(text.length / 2)), "\u0000\u00ff not json", deep];
}

function refusedBy(parse: (v: unknown) => unknown): (v: unknown) => boolean {
  return (v) => {
    try {
      parse(v);
      return false;
    } catch (err) {
      return err instanceof CapsmithError;
    }
  };
}

interface Case {
  name: string;
  args: (file: string) => string[];
  texts: string[];
  /** Exit statuses the README documents for this refusal. */
  exits: number[];
}

const cases: Case[] = [
  { name: "run PLAN", args: (f) => ["run", f, "--backend", "example"], texts: refusedSamples(plan, refusedBy(parsePlan), 4, FUZZ_SEED), exits: [2] },
  { name: "synthesize --spec", args: (f) => ["synthesize", "--spec", f, "--backend", "example"], texts: refusedSamples(spec, refusedBy(parseSpec), 4, FUZZ_SEED + 1), exits: [2] },
  { name: "synthesize --spec --publish", args: (f) => ["synthesize", "--spec", f, "--publish", "--backend", "example"], texts: refusedSamples(spec, refusedBy(parseSpec), 2, FUZZ_SEED + 2), exits: [2] },
  // preflight reports a bad package as a failed report (exit 1, documented in issue 5); unreadable JSON is a usage error.
  { name: "plugin preflight", args: (f) => ["plugin", "preflight", f], texts: refusedSamples(pkg, (v) => !pluginPackageSchema.safeParse(v).success, 4, FUZZ_SEED + 3), exits: [1, 2] },
  { name: "plugin install", args: (f) => ["plugin", "install", f], texts: refusedSamples(pkg, (v) => !pluginPackageSchema.safeParse(v).success, 4, FUZZ_SEED + 4), exits: [2] },
  { name: "plugin install --policy", args: (f) => ["plugin", "install", join(root, "good-package.json"), "--policy", f], texts: refusedSamples(policy, refusedBy((v) => parsePolicy(v)), 3, FUZZ_SEED + 5), exits: [2] },
  { name: "run --policy", args: (f) => ["run", join(root, "good-plan.json"), "--policy", f], texts: refusedSamples(policy, refusedBy((v) => parsePolicy(v)), 2, FUZZ_SEED + 6), exits: [2] },
];

let counter = 0;
async function runCase(c: Case, text: string): Promise<void> {
  const dir = join(root, `case-${++counter}`);
  await mkdir(dir);
  const file = join(dir, "input.json");
  await writeFile(file, text);
  const data = join(dir, "data");
  // There already, so preflight (which only reads) judges the package, not a missing directory (data_dir_missing).
  await mkdir(data);
  const result = await runCli(["--json", "--data", data, ...c.args(file)], { timeoutMs: 60_000 });
  const where = `${c.name} with ${text.slice(0, 300)}`;
  expect(result.code, `${where}\nstdout: ${result.stdout}\nstderr: ${result.stderr.slice(-2_000)}`).not.toBeNull(); // not killed by the timeout
  expect(c.exits, `${where}: exit ${result.code}\n${result.stdout}`).toContain(result.code);
  const json = result.json<{ ok: boolean; error?: { code: string; message: string; nextStep?: string }; findings?: { code: string; nextStep: string }[] }>();
  expect(json.ok).toBe(false);
  if (json.error) {
    expect(json.error.code).toMatch(/^[a-z_]+$/);
    expect(json.error.message).not.toBe("");
    expect(json.error.nextStep, where).toBeTruthy();
    expect(json.error.code, where).not.toBe("internal");
  } else {
    expect(json.findings?.length, where).toBeGreaterThan(0);
    for (const f of json.findings!) expect(f.nextStep).toBeTruthy();
  }
  expect(result.stdout + result.stderr, `${where}: a stack trace`).not.toMatch(/\n\s+at .+:\d+:\d+/);
  const size = await stat(join(data, "events.log")).then((s) => s.size, () => 0);
  expect(size, `${where}: wrote to the log`).toBe(0);
}

describe("the CLI answers bad files with one coded JSON error", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    // Two at a time: the machine has two cores and the processes mostly wait on startup.
    const queue = [...c.texts];
    await Promise.all([0, 1].map(async () => {
      for (let text = queue.shift(); text !== undefined; text = queue.shift()) await runCase(c, text);
    }));
  }, 240_000);
});
