/**
 * `capsmith revert --to POINT` while an install transaction is open (its process was SIGKILLed
 * mid-install), through the real binary: the revert rolls the open transaction back (code
 * `reverted`) with the capability's other compensations, so nothing is left `installing` and no
 * process that takes over expired leases later can finish it and activate what the revert undid.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOOD_CODE_V2, makePackage } from "../support/plugin-packages.ts";
import { runCli } from "../support/run-cli.ts";

interface Listing {
  capabilities: Record<string, { active: string | null }>;
  plugins: { id: string; status: string; installedSeq: number; changedSeq: number; installTx: string }[];
  /** One line per open transaction. */
  inProgress: string[];
}

let dir: string;
const cli = (args: string[], env: Record<string, string> = {}) => runCli(["--data", join(dir, "data"), ...args], { env });
const listing = async (): Promise<Listing> => (await cli(["--json", "plugin", "list", "--all"])).json<Listing>();
const plugin = (l: Listing, id: string) => l.plugins.find((p) => p.id === id)!;

/** Starts installing `id` in a process killed after its download phase: the transaction stays open; its id. */
async function crashMidInstall(file: string, id: string): Promise<string> {
  const crashed = await cli(["plugin", "install", file], { CAPSMITH_FAULT: "crash:verify" });
  expect(crashed.code, crashed.stderr).toBeNull();
  const l = await listing();
  expect(l.inProgress).toHaveLength(1);
  expect(plugin(l, id).status).toBe("installing");
  return plugin(l, id).installTx;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-revert-open-"));
  await writeFile(join(dir, "v1.json"), JSON.stringify(makePackage("1.0.0")));
  await writeFile(join(dir, "v11.json"), JSON.stringify(makePackage("1.1.0", GOOD_CODE_V2)));
  await writeFile(join(dir, "v12.json"), JSON.stringify(makePackage("1.2.0", "export default (i) => i.n * 2 + 0;\n")));
  const installed = await cli(["plugin", "install", join(dir, "v1.json")]);
  expect(installed.code, installed.stderr).toBe(0);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("revert with an install transaction open", () => {
  it("to a point before the transaction: rolls it back and uninstalls the candidate", async () => {
    const point = plugin(await listing(), "double_it@1.0.0").changedSeq;
    const txId = await crashMidInstall(join(dir, "v11.json"), "double_it@1.1.0");

    const revert = await cli(["--json", "revert", "--to", String(point)]);
    expect(revert.code, revert.stderr).toBe(0);
    expect(revert.json()).toMatchObject({ ok: true, toSeq: point, rolledBack: [txId] });

    const after = await listing();
    expect(after.inProgress).toEqual([]);
    expect(plugin(after, "double_it@1.1.0").status).toBe("uninstalled");
    expect(after.capabilities["double_it"]!.active).toBe("double_it@1.0.0");
    const trail = await cli(["audit", "trail", "--plugin", "double_it@1.1.0"]);
    expect(trail.stdout).toContain("[reverted]");
  }, 60_000);

  it("to a point inside the transaction: the candidate ends failed, not installing, and text mode says so", async () => {
    const txId = await crashMidInstall(join(dir, "v12.json"), "double_it@1.2.0");
    const point = plugin(await listing(), "double_it@1.2.0").installedSeq;

    const revert = await cli(["revert", "--to", String(point)]);
    expect(revert.code, revert.stderr).toBe(0);
    expect(revert.stdout).toContain(`rolling back 1 open install (tx ${txId})`);

    const after = await listing();
    expect(after.inProgress).toEqual([]);
    expect(plugin(after, "double_it@1.2.0").status).toBe("failed");
    expect(after.capabilities["double_it"]!.active).toBe("double_it@1.0.0");
    // The rollback is an operator's signed decision like the rest of the revert.
    const verify = await cli(["audit", "verify"]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  }, 60_000);
});
