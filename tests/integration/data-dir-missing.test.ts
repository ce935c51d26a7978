/**
 * A data directory someone named (--data, CAPSMITH_HOME) that is not there: commands that only read
 * the log refuse it (data_dir_missing, exit 1, nothing created) instead of reading an empty log; a
 * command that writes makes it, as it makes the default ./.capsmith on first use. The real CLI.
 */
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "capsmith-data-dir-missing-"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

const READERS = [["deadletters", "list"], ["events"], ["plugin", "list"], ["audit", "verify"], ["replay"], ["keys", "list"]];

describe("a named data directory that is not there", () => {
  it("is refused by commands that only read, named by --data: data_dir_missing with the path and a next step, exit 1, nothing created", async () => {
    const typo = join(root, "dat");
    const runs = await Promise.all(READERS.map((args) => runCli(["--data", typo, "--json", ...args])));
    for (const [i, run] of runs.entries()) {
      expect(run.code, `${READERS[i]!.join(" ")}: ${run.stdout}${run.stderr}`).toBe(1);
      expect(run.json()).toMatchObject({ ok: false, error: { code: "data_dir_missing", message: expect.stringContaining(typo), nextStep: expect.stringMatching(/Check the path.*first command that writes/), details: { dataDir: typo, from: "--data" } } });
    }
    expect(await exists(typo)).toBe(false);
    expect(await readdir(root)).toEqual([]);
  }, 120_000);

  it("named by CAPSMITH_HOME: the same, and in text mode the error, its next step and where to read more", async () => {
    const typo = join(root, "home-typo");
    const run = await runCli(["deadletters", "list"], { env: { CAPSMITH_HOME: typo } });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`error [data_dir_missing]: no data directory at ${typo} (named by CAPSMITH_HOME)`);
    expect(run.stderr).toContain("next step: Check the path in CAPSMITH_HOME.");
    expect(run.stderr).toContain("more: capsmith help errors data_dir_missing");
    expect(await exists(typo)).toBe(false);
  }, 60_000);

  it("is made by a command that writes (note), and read from then on", async () => {
    const fresh = join(root, "fresh");
    const noted = await runCli(["--data", fresh, "--json", "note", "first words"]);
    expect(noted.code, noted.stdout + noted.stderr).toBe(0);
    expect(await exists(join(fresh, "events.log"))).toBe(true);
    const events = await runCli(["--data", fresh, "--json", "events"]);
    expect(events.code, events.stdout + events.stderr).toBe(0);
    expect(events.json<{ events: { type: string }[] }>().events.map((e) => e.type)).toContain("OperatorNote");
    expect((await runCli(["--data", fresh, "--json", "deadletters", "list"])).json()).toEqual({ ok: true, letters: [] });
  }, 60_000);

  it("the default ./.capsmith (nothing named) reads as empty before it is there, and is made by the first command that writes (a reading command makes nothing)", async () => {
    const run = await runCli(["--json", "deadletters", "list"], { cwd: root });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.json()).toEqual({ ok: true, letters: [] });
    expect(await readdir(root)).toEqual([]);
    const noted = await runCli(["--json", "note", "hello"], { cwd: root });
    expect(noted.code, noted.stdout + noted.stderr).toBe(0);
    expect(await exists(join(root, ".capsmith", "policy.json"))).toBe(true);
  }, 60_000);
});
