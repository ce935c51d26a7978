/**
 * `capsmith run` when policy holds a missing step's plugin for an operator, through the real binary:
 * the run ends at once with the step failed `awaiting_approval` and the approve command as its next
 * step (not after the gap's 120 s timeout); run again while held, it says the same without a new
 * search; after the approval it names, the same run publishes the plugin and answers.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

let dir: string;
let run: string[];
const cli = (args: string[]) => runCli(["--data", join(dir, "data"), ...args], { timeoutMs: 60_000 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-run-held-"));
  await writeFile(join(dir, "policy.json"), JSON.stringify({ approvalRequired: { profiles: ["node"], permissions: [] } }));
  await writeFile(join(dir, "plan.json"), JSON.stringify({
    plan: "doubling",
    capabilities: {
      double_num: {
        description: "twice n",
        inputSchema: { type: "object", properties: { n: { type: "integer" } }, required: ["n"] },
        outputSchema: { type: "integer" },
        examples: [{ input: { n: 1 }, output: 2 }, { input: { n: 5 }, output: 10 }, { input: { n: -3 }, output: -6 }],
      },
    },
    steps: [{ id: "twice", capability: "double_num", input: { n: "$input.n" } }],
    output: "$steps.twice",
  }));
  await writeFile(join(dir, "input.json"), JSON.stringify({ n: 21 }));
  run = ["run", join(dir, "plan.json"), "--input", join(dir, "input.json"), "--policy", join(dir, "policy.json"), "--backend", "example"];
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("run with a step's plugin held by policy", () => {
  it("fails the step awaiting_approval at once, with the approve command as the next step", async () => {
    // Killed after 60 s (code null) if the step waits for the operator.
    const r = await cli(["--json", ...run]);
    // 3, not 1: held for a person is not a failure (README, Exit status).
    expect(r.code, r.stdout + r.stderr).toBe(3);
    const answer = r.json<{ error: { nextStep: string; details: { cause: { code: string; message: string } } } }>();
    expect(answer).toMatchObject({ ok: false, error: { code: "step_failed", details: { cause: { code: "awaiting_approval" } } } });
    expect(answer.error.details.cause.message).toContain("policy holds double_num@1.0.0");
    expect(answer.error.nextStep).toContain("capsmith plugin approve double_num@1.0.0 --key OPERATOR_KEY, then run the plan again");
  }, 90_000);

  it("says so again while the plugin is still held", async () => {
    const r = await cli(run);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^run \S+ is waiting for a person \[awaiting_approval\]: step "twice" \(capability double_num\): policy holds double_num@1\.0\.0/);
    expect(r.stdout).toContain("next step: An operator approves it with capsmith plugin approve double_num@1.0.0");
  }, 90_000);

  it("publishes and answers after the approval it names, when run again", async () => {
    const approve = await cli(["plugin", "approve", "double_num@1.0.0", "--key", "operator"]);
    expect(approve.code, approve.stderr).toBe(0);
    const r = await cli(["--json", ...run]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ ok: true, output: 42 });
  }, 90_000);
});
