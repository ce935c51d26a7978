/**
 * Attacks on the dd promise "capsmith never writes into a folder that is not its data directory"
 * (src/cli/data-dir.ts, data-dir-contents.ts, data-dir-entries.ts), through the real CLI in real temp
 * folders: a folder is capsmith's only by content only capsmith writes; an empty one (or one holding
 * only an interrupted first command's neutral leftovers) is new; anything else is refused with
 * data_dir_foreign and nothing is written; readers create nothing; every state a real data directory
 * can be in is still accepted. Attacks that break the promise are `it.fails("BROKE: ...")` asserting
 * the promised behaviour; those that hold are `it("holds: ...")`.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdir, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CAPSMITH_BIN, runCli } from "../support/run-cli.ts";
import type { CliRun } from "../support/run-cli.ts";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "capsmith-attack-dd-"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const run = (dataDir: string, args: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}) => runCli(["--data", dataDir, "--json", ...args], options);
const listing = async (dir: string): Promise<string[]> => (await readdir(dir)).sort();
const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);
const errorCode = (r: CliRun): string | undefined => {
  try {
    return r.json<{ error?: { code?: string } }>().error?.code;
  } catch {
    return undefined;
  }
};

/** Every path under `dir` with its size (directories as "dir"): what a command that only reads must leave as it was. */
async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    out.push(`${relative(dir, path)} ${entry.isDirectory() ? "dir" : (await stat(path)).size}`);
  }
  return out.sort();
}

/** A project folder: what someone names by mistake instead of its .capsmith. */
async function project(name: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir);
  await writeFile(join(dir, "README"), "my project\n");
  return dir;
}

/** A foreign folder must be refused for a reader and a writer, with nothing written into it. */
async function expectRefusedUntouched(dir: string, argsList: string[][] = [["events"], ["note", "hello"]], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<void> {
  const before = await tree(dir);
  for (const args of argsList) {
    const r = await run(dir, args, options);
    expect({ args, code: r.code, error: errorCode(r), tree: await tree(dir) }, r.stdout + r.stderr).toEqual({ args, code: 1, error: "data_dir_foreign", tree: before });
  }
}

/**
 * Runs the CLI and SIGKILLs it the first moment `when` holds on the data directory (polled), or at
 * once if it ends first; resolves with whether the kill landed before the command ended.
 */
function killWhen(args: string[], cwd: string, when: () => Promise<boolean>): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CAPSMITH_BIN, ...args], { cwd, env: { ...process.env, CAPSMITH_NATS_URL: "", CAPSMITH_HOME: "" }, stdio: "ignore" });
    let ended = false;
    let killed = false;
    child.on("error", reject);
    child.on("exit", () => {
      ended = true;
      resolve(killed);
    });
    const poll = async (): Promise<void> => {
      while (!ended) {
        if (await when().catch(() => false)) {
          killed = child.kill("SIGKILL");
          return;
        }
        await new Promise((r) => setImmediate(r));
      }
    };
    void poll();
  });
}

