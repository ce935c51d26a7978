/**
 * Issue 14, items 4 and 5, on the embedded log through the real binary:
 * - an edit with only its CRC fixed is flagged by `audit verify` and never honoured by the hub;
 * - a complete last line with a bad CRC is corruption, not a torn write: it is reported, kept, and
 *   the next writer appends after it without cutting the acknowledged event it damaged;
 * - a stray line (`hello`) is quarantined: `plugin list`, `events` and `invoke` go on, `audit verify`
 *   names its position and exits 1.
 */
import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { makePackage } from "../support/plugin-packages.ts";
import { appendUnsignedInstall, crcLine } from "../support/log-tamper.ts";
import { runCli } from "../support/run-cli.ts";

let dir: string;
let data: string;
const cli = (...args: string[]) => runCli(["--json", "--data", data, ...args], { timeoutMs: 90_000 });
const logFile = (): string => join(data, "events.log");

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-corrupt-"));
  data = join(dir, "data");
  const pkg = join(dir, "double.json");
  await writeFile(pkg, JSON.stringify(makePackage("1.0.0")));
  const installed = await cli("plugin", "install", pkg);
  expect(installed.code, installed.stdout + installed.stderr).toBe(0);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface AuditJson {
  ok: boolean;
  firstBreak?: { problem: string; seq: number; subject: string };
  quarantined: { seq: number; reason: string; offset?: number }[];
  forged: { seq: number; type: string; code: string }[];
}

it("an install edited with only its CRC fixed is flagged and not honoured", async () => {
  const lines = (await readFile(logFile(), "utf8")).trimEnd().split("\n");
  const at = lines.findIndex((l) => l.includes('"type":"InstallStarted"'));
  const json = lines[at]!.slice(9).replace("return input.n * 2;", "return 42;      ");
  lines[at] = crcLine(json);
  await writeFile(logFile(), lines.join("\n") + "\n");
  await rm(join(data, "snapshots"), { recursive: true, force: true });

  const audit = await cli("audit", "verify");
  expect(audit.code).toBe(1);
  expect(audit.json<AuditJson>().firstBreak).toMatchObject({ problem: "hash_mismatch", seq: at + 1 });
  // The hub never saw the edited install: the plugin is not served with the attacker's code.
  const invoked = await cli("invoke", "double_it", "--input", '{"n":2}');
  expect(invoked.stdout).not.toContain('"output":42');
  expect((await cli("plugin", "list")).code).toBe(0);
}, 180_000);

it("a complete last line with a bad CRC is corruption: reported, kept, never cut by the next writer", async () => {
  expect((await cli("invoke", "double_it", "--input", '{"n":3}')).json()).toMatchObject({ ok: true, output: 6 });
  const before = (await readFile(logFile(), "utf8")).trimEnd().split("\n");
  const last = before.length;
  // Damage the acknowledged last record (one byte of its JSON), keeping the line complete.
  before[last - 1] = before[last - 1]!.replace('"ok":true', '"ok":tru3');
  await writeFile(logFile(), before.join("\n") + "\n");

  const audit = await cli("audit", "verify");
  expect(audit.code).toBe(1);
  expect(audit.json<AuditJson>().quarantined).toMatchObject([{ seq: last, reason: "bad_checksum" }]);
  // The next writer appends after it: the damaged line stays, byte for byte, at its position.
  expect((await cli("invoke", "double_it", "--input", '{"n":4}')).json()).toMatchObject({ ok: true, output: 8 });
  const after = (await readFile(logFile(), "utf8")).trimEnd().split("\n");
  expect(after.length).toBe(last + 1);
  expect(after[last - 1]).toBe(before[last - 1]);
  expect(JSON.parse(after[last]!.slice(9))).toMatchObject({ seq: last + 1 });
}, 180_000);

it("an unterminated last line is a torn write: cut by the next writer, and only it", async () => {
  const size = (await readFile(logFile())).length;
  await appendFile(logFile(), '0badc0de {"seq":99,"msgId":"torn"');
  expect((await cli("audit", "verify")).code).toBe(0);
  expect((await cli("invoke", "double_it", "--input", '{"n":4}')).json()).toMatchObject({ ok: true, output: 8 });
  const text = await readFile(logFile(), "utf8");
  expect(text).not.toContain('"msgId":"torn"');
  expect(Buffer.byteLength(text)).toBeGreaterThan(size);
  expect((await cli("audit", "verify")).code).toBe(0);
}, 180_000);

it("a stray line is quarantined: plugin list, events and invoke go on; audit verify names it", async () => {
  await appendFile(logFile(), "hello\n");
  const seq = (await readFile(logFile(), "utf8")).trimEnd().split("\n").length;
  expect((await cli("invoke", "double_it", "--input", '{"n":21}')).json()).toMatchObject({ ok: true, output: 42 });
  expect((await cli("plugin", "list")).json()).toMatchObject({ ok: true, capabilities: { double_it: { active: "double_it@1.0.0" } } });
  const events = await cli("events");
  expect(events.code, events.stderr).toBe(0);
  const audit = await cli("audit", "verify");
  expect(audit.code).toBe(1);
  const report = audit.json<AuditJson>();
  expect(report.firstBreak).toMatchObject({ problem: "quarantined", seq });
  expect(report.quarantined).toMatchObject([{ seq, reason: "unreadable" }]);
  expect(report.quarantined[0]!.offset).toBeGreaterThan(0);
}, 180_000);

it("a stray line does not hide a forgery appended after it from audit verify", async () => {
  await appendFile(logFile(), "hello\n");
  const stray = (await readFile(logFile(), "utf8")).trimEnd().split("\n").length;
  await appendUnsignedInstall(data);
  const audit = await cli("audit", "verify");
  expect(audit.code).toBe(1);
  const report = audit.json<AuditJson>();
  expect(report.quarantined).toMatchObject([{ seq: stray, reason: "unreadable" }]);
  expect(report.forged).toContainEqual(expect.objectContaining({ type: "InstallStarted", code: "signature_missing" }));
  expect((await cli("invoke", "evil", "--input", "{}")).stdout).not.toContain('"output":42');
}, 180_000);
