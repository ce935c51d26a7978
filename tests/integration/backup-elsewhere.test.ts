/**
 * A backup of a data directory, restored or verified at another path, verifies as the original does
 * (docs/operations.md, Backups and Restores): `audit verify` checks the chain heads its newest
 * snapshot recorded — as many as at the original — so a copy cut short fails there too, and
 * `audit verify --anchor` re-reads every anchored head. Through the binary, on a real copy.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePackage } from "../support/plugin-packages.ts";
import { readLogLines, writeLogLines } from "../support/log-tamper.ts";
import { runCli } from "../support/run-cli.ts";

interface Verified {
  ok: boolean;
  anchorsChecked: number;
  firstBreak?: { problem: string };
}

let dir: string;
let original: string;
let anchorFile: string;
const cli = (data: string, ...args: string[]) => runCli(["--data", data, ...args]);
const verify = async (data: string): Promise<Verified> => (await cli(data, "--json", "audit", "verify")).json<Verified>();

/** The whole data directory copied, as a stopped backup is (docs/operations.md), to a path of its own. */
async function backupAt(name: string): Promise<string> {
  const copy = join(dir, "elsewhere", name);
  await mkdir(join(dir, "elsewhere"), { recursive: true });
  await cp(original, copy, { recursive: true });
  return copy;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-backup-elsewhere-"));
  original = join(dir, "data");
  await writeFile(join(dir, "double.json"), JSON.stringify(makePackage("1.0.0")));
  expect((await cli(original, "plugin", "install", join(dir, "double.json"))).code).toBe(0);
  expect((await cli(original, "note", "before the backup")).code).toBe(0);
  anchorFile = join(dir, "anchor.json");
  const anchored = await cli(original, "audit", "anchor", "--out", anchorFile);
  expect(anchored.code, anchored.stderr).toBe(0);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("a backup at another path", () => {
  it("checks as many anchored heads as the original", async () => {
    const atOriginal = await verify(original);
    expect(atOriginal).toMatchObject({ ok: true });
    expect(atOriginal.anchorsChecked).toBeGreaterThan(0);
    const copy = await backupAt("restored");
    const atCopy = await verify(copy);
    expect(atCopy).toMatchObject({ ok: true, anchorsChecked: atOriginal.anchorsChecked });
    const text = await cli(copy, "audit", "verify");
    expect(text.stdout).toContain(`${atOriginal.anchorsChecked} anchored heads checked`);
  });

  it("verifies against the operator's anchor, every anchored head re-read", async () => {
    const copy = await backupAt("anchored");
    const run = await cli(copy, "--json", "audit", "verify", "--anchor", anchorFile);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ ok: true, mode: "incremental", headsChecked: (await verify(original)).anchorsChecked });
  });

  it("fails when the copy's log was cut short, as the original would", async () => {
    const copy = await backupAt("cut-short");
    const lines = await readLogLines(copy);
    await writeLogLines(copy, lines.slice(0, -1));
    const atCopy = await verify(copy);
    expect(atCopy.ok).toBe(false);
    expect(atCopy.firstBreak).toMatchObject({ problem: "truncated" });
  });
});