describe("folders that are not capsmith's but are taken for one", () => {
  it("FIXED (broke before): an application folder holding an EMPTY events.log (its logger touched it) is taken for a data directory: a writer writes policy.json, keys/ and capsmith records into it", async () => {
    const app = await project("app");
    await writeFile(join(app, "events.log"), "");
    await expectRefusedUntouched(app);
  }, 60_000);

  it("FIXED (broke before): another tool's policy.json that is `{}` or holds only a `$schema` (of that other tool) is accepted by capsmith's policy schema, so the folder is capsmith's: a writer appends an UNSIGNED log into it", async () => {
    for (const [name, text] of [["empty-policy", "{}\n"], ["schema-only", JSON.stringify({ $schema: "https://json.schemastore.org/some-other-tool-policy.json" })]] as const) {
      const other = await project(name);
      await writeFile(join(other, "policy.json"), text);
      await expectRefusedUntouched(other);
      expect(await readFile(join(other, "policy.json"), "utf8")).toBe(text);
    }
  }, 120_000);

  it("FIXED (broke before): a FIFO named events.log (or events.index) in a foreign folder hangs every command forever: the judge opens it for reading, which blocks until a writer opens the FIFO — no data_dir_foreign, no answer", async () => {
    for (const name of ["events.log", "events.index"]) {
      const app = await project(`fifo-${name}`);
      execFileSync("mkfifo", [join(app, name)]);
      const r = await run(app, ["events"], { timeoutMs: 15_000 });
      expect({ name, code: r.code, error: errorCode(r) }, r.stdout + r.stderr).toEqual({ name, code: 1, error: "data_dir_foreign" });
    }
  }, 60_000);

  it("FIXED (broke before): CAPSMITH_LOG_FILE inside the named data directory: the logger (mkdir: true) is made before the check, so a reader on a mistyped --data creates it and answers exit 0 instead of data_dir_missing; and a project folder given --data with its log file there becomes 'capsmith's' (capsmith.log counts by name) and a writer fills it", async () => {
    const typo = join(root, "dat");
    const r = await run(typo, ["deadletters", "list"], { env: { CAPSMITH_LOG_FILE: join(typo, "capsmith.log") } });
    expect({ code: r.code, error: errorCode(r), made: await exists(typo) }, r.stdout + r.stderr).toEqual({ code: 1, error: "data_dir_missing", made: false });

    const proj = await project("proj");
    const noted = await run(proj, ["note", "hello"], { env: { CAPSMITH_LOG_FILE: join(proj, "capsmith.log") } });
    expect({ code: noted.code, error: errorCode(noted) }, noted.stdout + noted.stderr).toEqual({ code: 1, error: "data_dir_foreign" });
    expect((await listing(proj)).filter((name) => name !== "capsmith.log")).toEqual(["README"]);
  }, 60_000);

  it("FIXED (broke before): keys roles --out DIR writes a role key into DIR/<role> (documented as that role's --data directory) even when DIR/operator is someone's folder: the folder is then 'capsmith's' and the next writer fills it", async () => {
    const out = join(root, "out");
    await mkdir(join(out, "operator"), { recursive: true });
    await writeFile(join(out, "operator", "README"), "the operator team's notes\n");
    const r = await runCli(["--json", "keys", "roles", "--out", out]);
    expect({ code: r.code, error: errorCode(r), files: await listing(join(out, "operator")) }, r.stdout + r.stderr).toEqual({ code: 1, error: "data_dir_foreign", files: ["README"] });
    // Refused before anything was made: no other role's key, no public/, no nats.env.
    expect(await listing(out)).toEqual(["operator"]);

    // A second run over a first one's --out: every role directory is capsmith's, but its key is never overwritten, and nothing changes.
    const again = join(root, "again");
    expect((await runCli(["--json", "keys", "roles", "--out", again])).code).toBe(0);
    await rm(join(again, "operator"), { recursive: true });
    const before = await tree(again);
    const second = await runCli(["--json", "keys", "roles", "--out", again]);
    expect({ code: second.code, error: errorCode(second), tree: await tree(again) }, second.stdout + second.stderr).toEqual({ code: 2, error: "invalid_input", tree: before });
  }, 60_000);
});

