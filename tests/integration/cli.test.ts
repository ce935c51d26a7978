/**
 * The `capsmith` binary as people and scripts meet it: exit codes, one JSON object with --json,
 * clear errors with a code and a next step, and nothing written to the log on bad input.
 */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DATA_DIR_ROLES } from "../../src/hub/role-keys.ts";
import { runCli } from "../support/run-cli.ts";

let data: string;
const cli = (...args: string[]) => runCli(["--data", data, ...args]);

beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), "capsmith-cli-"));
});
afterEach(() => rm(data, { recursive: true, force: true }));

describe("capsmith CLI", () => {
  it("prints help and exits 0", async () => {
    const run = await cli("--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("replay");
    expect(run.stdout).toContain("audit");
  });

  it("appends, replays and verifies with exactly one JSON object on stdout", async () => {
    // A new data directory is signed by default: its first writing command trusts one key per role
    // (seq 1..R), so the notes follow them.
    const R = DATA_DIR_ROLES.length;
    expect((await cli("--json", "note", "first")).json()).toMatchObject({ ok: true, seq: R + 1 });
    expect((await cli("--json", "note", "second", "--topic", "release_1")).json()).toMatchObject({ ok: true, seq: R + 2 });
    const replay = (await cli("--json", "replay")).json<{ seq: number; projections: Record<string, { stateHash: string; state: { events: number } }> }>();
    expect(replay.seq).toBe(R + 2);
    expect(replay.projections["logStats"]!.state.events).toBe(R + 2);
    const again = (await cli("--json", "replay", "--until", String(R + 2))).json<typeof replay>();
    expect(again.projections["logStats"]!.stateHash).toBe(replay.projections["logStats"]!.stateHash);
    const verify = await cli("--json", "audit", "verify");
    expect(verify.code).toBe(0);
    expect(verify.json()).toMatchObject({ ok: true, events: R + 2, anchorsChecked: R + 2, forged: [] });
    const events = (await cli("--json", "events", "--filter", "capsmith.evt.note.release_1")).json<{ events: { data: unknown }[] }>();
    expect(events.events.map((e) => e.data)).toEqual([{ text: "second" }]);
    const newest = (await cli("--json", "events", "--limit", "1")).json<{ events: { seq: number; data: unknown }[] }>();
    expect(newest.events).toMatchObject([{ seq: R + 2, data: { text: "second" }, sig: { keyId: expect.any(String) } }]);
  });

  it.each([
    [["replay", "--until", "yesterday"], "usage"],
    [["replay", "--projection", "nope"], "usage"],
    [["events", "--filter", "not-capsmith"], "usage"],
    [["events", "--limit", "-3"], "usage"],
    [["note", "   "], "usage"],
    [["note", "x", "--topic", "has space"], "usage"],
  ])("answers bad input %j with exit 2, a code and a next step, writing nothing", async (args, code) => {
    await cli("note", "before");
    const size = (await stat(join(data, "events.log"))).size;
    const run = await cli("--json", ...args);
    expect(run.code).toBe(2);
    expect(run.json()).toMatchObject({ ok: false, error: { code, nextStep: expect.any(String) } });
    expect((await stat(join(data, "events.log"))).size).toBe(size);
  });

  it("exits 2 on an unknown command or option", async () => {
    expect((await cli("frobnicate")).code).toBe(2);
    const run = await cli("--json", "replay", "--bogus");
    expect(run.code).toBe(2);
    expect(run.json()).toMatchObject({ ok: false, error: { code: "usage", message: expect.stringContaining("--bogus") } });
  });

  it("exits 1 and names the break when the log was tampered with", async () => {
    await cli("note", "a");
    await cli("note", "b");
    await cli("replay"); // a snapshot records the heads
    const { readFile, writeFile } = await import("node:fs/promises");
    const file = join(data, "events.log");
    const lines = (await readFile(file, "utf8")).trim().split("\n");
    await writeFile(file, lines[0] + "\n");
    const run = await cli("--json", "audit", "verify");
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({ ok: false, firstBreak: { problem: "truncated", seq: 2 } });
    // Reading the cut log does not replace the snapshot that remembers the heads: it stays caught.
    await cli("replay");
    expect((await cli("--json", "audit", "verify")).code).toBe(1);
  });
});
