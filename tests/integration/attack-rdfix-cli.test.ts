/**
 * Attacks on the rdfix promise "a read-only command never reads a mistyped data directory as an empty
 * log, and never creates it" (src/cli/capsmith-access.ts requireNamedDataDir, src/config/config.ts
 * dataDirFrom), through the real CLI: odd --data values, readers that do not go through withReader,
 * NATS. Attacks that break the promise are `it.fails("BROKE: ...")`; those fixed since (rdfix2) are
 * `it("FIXED (broke before): ...")`; where the fix refuses with a code of its own (data_dir_invalid,
 * data_dir_not_directory, data_dir_foreign), the test expects that code.
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

  it("FIXED (broke before): --data naming an existing directory that is no data directory (the project instead of project/.capsmith) is read as an empty log, exit 0, and a reader writes events.log and policy.json into it — now data_dir_foreign (exit 1) for a reader and a writer, naming what it holds, nothing written", async () => {
    const project = join(root, "project");
    await mkdir(project);
    await writeFile(join(project, "README"), "my project\n");
    // serve writes its operator token before it opens the log: were it not refused first, it would run until killed.
    for (const args of [["events"], ["deadletters", "list"], ["note", "hello"], ["deadletters", "redrive", "dl-1"], ["tokens", "create", "--role", "viewer"], ["keys", "generate", "k1"], ["serve", "--port", "0"]]) {
      const run = await runCli(["--data", project, "--json", ...args], { timeoutMs: 30_000 });
      expect({ code: run.code, files: (await readdir(project)).sort() }, `${args.join(" ")}: ${run.stdout}${run.stderr}`).toEqual({ code: 1, files: ["README"] });
      refused(run, project, "data_dir_foreign");
      expect(run.json()).toMatchObject({ error: { message: expect.stringContaining("README"), nextStep: expect.stringContaining(".capsmith"), details: { holds: ["README"] } } });
    }
  }, 120_000);

  it("an empty CAPSMITH_HOME names nothing: the default ./.capsmith is read, never the current directory itself (which, holding a README, would be refused); a reader makes nothing, a writer makes ./.capsmith", async () => {
    await writeFile(join(root, "README"), "my project\n");
    const read = await runCli(["--json", "deadletters", "list"], { cwd: root, env: { CAPSMITH_HOME: "  " } });
    expect(read.code, read.stdout + read.stderr).toBe(0);
    expect(read.json()).toEqual({ ok: true, letters: [] });
    expect(await readdir(root)).toEqual(["README"]);
    const noted = await runCli(["--json", "note", "hello"], { cwd: root, env: { CAPSMITH_HOME: "  " } });
    expect(noted.code, noted.stdout + noted.stderr).toBe(0);
    expect((await readdir(root)).sort()).toEqual([".capsmith", "README"]);
    expect(await exists(join(root, ".capsmith", "events.log"))).toBe(true);
  }, 60_000);
});

describe("directories that are there (dd): empty is new, capsmith's is read, anything else is refused", () => {
  const run = (dataDir: string, args: string[], env: Record<string, string> = {}) => runCli(["--data", dataDir, "--json", ...args], { env });
  const listing = async (dir: string): Promise<string[]> => (await readdir(dir)).sort();

  it("an empty directory (made by hand as a new hub): a reader reads an empty log and writes nothing; a writer makes it a data directory, signed", async () => {
    const hub = join(root, "hub");
    await mkdir(hub);
    for (const args of [["events"], ["deadletters", "list"], ["keys", "list"], ["plugin", "list"], ["audit", "verify"]]) {
      const read = await run(hub, args);
      expect(read.code, `${args.join(" ")}: ${read.stdout}${read.stderr}`).toBe(0);
    }
    expect(await listing(hub)).toEqual([]);
    const noted = await run(hub, ["note", "first"]);
    expect(noted.code, noted.stdout + noted.stderr).toBe(0);
    expect(await listing(hub)).toEqual(expect.arrayContaining(["events.log", "keys", "policy.json"]));
    expect(JSON.parse(await readFile(join(hub, "policy.json"), "utf8"))).toMatchObject({ requireSignedEvents: true });
    expect((await run(hub, ["events"])).json<{ events: { type: string }[] }>().events.map((e) => e.type)).toContain("OperatorNote");
  }, 120_000);

  it("a data directory of an older version (events.log with records, no policy.json, no marker) is read and written as before; one whose log an older reader left empty is read without a policy.json being written", async () => {
    const old = join(root, "old");
    await mkdir(old);
    expect((await run(old, ["note", "before"], {})).code).toBe(0);
    // An older, unsigned directory: only its log (the keys and policy of signed-by-default removed).
    for (const name of await readdir(old)) if (name !== "events.log") await rm(join(old, name), { recursive: true, force: true });
    const events = await run(old, ["events"]);
    expect(events.code, events.stdout + events.stderr).toBe(0);
    expect(events.json<{ events: { type: string }[] }>().events.map((e) => e.type)).toContain("OperatorNote");
    expect(await listing(old)).toEqual(["events.log"]);
    expect((await run(old, ["note", "after"])).code).toBe(0);

    const blank = join(root, "blank");
    await mkdir(blank);
    await writeFile(join(blank, "events.log"), "");
    const read = await run(blank, ["deadletters", "list"]);
    expect(read.code, read.stdout + read.stderr).toBe(0);
    expect(await listing(blank)).toEqual(["events.log"]);
  }, 120_000);

  it("a directory holding only a .git is someone else's: data_dir_foreign, nothing written", async () => {
    const repo = join(root, "repo");
    await mkdir(join(repo, ".git"), { recursive: true });
    for (const args of [["events"], ["note", "hello"]]) {
      const r = await run(repo, args);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      refused(r, repo, "data_dir_foreign");
    }
    expect(await listing(repo)).toEqual([".git"]);
  }, 60_000);

  it("a stray events.log that is no capsmith log (an application's own log file) is not taken for one: data_dir_foreign, and a writer never appends to it", async () => {
    const app = join(root, "app");
    await mkdir(app);
    await writeFile(join(app, "events.log"), "2026-12-04 12:00:00 INFO started\n");
    for (const args of [["events"], ["note", "hello"]]) {
      const r = await run(app, args);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      refused(r, app, "data_dir_foreign");
    }
    expect(await listing(app)).toEqual(["events.log"]);
    expect(await readFile(join(app, "events.log"), "utf8")).toBe("2026-12-04 12:00:00 INFO started\n");
  }, 60_000);

  it("a symlink is followed: to a foreign directory, data_dir_foreign; to a data directory, read", async () => {
    const project = join(root, "project");
    await mkdir(project);
    await writeFile(join(project, "README"), "my project\n");
    await symlink(project, join(root, "to-project"));
    const foreign = await run(join(root, "to-project"), ["events"]);
    expect(foreign.code).toBe(1);
    refused(foreign, join(root, "to-project"), "data_dir_foreign");
    const data = join(root, "data");
    expect((await run(data, ["note", "hi"])).code).toBe(0);
    await symlink(data, join(root, "to-data"));
    const read = await run(join(root, "to-data"), ["events"]);
    expect(read.code, read.stdout + read.stderr).toBe(0);
    expect(await listing(project)).toEqual(["README"]);
  }, 120_000);

  it("CAPSMITH_HOME naming a foreign directory is refused the same, saying CAPSMITH_HOME; --data naming a data directory wins over it", async () => {
    const project = join(root, "project");
    await mkdir(project);
    await writeFile(join(project, "README"), "my project\n");
    const viaHome = await runCli(["--json", "events"], { env: { CAPSMITH_HOME: project } });
    expect(viaHome.code).toBe(1);
    expect(viaHome.json()).toMatchObject({ ok: false, error: { code: "data_dir_foreign", nextStep: expect.stringContaining("CAPSMITH_HOME"), details: { dataDir: project, from: "CAPSMITH_HOME" } } });
    const empty = join(root, "empty");
    await mkdir(empty);
    const viaData = await runCli(["--data", empty, "--json", "events"], { env: { CAPSMITH_HOME: project } });
    expect(viaData.code, viaData.stdout + viaData.stderr).toBe(0);
    expect(await listing(project)).toEqual(["README"]);
  }, 60_000);

  it("the project folder holding its .capsmith: the next step names that .capsmith; the REPL (-p) is refused the same, writing no capsmith.log", async () => {
    const project = join(root, "project");
    await mkdir(join(project, ".capsmith"), { recursive: true });
    await writeFile(join(project, "README"), "my project\n");
    const r = await run(project, ["events"]);
    expect(r.code).toBe(1);
    refused(r, project, "data_dir_foreign");
    expect(r.json()).toMatchObject({ error: { nextStep: expect.stringContaining(`Name ${join(project, ".capsmith")}`) } });
    const repl = await runCli(["--data", project, "--json", "-p", "/help"]);
    expect(repl.code, repl.stdout + repl.stderr).toBe(1);
    refused(repl, project, "data_dir_foreign");
    expect(await listing(project)).toEqual([".capsmith", "README"]);
    expect(await readdir(join(project, ".capsmith"))).toEqual([]);
  }, 60_000);

  it("a directory holding only what a file browser leaves (.DS_Store) is still empty: read as new, then written", async () => {
    const hub = join(root, "hub");
    await mkdir(hub);
    await writeFile(join(hub, ".DS_Store"), "Bud1 (Finder view settings)");
    const read = await run(hub, ["events"]);
    expect(read.code, read.stdout + read.stderr).toBe(0);
    expect(await listing(hub)).toEqual([".DS_Store"]);
    const noted = await run(hub, ["note", "first"]);
    expect(noted.code, noted.stdout + noted.stderr).toBe(0);
    expect(await listing(hub)).toEqual(expect.arrayContaining([".DS_Store", "events.log", "policy.json"]));
  }, 60_000);

  // Fixed (dd2): a data directory was recognised by the names capsmith writes in one, so a project's
  // keys/ or another tool's policy.json made it capsmith's. Each entry is now judged by what only
  // capsmith writes in it (src/cli/data-dir-entries.ts): a key file in capsmith's format, a policy
  // capsmith's schema accepts.
  it("FIXED (broke before): a project folder that happens to hold a keys/ folder (or a policy.json of another tool) is taken for a data directory: a writer puts events.log and policy.json into it — now data_dir_foreign for a reader and a writer, naming why, nothing written", async () => {
    const iam = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
    const projects: [string, (at: string) => Promise<unknown>, RegExp | undefined][] = [
      ["empty-keys", (at) => mkdir(join(at, "keys")), undefined],
      ["ssh-keys", async (at) => {
        await mkdir(join(at, "keys"));
        await writeFile(join(at, "keys", "deploy.json"), JSON.stringify({ kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" }));
      }, /keys\/ holds no capsmith key file/],
      ["iam-policy", (at) => writeFile(join(at, "policy.json"), iam), /policy\.json is not a capsmith policy/],
    ];
    for (const [name, make, why] of projects) {
      const project = join(root, name);
      await mkdir(project);
      await writeFile(join(project, "README"), "my project\n");
      await make(project);
      const before = await listing(project);
      for (const args of [["events"], ["note", "hello"], ["keys", "generate", "k1"]]) {
        const r = await run(project, args);
        expect({ code: r.code, files: await listing(project) }, `${name} ${args.join(" ")}: ${r.stdout}${r.stderr}`).toEqual({ code: 1, files: before });
        refused(r, project, "data_dir_foreign");
        if (why) expect(r.json()).toMatchObject({ error: { message: expect.stringMatching(why), nextStep: expect.stringContaining("If it is capsmith's") } });
      }
      if (name === "iam-policy") expect(await readFile(join(project, "policy.json"), "utf8")).toBe(iam);
      if (name === "ssh-keys") expect(await readdir(join(project, "keys"))).toEqual(["deploy.json"]);
    }
  }, 180_000);

  it("every state a data directory passes through is still capsmith's: keys generate's keys/ alone, keys roles' role directory, a first command stopped after policy.json, after its keys, after mkdir keys/, or while writing policy.json", async () => {
    // The files of a real first command, to make the states it passes through.
    const real = join(root, "real");
    expect((await run(real, ["note", "first"])).code).toBe(0);
    const policy = await readFile(join(real, "policy.json"), "utf8");
    const keyFiles = await readdir(join(real, "keys"));
    const states: [string, (at: string) => Promise<unknown>][] = [
      ["generated", async (at) => expect((await run(at, ["keys", "generate", "k1"])).code).toBe(0)],
      ["policy-only", (at) => writeFile(join(at, "policy.json"), policy)],
      ["policy-and-keys", async (at) => {
        await writeFile(join(at, "policy.json"), policy);
        await mkdir(join(at, "keys"), { mode: 0o700 });
        for (const file of keyFiles) await writeFile(join(at, "keys", file), await readFile(join(real, "keys", file)), { mode: 0o600 });
      }],
      ["empty-keys", (at) => mkdir(join(at, "keys"), { mode: 0o700 })],
      ["torn-policy", (at) => writeFile(join(at, `policy.json.${process.pid}-1.tmp`), '{\n  "requireSigned')],
    ];
    for (const [name, make] of states) {
      const data = join(root, name);
      await mkdir(data);
      await make(data);
      const before = await listing(data);
      const read = await run(data, ["events"]);
      expect(read.code, `${name} events: ${read.stdout}${read.stderr}`).toBe(0);
      expect(await listing(data), name).toEqual(before);
      const noted = await run(data, ["note", "again"]);
      expect(noted.code, `${name} note: ${noted.stdout}${noted.stderr}`).toBe(0);
      expect(await listing(data), name).toEqual(expect.arrayContaining(["events.log", "keys", "policy.json"]));
    }
    expect(await readFile(join(root, "policy-only", "policy.json"), "utf8")).toBe(policy);

    const roles = join(root, "roles");
    const made = await runCli(["--json", "keys", "roles", "--out", roles]);
    expect(made.code, made.stdout + made.stderr).toBe(0);
    const operator = join(roles, "operator");
    expect(await listing(operator)).toEqual(["keys"]);
    const listed = await run(operator, ["keys", "list"]);
    expect(listed.code, listed.stdout + listed.stderr).toBe(0);
    expect(await listing(operator)).toEqual(["keys"]);
  }, 240_000);

  it("deadletters redrive on a mistyped --data: data_dir_missing, nothing created (it used to make the directory, signed, before failing); on an empty directory, dead_letter_not_found and nothing written", async () => {
    const typo = join(root, "dat");
    const r = await run(typo, ["deadletters", "redrive", "dl-1"]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    missing(r, typo);
    expect(await readdir(root)).toEqual([]);
    const empty = join(root, "empty");
    await mkdir(empty);
    const none = await run(empty, ["deadletters", "redrive", "dl-1"]);
    expect(none.code, none.stdout + none.stderr).toBe(1);
    expect(none.json()).toMatchObject({ ok: false, error: { code: "dead_letter_not_found" } });
    expect(await readdir(empty)).toEqual([]);
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
      // The log is on NATS, but snapshots, keys and tokens are files of the data directory: a
      // project folder is refused there too (dd).
      const project = join(root, "project");
      await mkdir(project);
      await writeFile(join(project, "README"), "my project\n");
      const foreign = await runCli(["--nats", nats.url, "--data", project, "--json", "events"]);
      expect(foreign.code, foreign.stdout + foreign.stderr).toBe(1);
      refused(foreign, project, "data_dir_foreign");
    } finally {
      await nats.stop();
    }
  }, 120_000);
});
