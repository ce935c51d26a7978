/**
 * `capsmith synthesize --publish` when policy holds the plugin for an operator, through the real
 * binary: it ends at once with `awaiting_approval` (the plugin id and the exact approve / reject
 * commands), not after the loop's timeout; asked again it says the same without a new search; and
 * the approve command it gives, then the same command again, publishes the plugin.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

let dir: string;
let publish: string[];
const cli = (args: string[]) => runCli(["--data", join(dir, "data"), ...args], { timeoutMs: 60_000 });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-held-"));
  await writeFile(join(dir, "policy.json"), JSON.stringify({ approvalRequired: { profiles: ["node"], permissions: [] } }));
  await writeFile(join(dir, "spec.json"), JSON.stringify({
    capability: "double_num",
    description: "twice n",
    inputSchema: { type: "object", properties: { n: { type: "integer" } }, required: ["n"] },
    outputSchema: { type: "integer" },
    examples: [{ input: { n: 1 }, output: 2 }, { input: { n: 5 }, output: 10 }, { input: { n: -3 }, output: -6 }],
  }));
  publish = ["synthesize", "--spec", join(dir, "spec.json"), "--publish", "--policy", join(dir, "policy.json"), "--backend", "example"];
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("synthesize --publish with a plugin policy holds", () => {
  it("answers awaiting_approval with the plugin and the commands that decide it", async () => {
    // Killed after 60 s (code null) if it waits for the operator like before.
    const run = await cli(["--json", ...publish]);
    // 3, not 1: held for a person is not a failure (README, Exit status).
    expect(run.code).toBe(3);
    const answer = run.json<{ error: { nextStep: string } }>();
    expect(answer).toMatchObject({
      ok: false, outcome: "awaiting_approval", capability: "double_num", pluginId: "double_num@1.0.0",
      reasons: ["node plugins need an operator's approval"],
      error: { code: "awaiting_approval", message: expect.stringContaining("policy holds double_num@1.0.0") },
    });
    expect(answer.error.nextStep).toContain("capsmith plugin approve double_num@1.0.0 --key OPERATOR_KEY");
    expect(answer.error.nextStep).toContain("capsmith plugin reject double_num@1.0.0 --reason TEXT");
  }, 90_000);

  it("says so again, in text, while the plugin is still held", async () => {
    const run = await cli(publish);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("double_num not published yet [awaiting_approval]: policy holds double_num@1.0.0");
    expect(run.stdout).toContain("next step: An operator approves it with capsmith plugin approve double_num@1.0.0 --key OPERATOR_KEY");
  }, 90_000);

  it("publishes after the approval it names, when run again", async () => {
    const approve = await cli(["plugin", "approve", "double_num@1.0.0", "--key", "operator"]);
    expect(approve.code, approve.stderr).toBe(0);
    const run = await cli(publish);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("published double_num@1.0.0");
  }, 90_000);
});