describe("capsmith's own states that are refused", () => {
  it("FIXED (broke before): plugin harness (a reader, withReader) on a new, empty data directory writes <data>/harness/compat-matrix.*; the directory then holds only a non-empty harness/, which the judge calls foreign: every later command on it is refused with data_dir_foreign", async () => {
    const hub = join(root, "hub");
    await mkdir(hub);
    const harness = await run(hub, ["plugin", "harness"], { timeoutMs: 90_000 });
    expect(harness.code, harness.stdout + harness.stderr).toBe(0);
    for (const args of [["events"], ["note", "after the harness"]]) {
      const r = await run(hub, args);
      expect({ args, code: r.code, error: errorCode(r) }, r.stdout + r.stderr).toEqual({ args, code: 0, error: undefined });
    }
  }, 120_000);

  // Fixed as the ddfix brief asks: without --out (the matrix's default place is <data>/harness) it is
  // refused (data_dir_missing) rather than run; the attack asked for exit 0. Either way nothing is made.
  it("FIXED (broke before): plugin harness, a command that only reads, on the default data directory that is not there yet makes ./.capsmith (and leaves it holding only harness/, refused from then on)", async () => {
    const cwd = join(root, "cwd");
    await mkdir(cwd);
    const r = await runCli(["--json", "plugin", "harness"], { cwd, timeoutMs: 90_000 });
    expect({ code: r.code, error: errorCode(r) }, r.stdout + r.stderr).toEqual({ code: 1, error: "data_dir_missing" });
    expect(await readdir(cwd)).toEqual([]);
    // With --out it runs (an empty hub: an empty matrix), and makes nothing but the matrix where --out says.
    const withOut = await runCli(["--json", "plugin", "harness", "--out", join(root, "matrix")], { cwd, timeoutMs: 90_000 });
    expect(withOut.code, withOut.stdout + withOut.stderr).toBe(0);
    expect(await readdir(cwd)).toEqual([]);
    expect(await listing(join(root, "matrix"))).toEqual(["compat-matrix.json", "compat-matrix.md"]);
  }, 120_000);

  it("FIXED (broke before): a data directory of an older (unsigned) version whose first record is damaged (the log quarantines such a line and reads on) is refused as foreign: the judge needs the first 18 bytes exactly, a stricter test than the log's own", async () => {
    const old = join(root, "old");
    expect((await run(old, ["note", "one"])).code).toBe(0);
    expect((await run(old, ["note", "two"])).code).toBe(0);
    for (const name of await readdir(old)) if (name !== "events.log") await rm(join(old, name), { recursive: true, force: true });
    // One flipped byte in the first record's checksum: a bad_checksum line the log quarantines.
    const damaged = join(root, "damaged");
    await mkdir(damaged);
    await writeFile(join(damaged, "events.log"), await readFile(join(old, "events.log")));
    const handle = await open(join(damaged, "events.log"), "r+");
    await handle.write("z", 0);
    await handle.close();
    const r = await run(damaged, ["events"]);
    expect({ code: r.code, error: errorCode(r) }, r.stdout + r.stderr).toEqual({ code: 0, error: undefined });
  }, 120_000);
});

