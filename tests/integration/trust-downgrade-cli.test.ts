/**
 * A trust downgrade refused by `plugin install` (an unsigned word_count@1.1.0 after a publisher
 * signed 1.0.0), through the real binary: the refusal's next step — an operator approves that exact
 * package file (`plugin approve --package FILE`), then installs it again — works as written, and
 * nothing less gets the package in: no approval, a publisher's key, an operator key the hub does not
 * trust, another package under the approved id, or a file whose manifest states another checksum.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.ts";

const EXAMPLES = join(import.meta.dirname, "../../examples/plugins/word_count");
let dir: string;
let data: string;
const cli = (...args: string[]) => runCli(["--data", data, ...args]);
const unsigned = () => join(dir, "word_count-1.1.0.json");
const swapped = () => join(dir, "word_count-1.1.0-swapped.json");

async function ok(...args: string[]): Promise<void> {
  const run = await cli(...args);
  expect(run.code, `${args.join(" ")}\n${run.stdout}${run.stderr}`).toBe(0);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-downgrade-"));
  data = join(dir, "data");
  await ok("keys", "generate", "pub", "--role", "publisher", "--trust");
  await ok("keys", "generate", "op", "--role", "operator", "--trust");
  // An operator key by name only: this hub never trusted it.
  await ok("keys", "generate", "rogue", "--role", "operator");
  await ok("plugin", "pack", join(EXAMPLES, "1.0.0"), "--sign", "pub", "-o", join(dir, "word_count-1.0.0.json"));
  await ok("plugin", "install", join(dir, "word_count-1.0.0.json"));
  await ok("plugin", "pack", join(EXAMPLES, "1.1.0"), "-o", unsigned());
  // The same id and version with other code, also unsigned: what a swapped package looks like.
  await cp(join(EXAMPLES, "1.1.0"), join(dir, "swapped"), { recursive: true });
  await writeFile(join(dir, "swapped", "plugin.js"), "export default function (input) { return input.text.split(' ').length; }\n");
  await ok("plugin", "pack", join(dir, "swapped"), "-o", swapped());
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function expectRefused(file: string): Promise<void> {
  const run = await cli("plugin", "install", file);
  expect(run.code).toBe(1);
  expect(run.stdout).toContain("[preflight_failed]: trust_downgrade");
  expect(run.stdout).toContain("active now: word_count@1.0.0");
}

describe("an unsigned version after a publisher-signed one", () => {
  it("is refused, with a next step that names the approval to give", async () => {
    await expectRefused(unsigned());
    const run = await cli("plugin", "install", unsigned());
    expect(run.stdout).toContain("next step: Have the publisher sign it");
    expect(run.stdout).toContain("capsmith plugin approve --package FILE --key OPERATOR_KEY");
    // There is no approving it by id: nothing of that id is held or installed.
    const byId = await cli("plugin", "approve", "word_count@1.1.0", "--key", "op");
    expect(byId.code).toBe(2);
  });

  it("is still refused after a publisher key or an untrusted operator key tried to approve it", async () => {
    const byPublisher = await cli("plugin", "approve", "--package", unsigned(), "--key", "pub");
    expect(byPublisher.code).not.toBe(0);
    expect(byPublisher.stderr).toContain("error [approval_required]");
    const byRogue = await cli("plugin", "approve", "--package", unsigned(), "--key", "rogue");
    expect(byRogue.code).not.toBe(0);
    expect(byRogue.stderr).toContain("error [signature_untrusted]");
    await expectRefused(unsigned());
  });

  it("installs once a trusted operator approved that exact package, and the approval covers no other", async () => {
    // A file whose manifest states the swapped code's checksum over the honest code is refused.
    const swappedPkg = JSON.parse(await readFile(swapped(), "utf8")) as Record<string, unknown>;
    const honestPkg = JSON.parse(await readFile(unsigned(), "utf8")) as Record<string, unknown>;
    await writeFile(join(dir, "bait.json"), JSON.stringify({ ...swappedPkg, code: honestPkg["code"] }));
    const bait = await cli("plugin", "approve", "--package", join(dir, "bait.json"), "--key", "op");
    expect(bait.code).toBe(2);
    expect(bait.stderr).toContain("it was changed after packing");
    const approved = await cli("--json", "plugin", "approve", "--package", unsigned(), "--key", "op");
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.json()).toMatchObject({ ok: true, pluginId: "word_count@1.1.0", nextStep: `install it: capsmith plugin install ${unsigned()}` });
    await expectRefused(swapped());
    const install = await cli("plugin", "install", unsigned());
    expect(install.code, install.stdout).toBe(0);
    expect(install.stdout).toContain("updated to word_count@1.1.0 (tier T2");
  });
});
