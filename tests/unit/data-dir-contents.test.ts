/**
 * What counts as capsmith's in a directory that is there (src/cli/data-dir-contents.ts and
 * data-dir-entries.ts), on real files made by capsmith's own writers where one can be called: empty
 * or a file browser's litter is new; only what capsmith writes makes it capsmith's, judged by its
 * contents (the log's first record, a policy our schema accepts, a key, token, anchor or snapshot file
 * in our format), never by a name another tool may use (keys/, policy.json, snapshots/, serve/);
 * capsmith's names holding nothing yet (a first command that stopped early) still read as new.
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMPAT_MATRIX_FORMAT } from "../../src/app/compat-matrix-format.ts";
import { harnessMarkdown } from "../../src/app/index.ts";
import type { HarnessReport } from "../../src/app/index.ts";
import { foreignEntries } from "../../src/cli/data-dir-contents.ts";
import { ANCHOR_FORMAT, openFileLog, signAnchor, writeAnchorFile } from "../../src/events/index.ts";
import type { AnchorStatement } from "../../src/events/index.ts";
import { CHECKPOINT_FORMAT, encodeCheckpoint } from "../../src/events/file-log-checkpoint.ts";
import { encodeRecord } from "../../src/events/file-log-format.ts";
import { openKeyStore, signText } from "../../src/hub/index.ts";
import { openTokenStore } from "../../src/serve/tokens.ts";
import { fileSnapshotStore } from "../../projections/index.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-dd-contents-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const FIRST = encodeRecord({ seq: 1, msgId: "m1", events: [] } as unknown as Parameters<typeof encodeRecord>[0]);

/** The lines of a real log of `n` records, written by capsmith's file log in a directory of its own. */
async function logLines(n: number): Promise<string[]> {
  const at = join(dir, "elsewhere-log");
  const log = await openFileLog({ dir: at, clock: steppingClock(), newId: counterIds("l"), actor: "test" });
  for (let i = 1; i <= n; i++) await log.append([{ type: "OperatorNote", subject: `capsmith.evt.note.n${i}`, data: { text: `note ${i}` } }]);
  await log.close();
  const text = await readFile(join(at, "events.log"), "utf8");
  await rm(at, { recursive: true });
  return text.split(/(?<=\n)/);
}
/** What signNewDataDir writes into a new embedded data directory (src/app/open-capsmith.ts). */
const NEW_POLICY = JSON.stringify({ requireSignedEvents: true }, null, 2) + "\n";

/** What an older plugin harness reported on a new data directory (an empty hub), written bare. */
const OLD_REPORT: HarnessReport = { ok: true, hostVersion: "0.9.0", plugins: [], matrix: [] };

/** Each state a data directory can be in, made in `at` by capsmith's own writers. */
const STATES: [string, (at: string) => Promise<void>][] = [
  ["a first command's policy.json alone (it stopped before its keys)", (at) => writeFile(join(at, "policy.json"), NEW_POLICY)],
  ["an operator's hand-written policy.json, before any command", (at) => writeFile(join(at, "policy.json"), JSON.stringify({ $schema: "x", mode: "suggest", minTier: { node: "T2" } }))],
  ["keys/ holding a key (keys generate, keys roles)", async (at) => void (await openKeyStore(at).generate("release", "publisher"))],
  ["serve/tokens.json (tokens create on a NATS deployment)", async (at) => void (await openTokenStore(at).create("viewer"))],
  ["an index checkpoint", (at) => writeFile(join(at, "events.index"), encodeCheckpoint({
    header: { format: CHECKPOINT_FORMAT, count: 0, end: 0, firstHash: undefined, subjects: [], heads: [], quarantined: [], samples: [], msgIds: 0 },
    offsets: Float64Array.of(0), subjectIds: new Uint32Array(0), msgHashes: new Uint32Array(0), msgSeqs: new Uint32Array(0),
  }))],
  ["an anchor (NATS deployment)", async (at) => {
    const key = await openKeyStore(join(at, "..", "elsewhere")).generate("operator", "operator");
    const statement: AnchorStatement = { format: ANCHOR_FORMAT, log: { id: "x", kind: "nats", location: "nats://h" }, seq: 0, lastHash: null, events: 0, heads: {}, blockSize: 1, blocks: [], time: "2026-12-05T00:00:00.000Z" };
    await mkdir(join(at, "anchors"));
    await writeAnchorFile(join(at, "anchors", "anchor-000000000000.json"), signAnchor(statement, (text) => ({ keyId: key.keyId, publicKey: key.publicKey, value: signText(text, key).value })));
  }],
  ["a snapshot (NATS deployment)", async (at) => void (await fileSnapshotStore(join(at, "snapshots")).save("nats:x", { seq: 5, integrity: { chainsIntact: true } as never, states: { hub: { version: 1, json: {} } } }))],
  ["capsmith.log (the REPL's)", (at) => writeFile(join(at, "capsmith.log"), '{"level":30,"msg":"started"}\n')],
  ["harness/ holding plugin harness's matrix (it ran on a new directory)", async (at) => {
    await mkdir(join(at, "harness"));
    await writeFile(join(at, "harness", "compat-matrix.json"), JSON.stringify({ format: COMPAT_MATRIX_FORMAT, ok: true, hostVersion: "1.0.0", plugins: [], matrix: [] }));
    await writeFile(join(at, "harness", "compat-matrix.md"), "# matrix\n");
  }],
  ["harness/ an older plugin harness wrote (its matrix without a format field)", async (at) => {
    await mkdir(join(at, "harness"));
    await writeFile(join(at, "harness", "compat-matrix.json"), JSON.stringify(OLD_REPORT, null, 2) + "\n");
    await writeFile(join(at, "harness", "compat-matrix.md"), harnessMarkdown(OLD_REPORT));
  }],
];

