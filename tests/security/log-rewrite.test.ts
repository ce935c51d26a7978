/**
 * Issue 14, item 4: the log can be rewritten. An attacker with write access to the data directory
 * rewrites an install so that it activates their code, recomputes every hash and CRC after it, and
 * rewrites what else the directory holds (snapshots, the anchors there, re-signed with the operator
 * key it also holds). The log then verifies on its own and `invoke` runs the attacker's code; only
 * an anchor the operator kept elsewhere, checked with the operator's own copy of the public key,
 * shows it — and names the first record that differs.
 */
import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sha256 } from "../../src/events/index.ts";
import { makePackage } from "../support/plugin-packages.ts";
import { dataDirSigner, readLogLines, rewriteRecord, writeLogLines } from "../support/log-tamper.ts";
import { runCli } from "../support/run-cli.ts";

const EVIL = "export default function () { return 42; }\n";

interface VerifyJson {
  ok: boolean;
  mode: string;
  code?: string;
  difference?: { problem: string; seq: number; subject: string | null; expected: string; found: string };
  firstBreak?: { problem: string; seq: number };
  quarantined: { seq: number; reason: string }[];
  anchor: { trustedBy: string };
}

let dir: string;
let data: string;
const cli = (...args: string[]) => runCli(["--json", "--data", data, ...args], { timeoutMs: 90_000 });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-rewrite-"));
  data = join(dir, "data");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A hub with double_it installed and used, an operator key, and an anchor kept outside the data directory. */
async function anchoredHub(): Promise<{ anchor: string; publicKey: string }> {
  const pkg = join(dir, "double.json");
  await writeFile(pkg, JSON.stringify(makePackage("1.0.0")));
  expect((await cli("plugin", "install", pkg)).code).toBe(0);
  expect((await cli("invoke", "double_it", "--input", '{"n":2}')).json()).toMatchObject({ ok: true, output: 4 });
  // Signed by default: the new data directory's first command made and trusted its operator key.
  const listed = (await cli("keys", "list")).json<{ trusted: { name: string; role: string; revoked: boolean }[] }>();
  expect(listed.trusted).toContainEqual(expect.objectContaining({ name: "operator", role: "operator", revoked: false }));
  const publicKey = join(dir, "operator.pub.json");
  expect((await cli("keys", "export", "operator", "--out", publicKey)).code).toBe(0);
  const anchor = join(dir, "kept-elsewhere.anchor.json");
  const anchored = await cli("audit", "anchor", "--out", anchor);
  expect(anchored.code, anchored.stdout + anchored.stderr).toBe(0);
  return { anchor, publicKey };
}

/**
 * The attacker's rewrite: the install now carries their code, with a matching checksum; every hash
 * and CRC after it recomputed, and every event re-signed with the role keys the directory holds.
 */
async function rewriteInstall(): Promise<number> {
  const lines = await readLogLines(data);
  const install = lines.find((l) => l.events.some((e) => e["type"] === "InstallStarted"))!;
  const sign = await dataDirSigner(data);
  expect(sign).toBeDefined();
  await rewriteRecord(
    data,
    install.seq,
    (event) => {
      if (event["type"] !== "InstallStarted") return;
      const pkg = (event["data"] as { package: { code: string; manifest: { checksum: string } } }).package;
      pkg.code = EVIL;
      pkg.manifest.checksum = `sha256:${sha256(EVIL)}`;
    },
    { sign: sign! },
  );
  return install.seq;
}