describe("the last three holes (dd3)", () => {
  it("FIXED (broke before): a folder proven capsmith's by its policy.json that also holds a FIFO named events.log or events.index: opening the log hung every command; now data_dir_damaged at once, with a next step, nothing written and the FIFO left", async () => {
    for (const name of ["events.log", "events.index"]) {
      for (const args of [["events"], ["note", "hello"]]) {
        const data = join(root, `policy-fifo-${name}-${args[0]}`);
        await mkdir(data);
        await writeFile(join(data, "policy.json"), JSON.stringify({ requireSignedEvents: true }, null, 2) + "\n");
        execFileSync("mkfifo", [join(data, name)]);
        const before = await tree(data);
        const started = Date.now();
        const r = await run(data, args, { timeoutMs: 15_000 });
        const error = (() => {
          try {
            return r.json<{ error?: { code?: string; message?: string; nextStep?: string } }>().error;
          } catch {
            return undefined;
          }
        })();
        expect({ name, args, code: r.code, error: error?.code, tree: await tree(data) }, r.stdout + r.stderr).toEqual({ name, args, code: 1, error: "data_dir_damaged", tree: before });
        expect(error?.message).toContain(name);
        expect(error?.nextStep).toMatch(/move it out/);
        expect(Date.now() - started).toBeLessThan(10_000);
      }
    }
  }, 120_000);

  it("FIXED (broke before): the same with a FIFO named after the log's lock (events.lock, its .break, a holder token): a writer made keys/ and events.log, then waited forever to take the lock; now data_dir_damaged at once, nothing written", async () => {
    for (const name of ["events.lock", "events.lock.break", "events.lock.999999-1.holder"]) {
      const data = join(root, `policy-fifo-${name}`);
      await mkdir(data);
      await writeFile(join(data, "policy.json"), JSON.stringify({ requireSignedEvents: true }, null, 2) + "\n");
      execFileSync("mkfifo", [join(data, name)]);
      const before = await tree(data);
      const r = await run(data, ["note", "hello"], { timeoutMs: 15_000 });
      expect({ name, code: r.code, error: errorCode(r), tree: await tree(data) }, r.stdout + r.stderr).toEqual({ name, code: 1, error: "data_dir_damaged", tree: before });
    }
  }, 90_000);

  it("FIXED (broke before): keys roles --out DIR wrote DIR/public/<role>.json and DIR/nats.env unchecked, over a user's nats.env or into a web project's public/; now refused before any key is made, nothing written", async () => {
    const cases: [string, (out: string) => Promise<void>][] = [
      ["a user's nats.env", (out) => writeFile(join(out, "nats.env"), "NATS_URL=nats://prod:4222\nNATS_PASS=hunter2\n")],
      ["a web project's public/", async (out) => {
        await mkdir(join(out, "public"));
        await writeFile(join(out, "public", "index.html"), "<h1>hi</h1>\n");
      }],
      ["a file named public", (out) => writeFile(join(out, "public"), "not a folder\n")],
      ["a public/operator.json that is not a capsmith public key", async (out) => {
        await mkdir(join(out, "public"));
        await writeFile(join(out, "public", "operator.json"), JSON.stringify({ name: "operator", email: "ops@example.com" }));
      }],
    ];
    for (const [what, make] of cases) {
      const out = join(root, `out-${what.replace(/[^a-z]/g, "")}`);
      await mkdir(out);
      await make(out);
      const before = await tree(out);
      const r = await runCli(["--json", "keys", "roles", "--out", out]);
      expect({ what, code: r.code, error: errorCode(r), tree: await tree(out) }, r.stdout + r.stderr).toEqual({ what, code: 2, error: "invalid_input", tree: before });
      expect(r.json<{ error: { nextStep?: string } }>().error.nextStep).toMatch(/--out/);
    }
    // What an earlier keys roles wrote there is not a user's: with the role folders moved away (handed to their machines), it runs again.
    const again = join(root, "again");
    expect((await runCli(["--json", "keys", "roles", "--out", again])).code).toBe(0);
    for (const name of await readdir(again)) if (name !== "public" && name !== "nats.env") await rm(join(again, name), { recursive: true });
    // An older keys roles wrote one role fewer (no slo): its nats.env and public/ are its own too.
    const env = join(again, "nats.env");
    await writeFile(env, (await readFile(env, "utf8")).split("\n").filter((line) => !line.startsWith("CAPSMITH_NATS_SLO_")).join("\n"));
    await rm(join(again, "public", "slo.json"));
    const second = await runCli(["--json", "keys", "roles", "--out", again]);
    expect(second.code, second.stdout + second.stderr).toBe(0);
  }, 120_000);

  it("FIXED (broke before): a data directory holding only the harness/ an older capsmith wrote (compat-matrix.json without a format field) was refused as foreign; now it is capsmith's by that file's exact old shape, and a folder's own harness/compat-matrix.json still is not", async () => {
    const hub = join(root, "hub");
    await mkdir(hub);
    expect((await run(hub, ["plugin", "harness"], { timeoutMs: 90_000 })).code).toBe(0);
    // What the older writer left: the same report, bare (JSON.stringify(report, null, 2)), beside the same Markdown.
    const file = join(hub, "harness", "compat-matrix.json");
    const { format: _format, ...report } = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
    await writeFile(file, JSON.stringify(report, null, 2) + "\n");
    for (const args of [["events"], ["note", "after an old harness"]]) {
      const r = await run(hub, args);
      expect({ args, code: r.code, error: errorCode(r) }, r.stdout + r.stderr).toEqual({ args, code: 0, error: undefined });
    }

    const own = await project("own-harness");
    await mkdir(join(own, "harness"));
    await writeFile(join(own, "harness", "compat-matrix.json"), JSON.stringify(report, null, 2) + "\n");
    await writeFile(join(own, "harness", "compat-matrix.md"), "# our own compatibility notes\n");
    await expectRefusedUntouched(own);
  }, 180_000);
});

