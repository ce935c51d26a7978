/**
 * What counts as capsmith's in a directory that is there (src/cli/data-dir-contents.ts), on real
 * files: empty or a file browser's litter is new; any name capsmith writes makes it capsmith's; an
 * events.log alone counts only when it reads as the embedded log (empty, a first record, or a first
 * record torn short).
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { foreignEntries } from "../../src/cli/data-dir-contents.ts";
import { encodeRecord } from "../../src/events/file-log-format.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-dd-contents-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const FIRST = encodeRecord({ seq: 1, msgId: "m1", events: [] } as unknown as Parameters<typeof encodeRecord>[0]);

describe("foreignEntries", () => {
  it("an empty directory, or one holding only .DS_Store, is new (undefined)", async () => {
    expect(await foreignEntries(dir)).toBeUndefined();
    await writeFile(join(dir, ".DS_Store"), "x");
    expect(await foreignEntries(dir)).toBeUndefined();
  });

  it.each(["policy.json", "keys", "snapshots", "anchors", "serve", "events.index", "events.lock.123-1.holder"])("%s beside other files makes it capsmith's", async (name) => {
    await writeFile(join(dir, "README"), "x");
    if (name.includes(".")) await writeFile(join(dir, name), "{}");
    else await mkdir(join(dir, name));
    expect(await foreignEntries(dir)).toBeUndefined();
  });

  it.each([
    ["empty", ""],
    ["a first record", FIRST],
    ["a first record torn short", FIRST.slice(0, 12)],
  ])("events.log alone, %s, is capsmith's", async (_what, text) => {
    await writeFile(join(dir, "events.log"), text);
    expect(await foreignEntries(dir)).toBeUndefined();
  });

  it.each([
    ["an application's log", "2026-12-04 INFO started\n"],
    ["a record not first (seq 2)", FIRST.replace('"seq":1', '"seq":2')],
  ])("events.log alone, %s, is not", async (_what, text) => {
    await writeFile(join(dir, "events.log"), text);
    expect(await foreignEntries(dir)).toEqual({ entries: ["events.log"], count: 1, holdsDataDir: false });
  });

  it("names at most five entries, sorted, counts them all, and says whether a .capsmith is among them", async () => {
    for (const name of ["f", "e", "d", "c", "b", "a"]) await writeFile(join(dir, name), "x");
    await mkdir(join(dir, ".capsmith"));
    expect(await foreignEntries(dir)).toEqual({ entries: [".capsmith", "a", "b", "c", "d"], count: 7, holdsDataDir: true });
  });
});