describe("foreignEntries", () => {
  it("an empty directory, or one holding only .DS_Store, is new (undefined)", async () => {
    expect(await foreignEntries(dir)).toBeUndefined();
    await writeFile(join(dir, ".DS_Store"), "x");
    expect(await foreignEntries(dir)).toBeUndefined();
  });

  it.each(STATES)("%s, even beside a project's files, makes it capsmith's", async (_what, make) => {
    const data = join(dir, "data");
    await mkdir(data);
    await make(data);
    await writeFile(join(data, "README"), "x");
    expect(await foreignEntries(data)).toBeUndefined();
  });

  it("events.log alone, a first record, is capsmith's", async () => {
    await writeFile(join(dir, "events.log"), FIRST);
    expect(await foreignEntries(dir)).toBeUndefined();
  });

  it.each([
    ["its checksum", (line: string) => `z${line.slice(1)}`],
    ["its JSON", (line: string) => line.replace('"seq":1', '"seq":!')],
    ["the line itself (a few bytes of another write over it)", () => "garbage\n"],
  ])("events.log whose first record is damaged in %s (the log quarantines it and reads on) is capsmith's by the records after it", async (_what, damage) => {
    const [first, ...rest] = await logLines(3);
    await writeFile(join(dir, "events.log"), damage(first!) + rest.join(""));
    await writeFile(join(dir, "README"), "x");
    expect(await foreignEntries(dir)).toBeUndefined();
  });

  it("events.log of capsmith's records not where the log puts them, or only after more damaged lines than are read, is not", async () => {
    const lines = await logLines(9);
    await writeFile(join(dir, "events.log"), lines.slice(1).join(""));
    expect(await foreignEntries(dir)).toMatchObject({ entries: ["events.log"], unrecognised: [{ entry: "events.log" }] });
    await writeFile(join(dir, "events.log"), "x\n".repeat(8) + lines[8]);
    expect(await foreignEntries(dir)).toMatchObject({ entries: ["events.log"], unrecognised: [{ entry: "events.log" }] });
    // One damaged line fewer, and the record read is at its place: capsmith's.
    await writeFile(join(dir, "events.log"), "x\n".repeat(7) + lines[7]);
    expect(await foreignEntries(dir)).toBeUndefined();
  });

  it("an empty events.log says nothing: alone it is a new directory, beside a project's files it is not capsmith's", async () => {
    await writeFile(join(dir, "events.log"), "");
    expect(await foreignEntries(dir)).toBeUndefined();
    await writeFile(join(dir, "README"), "x");
    expect(await foreignEntries(dir)).toEqual({ entries: ["README", "events.log"], count: 2, holdsDataDir: false, unrecognised: [] });
  });

  it.each([
    ["an application's log", "2026-12-04 INFO started\n"],
    ["a record not first (seq 2)", FIRST.replace('"seq":1', '"seq":2')],
    ["a first record's opening cut short (what any tool may write: a few hex digits)", FIRST.slice(0, 12)],
  ])("events.log alone, %s, is not", async (_what, text) => {
    await writeFile(join(dir, "events.log"), text);
    expect(await foreignEntries(dir)).toMatchObject({ entries: ["events.log"], count: 1, holdsDataDir: false, unrecognised: [{ entry: "events.log" }] });
  });

  it.each<[string, (at: string) => Promise<unknown>]>([
    ["an empty keys/ (a first command stopped after making it)", (at) => mkdir(join(at, "keys"))],
    ["keys/ holding only a key half written", async (at) => {
      await mkdir(join(at, "keys"));
      await writeFile(join(at, "keys", "operator.json.4242-1.tmp"), '{"format":"capsm');
    }],
    ["policy.json half written (createFileOnce's temporary)", (at) => writeFile(join(at, "policy.json.4242-1.tmp"), '{"requireSig')],
    ["an empty policy (every field defaulted, so it sets nothing)", (at) => writeFile(join(at, "policy.json"), "{}")],
    ["a policy of only a $schema", (at) => writeFile(join(at, "policy.json"), JSON.stringify({ $schema: "x" }))],
    ["an empty snapshots/, serve/, anchors/ and harness/", async (at) => {
      for (const name of ["snapshots", "serve", "anchors", "harness"]) await mkdir(join(at, name));
    }],
    ["a snapshot being written (its dot-named temporary)", (at) => mkdir(join(at, "snapshots", "0123456789abcdef01234567", ".000000000005.4242.1"), { recursive: true })],
    ["a lock and the REPL's history", async (at) => {
      await writeFile(join(at, "events.lock.4242-1.holder"), "4242");
      await writeFile(join(at, "repl-history"), "/help\n");
    }],
  ])("%s, alone, is still new (undefined): nothing written yet", async (_what, make) => {
    await make(dir);
    expect(await foreignEntries(dir)).toBeUndefined();
  });

  it.each<[string, (at: string) => Promise<unknown>, { entry: string; why: RegExp } | undefined]>([
    ["an empty keys/", (at) => mkdir(join(at, "keys")), undefined],
    ["keys/ holding ssh keys", async (at) => {
      await mkdir(join(at, "keys"));
      await writeFile(join(at, "keys", "id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
    }, { entry: "keys", why: /keys\/ holds no capsmith key file \(format capsmith-key\/v1\)/ }],
    ["keys/ holding another tool's JSON keys", async (at) => {
      await mkdir(join(at, "keys"));
      await writeFile(join(at, "keys", "signing.json"), JSON.stringify({ kty: "OKP", crv: "Ed25519", x: "abc" }));
    }, { entry: "keys", why: /holds no capsmith key file/ }],
    ["keys that is a file", (at) => writeFile(join(at, "keys"), "x"), { entry: "keys", why: /no folder capsmith can list/ }],
    ["an IAM policy.json", (at) => writeFile(join(at, "policy.json"), JSON.stringify({ Version: "2012-10-17", Statement: [] })), { entry: "policy.json", why: /not a capsmith policy \(\(root\): Unrecognized keys?: "Version", "Statement"\)/ }],
    ["a policy.json that is no JSON", (at) => writeFile(join(at, "policy.json"), "mode: auto\n"), { entry: "policy.json", why: /policy.json cannot be read as JSON/ }],
    ["a policy.json of a wrong type", (at) => writeFile(join(at, "policy.json"), JSON.stringify({ mode: "yolo" })), { entry: "policy.json", why: /not a capsmith policy \(mode:/ }],
    ["a website's serve/", async (at) => {
      await mkdir(join(at, "serve"));
      await writeFile(join(at, "serve", "index.html"), "<html>");
    }, { entry: "serve", why: /serve\/ holds no capsmith tokens.json/ }],
    ["a backup tool's snapshots/", async (at) => {
      await mkdir(join(at, "snapshots"));
      await writeFile(join(at, "snapshots", "2026-12-01.tar"), "x");
    }, { entry: "snapshots", why: /snapshots\/ holds what capsmith's snapshots never are/ }],
    ["a test tool's harness/", async (at) => {
      await mkdir(join(at, "harness"));
      await writeFile(join(at, "harness", "compat-matrix.json"), JSON.stringify({ ok: true, plugins: [], matrix: [] }));
    }, { entry: "harness", why: /harness\/ holds no capsmith compat-matrix.json \(format capsmith-compat-matrix\/v1\)/ }],
    ["a harness/ shaped as an older capsmith's but for its Markdown", async (at) => {
      await mkdir(join(at, "harness"));
      await writeFile(join(at, "harness", "compat-matrix.json"), JSON.stringify(OLD_REPORT, null, 2) + "\n");
      await writeFile(join(at, "harness", "compat-matrix.md"), "# our own notes\n");
    }, { entry: "harness", why: /harness\/ holds no capsmith compat-matrix.json/ }],
    ["a harness/ shaped as an older capsmith's without its Markdown", async (at) => {
      await mkdir(join(at, "harness"));
      await writeFile(join(at, "harness", "compat-matrix.json"), JSON.stringify(OLD_REPORT, null, 2) + "\n");
    }, { entry: "harness", why: /harness\/ holds no capsmith compat-matrix.json/ }],
    ["an index that is not ours", (at) => writeFile(join(at, "events.index"), "id,name\n"), { entry: "events.index", why: /not capsmith's index checkpoint/ }],
    // Opened blocking, a FIFO no one writes would hold the judge forever.
    ["an events.log that is a FIFO", async (at) => execFileSync("mkfifo", [join(at, "events.log")]), { entry: "events.log", why: /events.log is not a regular file/ }],
    ["an events.index that is a FIFO", async (at) => execFileSync("mkfifo", [join(at, "events.index")]), { entry: "events.index", why: /not capsmith's index checkpoint/ }],
    ["a policy.json that is a FIFO", async (at) => execFileSync("mkfifo", [join(at, "policy.json")]), { entry: "policy.json", why: /policy.json is not a regular file/ }],
  ])("a project holding %s is not capsmith's: it names why", async (_what, make, why) => {
    await writeFile(join(dir, "README"), "x");
    await make(dir);
    const found = await foreignEntries(dir);
    expect(found?.count).toBe(2);
    expect(found?.unrecognised).toEqual(why ? [{ entry: why.entry, why: expect.stringMatching(why.why) }] : []);
  });

  it.each([
    ["{}", "{}\n"],
    ["only another tool's $schema", JSON.stringify({ $schema: "https://json.schemastore.org/some-other-tool-policy.json" })],
  ])("a policy.json of %s says nothing: beside a project's files it is not capsmith's", async (_what, text) => {
    await writeFile(join(dir, "README"), "x");
    await writeFile(join(dir, "policy.json"), text);
    expect(await foreignEntries(dir)).toEqual({ entries: ["README", "policy.json"], count: 2, holdsDataDir: false, unrecognised: [] });
  });

  it("the configured log file (CAPSMITH_LOG_FILE) in it says nothing, whatever its name: capsmith writes it wherever it is told", async () => {
    await writeFile(join(dir, "capsmith.log"), '{"level":30,"msg":"started"}\n');
    expect(await foreignEntries(dir)).toBeUndefined();
    await writeFile(join(dir, "README"), "x");
    expect(await foreignEntries(dir)).toBeUndefined();
    expect(await foreignEntries(dir, { logFile: join(dir, "capsmith.log") })).toEqual({ entries: ["README", "capsmith.log"], count: 2, holdsDataDir: false, unrecognised: [] });
    await rm(join(dir, "README"));
    await writeFile(join(dir, "app.log"), '{"level":30,"msg":"started"}\n');
    expect(await foreignEntries(dir, { logFile: join(dir, "app.log") })).toBeUndefined();
  });

  it("a project of only someone else's keys/ (no other file) is not capsmith's", async () => {
    await mkdir(join(dir, "keys"));
    await writeFile(join(dir, "keys", "deploy.pem"), "-----BEGIN RSA PRIVATE KEY-----\n");
    expect(await foreignEntries(dir)).toMatchObject({ entries: ["keys"], count: 1 });
  });

  it("names at most five entries, sorted, counts them all, and says whether a .capsmith is among them", async () => {
    for (const name of ["f", "e", "d", "c", "b", "a"]) await writeFile(join(dir, name), "x");
    await mkdir(join(dir, ".capsmith"));
    expect(await foreignEntries(dir)).toEqual({ entries: [".capsmith", "a", "b", "c", "d"], count: 7, holdsDataDir: true, unrecognised: [] });
  });
});