describe("what holds", () => {
  it("holds: every command (readers, writers, agents, servers) refuses a project folder with data_dir_foreign and writes nothing", async () => {
    const proj = await project("proj");
    const commands = [
      ["events"], ["audit", "verify"], ["audit", "anchor"], ["replay"], ["stats"], ["slo"], ["plugin", "list"], ["plugin", "harness"], ["deadletters", "list"],
      ["keys", "list"], ["tokens", "list"], ["note", "x"], ["invoke", "word_count", "--input", "{}"], ["revert", "--to", "1"], ["daemon", "--role", "governor"],
      ["mcp"], ["keys", "revoke", "0123456789abcdef", "--reason", "x"], ["plugin", "uninstall", "a@1.0.0"], ["plugin", "promote", "a@1.0.0"], ["plugin", "rollback", "a"],
      ["tokens", "create", "--role", "viewer"], ["tokens", "revoke", "t1"], ["keys", "generate", "k1"], ["serve", "--port", "0"], ["-p", "/help"],
    ];
    await expectRefusedUntouched(proj, commands, { timeoutMs: 30_000 });
  }, 300_000);

  it("holds: a folder whose events.log is an 8 GiB sparse file of zeros, or a directory, or whose policy.json is a FIFO, is refused at once, nothing written", async () => {
    const sparse = await project("sparse");
    const handle = await open(join(sparse, "events.log"), "w");
    await handle.truncate(8 * 1024 ** 3);
    await handle.close();
    await expectRefusedUntouched(sparse);
    const dirLog = await project("dir-log");
    await mkdir(join(dirLog, "events.log"));
    await expectRefusedUntouched(dirLog);
    const fifoPolicy = await project("fifo-policy");
    execFileSync("mkfifo", [join(fifoPolicy, "policy.json")]);
    await expectRefusedUntouched(fifoPolicy, [["events"], ["note", "x"]], { timeoutMs: 20_000 });
  }, 120_000);

  it("holds: commands that only read leave a real data directory exactly as it was (no lock, index, consumers, snapshots, history), even with its snapshots removed", async () => {
    const data = join(root, "data");
    expect((await run(data, ["note", "a"])).code).toBe(0);
    await rm(join(data, "snapshots"), { recursive: true, force: true });
    const before = await tree(data);
    for (const args of [["events"], ["stats"], ["audit", "verify"], ["replay"], ["slo"], ["plugin", "list"], ["keys", "list"], ["tokens", "list"], ["deadletters", "list"], ["plugin", "harness", "--out", join(root, "matrix")]]) {
      const r = await run(data, args, { timeoutMs: 90_000 });
      expect(r.code, `${args.join(" ")}: ${r.stdout}${r.stderr}`).toBe(0);
      expect(await tree(data), args.join(" ")).toEqual(before);
    }
  }, 240_000);

  it("holds: a first command SIGKILLed at each step it takes (data dir made, policy.json, keys/, each key file, events.log, snapshots) leaves a directory a reader reads without writing and a writer then writes", async () => {
    const at = (dir: string, ...path: string[]) => () => exists(join(dir, ...path));
    const keyCount = (dir: string, n: number) => async () => ((await readdir(join(dir, "keys")).catch(() => [])).filter((f) => f.endsWith(".json")).length >= n);
    const steps: [string, (dir: string) => () => Promise<boolean>][] = [
      ["dir", (dir) => at(dir)], ["policy", (dir) => at(dir, "policy.json")], ["keys/", (dir) => at(dir, "keys")],
      ["1 key", (dir) => keyCount(dir, 1)], ["4 keys", (dir) => keyCount(dir, 4)], ["events.log", (dir) => at(dir, "events.log")], ["snapshots", (dir) => at(dir, "snapshots")],
    ];
    let landed = 0;
    for (const [command, args] of [["note", ["note", "first"]], ["keys generate", ["keys", "generate", "k1"]], ["repl", ["-p", "/help"]]] as const) {
      for (const [step, when] of steps) {
        const data = join(root, `${command.replace(" ", "-")}-${step.replace(/[^a-z0-9]/g, "")}`);
        if (await killWhen(["--data", data, "--json", ...args], root, when(data))) landed++;
        if (!(await exists(data))) continue;
        const before = await tree(data);
        const read = await run(data, ["events"]);
        expect(read.code, `${command} killed at ${step} (${before.join(", ")}), events: ${read.stdout}${read.stderr}`).toBe(0);
        expect(await tree(data), `${command} killed at ${step}: the reader wrote`).toEqual(before);
        const noted = await run(data, ["note", "again"]);
        expect(noted.code, `${command} killed at ${step} (${before.join(", ")}), note: ${noted.stdout}${noted.stderr}`).toBe(0);
      }
    }
    // At least some kills landed mid-command (the attack ran, not only finished commands).
    expect(landed).toBeGreaterThan(0);
  }, 600_000);

  it("holds: the REPL's first start (-p) on an empty directory leaves capsmith.log and what its hub wrote; readers and writers accept it", async () => {
    const hub = join(root, "hub");
    await mkdir(hub);
    const repl = await runCli(["--data", hub, "-p", "/help"]);
    expect(repl.code, repl.stdout + repl.stderr).toBe(0);
    expect(await listing(hub)).toContain("capsmith.log");
    for (const args of [["events"], ["note", "after the repl"]]) {
      const r = await run(hub, args);
      expect(r.code, `${args.join(" ")}: ${r.stdout}${r.stderr}`).toBe(0);
    }
  }, 120_000);
});
