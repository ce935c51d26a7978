/**
 * Attacks on the rdfix promise "a read-only command never reads a mistyped data directory as an empty
 * log, and never creates it" (src/cli/capsmith-access.ts requireNamedDataDir, src/config/config.ts
 * dataDirFrom), through the real CLI: odd --data values, readers that do not go through withReader,
 * NATS. Attacks that break the promise are `it.fails("BROKE: ...")`; those fixed since (rdfix2) are
 * `it("FIXED (broke before): ...")`; where the fix refuses with a code of its own (data_dir_invalid,
 * data_dir_not_directory), the test expects that code.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";
import { startNatsServer } from "../support/nats-server.ts";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "capsmith-attack-rdfix-"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);
const refused = (run: { json(): unknown }, dataDir: string, code = "data_dir_missing") => expect(run.json()).toMatchObject({ ok: false, error: { code, nextStep: expect.any(String), details: { dataDir } } });
const missing = (run: { json(): unknown }, dataDir: string) => refused(run, dataDir);

describe("odd --data values", () => {
  it("a dangling symlink: data_dir_missing, and neither the link's target nor anything else is made", async () => {
    await symlink(join(root, "nowhere"), join(root, "link"));
    const run = await runCli(["--data", join(root, "link"), "--json", "events"]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    missing(run, join(root, "link"));
    expect((await readdir(root)).sort()).toEqual(["link"]);
  }, 60_000);

  it("a relative typo with a trailing slash, from another directory: data_dir_missing naming the resolved path, nothing made", async () => {
    await mkdir(join(root, "cwd"));
    const run = await runCli(["--data", "../dat/", "--json", "deadletters", "list"], { cwd: join(root, "cwd") });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    missing(run, join(root, "dat"));
    expect((await readdir(root)).sort()).toEqual(["cwd"]);
    expect(await readdir(join(root, "cwd"))).toEqual([]);
  }, 60_000);

  it("FIXED (broke before): --data \"\" (an unset shell variable) reads the current directory as an empty log (exit 0, no dead letters) and writes events.log and policy.json into it — now a usage error, data_dir_invalid (exit 2)", async () => {
    const cwd = join(root, "project");
    await mkdir(cwd);
    await writeFile(join(cwd, "README"), "my project\n");
    for (const args of [["deadletters", "list"], ["note", "hello"]]) {
      const run = await runCli(["--data", "", "--json", ...args], { cwd });
      expect({ code: run.code, files: (await readdir(cwd)).sort() }, run.stdout + run.stderr).toEqual({ code: 2, files: ["README"] });
      expect(run.json()).toMatchObject({ ok: false, error: { code: "data_dir_invalid", nextStep: expect.stringContaining("--data") } });
    }
  }, 60_000);

  it("FIXED (broke before): --data naming a FILE is refused as file_not_found (exit 2) with a next step about --policy, which was never given — now data_dir_not_directory (exit 1), for a reader and a writer", async () => {
    const file = join(root, "notes.txt");
    await writeFile(file, "not a data directory\n");
    for (const args of [["deadletters", "list"], ["note", "hello"]]) {
      const run = await runCli(["--data", file, "--json", ...args]);
      expect(await readFile(file, "utf8")).toBe("not a data directory\n");
      expect(run.code, run.stdout).toBe(1);
      refused(run, file, "data_dir_not_directory");
    }
  }, 60_000);

  it("FIXED (broke before): --data FILE/sub (a path through a file: stat fails ENOTDIR, not ENOENT) is not data_dir_missing either: requireNamedDataDir counts only ENOENT as missing — now data_dir_not_directory (exit 1)", async () => {
    const file = join(root, "notes.txt");
    await writeFile(file, "not a data directory\n");
    const run = await runCli(["--data", join(file, "sub"), "--json", "events"]);
    expect(run.code, run.stdout).toBe(1);
    refused(run, join(file, "sub"), "data_dir_not_directory");
  }, 60_000);

  // Left open (rdfix2): refusing a named directory that holds no events.log, policy.json or keys/
  // (data_dir_not_capsmith) also refuses an empty directory made by hand as a new hub, which readers
  // take today (tests/hub/plugin-cli.test.ts and golden-harness.test.ts mkdir the hub they preflight
  // against). Telling the two apart needs a marker a writer leaves; not a small change.
  it.fails("BROKE (beside the promise, which speaks of a directory that is not there): --data naming an existing directory that is no data directory (the project instead of project/.capsmith) is read as an empty log, exit 0, and a reader writes events.log and policy.json into it", async () => {
    const project = join(root, "project");
    await mkdir(project);
    await writeFile(join(project, "README"), "my project\n");
    const run = await runCli(["--data", project, "--json", "events"]);
    expect({ code: run.code, files: (await readdir(project)).sort() }).toEqual({ code: 1, files: ["README"] });
  }, 60_000);

  it("an empty CAPSMITH_HOME names nothing: the default ./.capsmith is read (and made), never the current directory itself", async () => {
    const run = await runCli(["--json", "deadletters", "list"], { cwd: root, env: { CAPSMITH_HOME: "  " } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(await readdir(root)).toEqual([".capsmith"]);
  }, 60_000);
});

describe("readers that do not go through withReader", () => {
  it("FIXED (broke before): capsmith tokens list on a mistyped --data answers an empty token list, exit 0 (it reads <data>/serve/tokens.json directly, never asking whether the directory is there)", async () => {
    const typo = join(root, "dat");
    const run = await runCli(["--data", typo, "--json", "tokens", "list"]);
    expect(run.code, run.stdout).toBe(1);
    missing(run, typo);
    expect(await readdir(root)).toEqual([]);
  }, 60_000);

  it("capsmith keys list reads <data>/keys before withReader, but makes nothing and is refused", async () => {
    const typo = join(root, "dat");
    const run = await runCli(["--data", typo, "--json", "keys", "list"]);
    expect(run.code).toBe(1);
    missing(run, typo);
    expect(await readdir(root)).toEqual([]);
  }, 60_000);

  it("capsmith keys export on a mistyped --data is key_not_found, nothing made", async () => {
    const typo = join(root, "dat");
    const run = await runCli(["--data", typo, "--json", "keys", "export", "release", "-o", join(root, "out.json")]);
    expect(run.code).not.toBe(0);
    expect(run.json()).toMatchObject({ ok: false });
    expect(await readdir(root)).toEqual([]);
  }, 60_000);

  it("FIXED (broke before): capsmith plugin test of a plugin with a dependency (only reads the hub's state) on a mistyped --data creates the directory (log, policy, role keys) and reads it as an empty hub (dependency_unresolved) — it goes through withCapsmith", async () => {
    const plugin = join(root, "wc_double");
    await mkdir(plugin);
    await writeFile(join(plugin, "manifest.json"), JSON.stringify({
      capability: "wc_double", version: "1.0.0", apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0 <1.0.0", profile: "node",
      dependencies: { word_count: "^1.0.0" }, provenance: { origin: "authored" },
    }));
    await writeFile(join(plugin, "plugin.js"), 'export default async function (input, host) {\n  return 2 * (await host.invoke("word_count", { text: input.text }));\n}\n');
    await writeFile(join(plugin, "spec.json"), JSON.stringify({
      capability: "wc_double", description: "Twice the number of words.",
      inputSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] }, outputSchema: { type: "integer" },
      examples: [{ input: { text: "a b c" }, output: 6 }],
    }));
    const typo = join(root, "dat");
    const run = await runCli(["--data", typo, "--json", "plugin", "test", plugin], { timeoutMs: 90_000 });
    expect({ created: await exists(typo), code: (run.json() as { error?: { code?: string } }).error?.code }).toEqual({ created: false, code: "data_dir_missing" });
  }, 120_000);
});

describe("on NATS", () => {
  it("--nats with a mistyped --data: the log is on NATS, and readers make nothing under the mistyped path", async () => {
    const nats = await startNatsServer({ useEnv: false });
    try {
      const typo = join(root, "dat");
      for (const args of [["deadletters", "list"], ["events"], ["keys", "list"], ["plugin", "list"]]) {
        const run = await runCli(["--nats", nats.url, "--data", typo, "--json", ...args]);
        expect(run.code, `${args.join(" ")}: ${run.stdout}${run.stderr}`).toBe(0);
      }
      expect(await readdir(root), relative(tmpdir(), root)).toEqual([]);
    } finally {
      await nats.stop();
    }
  }, 120_000);
});