describe("a rewrite of history before the anchor", () => {
  it("passes the log's own checks but not the anchor kept elsewhere, which names the first record that differs", async () => {
    const { anchor, publicKey } = await anchoredHub();
    // More use after the anchor: the incremental check reads from the anchor on.
    expect((await cli("invoke", "double_it", "--input", '{"n":5}')).json()).toMatchObject({ output: 10 });
    const rewritten = await rewriteInstall();
    // Everything else in the directory made to match: snapshots dropped, the anchors there re-made
    // and re-signed with the operator key the directory also holds.
    await rm(join(data, "snapshots"), { recursive: true, force: true });
    await rm(join(data, "anchors"), { recursive: true, force: true });
    expect((await cli("audit", "anchor")).code).toBe(0);

    // The rewrite took: the hub serves the attacker's code and the log verifies on its own.
    expect((await cli("invoke", "double_it", "--input", '{"n":2}')).json()).toMatchObject({ ok: true, output: 42 });
    expect((await cli("audit", "verify")).code).toBe(0);
    const own = (await readdir(join(data, "anchors")))[0]!;
    expect((await cli("audit", "verify", "--anchor", join(data, "anchors", own))).code).toBe(0);

    // The anchor kept elsewhere does not match: incremental finds it, the full walk names the record.
    const verified = await cli("audit", "verify", "--anchor", anchor, "--public-key", publicKey);
    expect(verified.code, verified.stdout).toBe(1);
    const report = verified.json<VerifyJson>();
    expect(report).toMatchObject({ ok: false, code: "anchor_mismatch", mode: "full", anchor: { trustedBy: "public-key file" } });
    expect(report.difference).toMatchObject({ problem: "record_differs", seq: rewritten, subject: "capsmith.evt.plugin.double_it" });
    expect(report.difference!.expected).not.toBe(report.difference!.found);

    const text = await runCli(["--data", data, "audit", "verify", "--anchor", anchor, "--public-key", publicKey]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`at seq ${rewritten} (capsmith.evt.plugin.double_it)`);
  }, 420_000);

  it("is named by --full too, and a log cut short of the anchor is caught", async () => {
    const { anchor, publicKey } = await anchoredHub();
    const full = await cli("audit", "verify", "--anchor", anchor, "--public-key", publicKey, "--full");
    expect(full.json<VerifyJson>(), full.stderr).toMatchObject({ ok: true, mode: "full" });
    // Drop the last record (the invocation) and rewrite nothing else: the chain alone still links.
    const lines = await readLogLines(data);
    await writeLogLines(data, lines.slice(0, -1));
    await rm(join(data, "snapshots"), { recursive: true, force: true });
    const cut = await cli("audit", "verify", "--anchor", anchor, "--public-key", publicKey);
    expect(cut.code).toBe(1);
    expect(cut.json<VerifyJson>().difference).toMatchObject({ problem: "records_missing", seq: lines.length });
  }, 420_000);
});

describe("the anchor itself", () => {
  it("is refused when edited after signing or signed by a key the operator does not hold", async () => {
    const { anchor, publicKey } = await anchoredHub();
    const file = JSON.parse(await readFile(anchor, "utf8")) as { statement: { seq: number } };
    file.statement.seq -= 1;
    const edited = join(dir, "edited.anchor.json");
    await writeFile(edited, JSON.stringify(file));
    const refused = await cli("audit", "verify", "--anchor", edited, "--public-key", publicKey);
    expect(refused.code).toBe(1);
    expect(refused.json()).toMatchObject({ ok: false, error: { code: "anchor_untrusted" } });

    // Another operator key (an attacker's, made in the data directory) does not stand in for the operator's own.
    expect((await cli("keys", "generate", "intruder", "--role", "operator")).code).toBe(0);
    const theirs = join(dir, "theirs.anchor.json");
    expect((await cli("audit", "anchor", "--key", "intruder", "--out", theirs)).code).toBe(0);
    const other = await cli("audit", "verify", "--anchor", theirs, "--public-key", publicKey);
    expect(other.json()).toMatchObject({ ok: false, error: { code: "anchor_untrusted" } });

    await appendFile(join(dir, "junk.anchor.json"), "not json");
    expect((await cli("audit", "verify", "--anchor", join(dir, "junk.anchor.json"))).json()).toMatchObject({ error: { code: "anchor_invalid" } });
  }, 420_000);
});

describe("a forged snapshot", () => {
  it("matches its log and passes audit verify, but is caught by audit verify --states", async () => {
    await anchoredHub();
    const base = join(data, "snapshots");
    const [logDir] = await readdir(base);
    const [newest] = (await readdir(join(base, logDir!))).filter((n) => /^\d+$/.test(n)).sort().reverse();
    const at = join(base, logDir!, newest!);
    const good = "export default function (input) { return input.n * 2; }\n";
    const hub = (await readFile(join(at, "hub.json"), "utf8")).replaceAll(JSON.stringify(good).slice(1, -1), JSON.stringify(EVIL).slice(1, -1)).replaceAll(sha256(good), sha256(EVIL));
    await writeFile(join(at, "hub.json"), hub);
    const manifest = JSON.parse(await readFile(join(at, "manifest.json"), "utf8")) as { projections: Record<string, { fileHash: string }> };
    manifest.projections["hub"]!.fileHash = sha256(hub);
    await writeFile(join(at, "manifest.json"), JSON.stringify(manifest));

    expect((await cli("audit", "verify")).code).toBe(0);
    const checked = await cli("audit", "verify", "--states");
    expect(checked.code, checked.stdout).toBe(1);
    expect(checked.json<{ states: { differing: { projection: string }[] } }>().states.differing.map((d) => d.projection)).toContain("hub");
  }, 420_000);
});
