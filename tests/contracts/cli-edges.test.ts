/**
 * The contracts through the real binary on a fresh data directory: `invoke` with an input the schema
 * refuses exits 2 with input_invalid (the plugin never ran), a misspelt capability gets a near match,
 * `plugin install` of a version that breaks a dependent is refused with dependents_broken until
 * `--force`, and `plugin rollback` walks back twice, never forward.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { totalCost, wcDouble, wordCount } from "./packages.ts";

let work: string;
let data: string;
const cli = (...args: string[]) => runCli(["--data", data, "--json", ...args], { timeoutMs: 120_000 });
const file = async (name: string, value: unknown): Promise<string> => {
  const path = join(work, name);
  await writeFile(path, JSON.stringify(value));
  return path;
};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "capsmith-contracts-cli-"));
  data = join(work, "data");
  for (const [name, pkg] of [["tc.json", totalCost()], ["tc11.json", totalCost("1.1.0", "export default (i) => i.items.reduce((s, x) => s + x.qty * x.price, 0);\n")], ["tc12.json", totalCost("1.2.0", "export default (i) => { let s = 0; for (const x of i.items) s += x.qty * x.price; return s; };\n")], ["wc1.json", wordCount("1.0.0")], ["wcd.json", wcDouble()]] as const) {
    const run = await cli("plugin", "install", await file(name, pkg));
    expect(run.json()).toMatchObject({ ok: true });
  }
}, 600_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe("capsmith invoke", () => {
  it("exits 2 with input_invalid and the pointer for an input the schema refuses", async () => {
    const run = await cli("invoke", "total_cost", "--input", '{"x":1}');
    expect(run.code).toBe(2);
    expect(run.json()).toMatchObject({ ok: false, error: { code: "input_invalid" } });
    expect(JSON.stringify(run.json())).toContain("/items");
  }, 300_000);

  it("offers a near match for a misspelt capability", async () => {
    const run = await cli("invoke", "total_costs", "--input", '{"items":[]}');
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({ error: { code: "capability_not_found", message: expect.stringContaining("Did you mean total_cost") } });
  }, 300_000);
});

describe("capsmith plugin", () => {
  it("refuses a version that breaks a dependent, and --force installs it with the dependent at T0", async () => {
    const pkg = await file("wc2.json", wordCount("2.0.0"));
    const refused = await cli("plugin", "install", pkg);
    expect(refused.code).toBe(1);
    expect(refused.json()).toMatchObject({ ok: false, error: { code: "dependents_broken", message: expect.stringContaining("wc_double@1.0.0") } });
    const forced = await cli("plugin", "install", pkg, "--force");
    expect(forced.json()).toMatchObject({ ok: true, pluginId: "word_count@2.0.0", demoted: ["wc_double@1.0.0"] });
  }, 300_000);

  it("rolls back further on each rollback, never forward", async () => {
    expect((await cli("plugin", "rollback", "total_cost")).json()).toMatchObject({ ok: true, pluginId: "total_cost@1.1.0" });
    expect((await cli("plugin", "rollback", "total_cost")).json()).toMatchObject({ ok: true, pluginId: "total_cost@1.0.0" });
    const none = await cli("plugin", "rollback", "total_cost");
    expect(none.json()).toMatchObject({ ok: false, error: { code: "nothing_to_roll_back" } });
  }, 300_000);
});
