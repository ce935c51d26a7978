/**
 * `capsmith -p` when policy holds the plugin a request needs, through the real binary: with nobody
 * at a prompt to approve it, the hold is the answer at once — `awaiting_approval`, the approve
 * command as the next step, exit status 3 (held: waiting for a person), as `synthesize --publish`
 * and `run` answer — where it used to wait for an operator until the gap's timeout.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

let dir: string;
const cli = (args: string[]) => runCli(["--data", join(dir, "data"), ...args], { timeoutMs: 60_000 });
const spec = {
  capability: "double_num",
  description: "twice n",
  inputSchema: { type: "object", properties: { n: { type: "integer" } }, required: ["n"] },
  outputSchema: { type: "integer" },
  examples: [{ input: { n: 1 }, output: 2 }, { input: { n: 5 }, output: 10 }, { input: { n: -3 }, output: -6 }],
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-print-held-"));
  await mkdir(join(dir, "data"));
  await writeFile(join(dir, "data", "policy.json"), JSON.stringify({ approvalRequired: { profiles: ["node"], permissions: [] } }));
  await writeFile(join(dir, "spec.json"), JSON.stringify(spec));
  const { capability: _name, ...withoutName } = spec;
  await writeFile(join(dir, "plan.json"), JSON.stringify({ plan: "doubling", capabilities: { double_num: withoutName }, steps: [{ id: "twice", capability: "double_num", input: { n: "$input.n" } }], output: "$steps.twice" }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("-p with a plugin policy holds", () => {
  it("/synthesize answers awaiting_approval at once, exit 3, with the approve command", async () => {
    // Killed after 60 s (code null) if it waits for an operator.
    const run = await cli(["-p", `/synthesize ${join(dir, "spec.json")}`]);
    expect(run.code, run.stdout + run.stderr).toBe(3);
    expect(run.stdout).toContain("[awaiting_approval]");
    expect(run.stdout).toContain("capsmith plugin approve double_num@1.0.0 --key OPERATOR_KEY");
  }, 90_000);

  it("says the same again while it is held, and /run of a plan that needs it too", async () => {
    const again = await cli(["--json", "-p", `/synthesize ${join(dir, "spec.json")}`]);
    expect(again.code, again.stdout + again.stderr).toBe(3);
    expect(again.json()).toMatchObject({ ok: false, error: { code: "awaiting_approval", nextStep: expect.stringContaining("plugin approve double_num@1.0.0") } });
    const run = await cli(["--json", "-p", `/run ${join(dir, "plan.json")} {"n":21}`]);
    expect(run.code, run.stdout + run.stderr).toBe(3);
    expect(run.json()).toMatchObject({ ok: false, error: { code: "awaiting_approval", message: expect.stringContaining("is waiting for a person") } });
  }, 90_000);

  it("publishes after the approval it names, when asked again", async () => {
    expect((await cli(["keys", "generate", "op", "--role", "operator", "--trust"])).code).toBe(0);
    const approve = await cli(["plugin", "approve", "double_num@1.0.0", "--key", "op"]);
    expect(approve.code, approve.stdout + approve.stderr).toBe(0);
    const run = await cli(["--json", "-p", `/run ${join(dir, "plan.json")} {"n":21}`]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ ok: true, result: { value: 42 } });
  }, 90_000);
});
