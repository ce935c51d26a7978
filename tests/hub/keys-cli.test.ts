/**
 * `capsmith keys ...` as people run it: the real binary, a private data dir, exit codes 0/1/2, and
 * nothing written (no key file, no event) on bad input.
 */
import { createPublicKey } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openKeyStore } from "../../src/hub/keys-store.ts";
import { DATA_DIR_ROLES } from "../../src/hub/role-keys.ts";
import { runCli } from "../support/run-cli.ts";

let data: string;
const cli = (...args: string[]) => runCli(["--data", data, ...args]);
const logSize = async () => (await stat(join(data, "events.log")).catch(() => ({ size: 0 }))).size;
const keyFiles = async () => (await readdir(join(data, "keys")).catch(() => [] as string[])).sort();

interface Listed {
  local: { name: string; keyId: string; trusted: boolean; revoked: boolean }[];
  trusted: { keyId: string; name: string; role: string; revoked: boolean; revokedReason: string | null }[];
}

beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), "capsmith-keys-cli-"));
});
afterEach(() => rm(data, { recursive: true, force: true }));

describe("capsmith keys", () => {
  it("generates, trusts, exports, lists and revokes", async () => {
    // A new data directory is signed by default: the first writing command makes one key per role
    // and trusts them at seq 1..R before anything else is appended.
    const R = DATA_DIR_ROLES.length;
    const gen = await cli("--json", "keys", "generate", "release", "--trust");
    expect(gen.code).toBe(0);
    const release = gen.json<{ keyId: string; seq: number; trusted: boolean }>();
    expect(release).toMatchObject({ ok: true, trusted: true, seq: R + 1 });
    expect((await stat(join(data, "keys", "release.json"))).mode & 0o777).toBe(0o600);

    const ops = (await cli("--json", "keys", "generate", "ops", "--role", "operator")).json<{ keyId: string; trusted: boolean }>();
    expect(ops.trusted).toBe(false);
    expect((await cli("--json", "keys", "trust", "ops")).json()).toMatchObject({ ok: true, keyId: ops.keyId, role: "operator", alreadyTrusted: false, seq: R + 2 });
    expect((await cli("--json", "keys", "trust", "ops")).json()).toMatchObject({ ok: true, alreadyTrusted: true });

    const exported = await cli("--json", "keys", "export", "release", "-o", join(data, "release.pub.json"));
    expect(exported.code).toBe(0);
    const pub = JSON.parse(await readFile(join(data, "release.pub.json"), "utf8")) as Record<string, unknown>;
    expect(pub).toMatchObject({ format: "capsmith-public-key/v1", name: "release", role: "publisher", keyId: release.keyId });
    expect(JSON.stringify(pub)).not.toContain("PRIVATE");

    const listed = (await cli("--json", "keys", "list")).json<Listed>();
    const roleKeys = [...DATA_DIR_ROLES].sort().map((role) => [role, true, false]);
    expect(listed.local.map((k) => [k.name, k.trusted, k.revoked])).toEqual([...roleKeys, ["ops", true, false], ["release", true, false]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    expect(listed.trusted.map((k) => k.name)).toEqual([...DATA_DIR_ROLES, "release", "ops"]);

    const revoke = await cli("--json", "keys", "revoke", release.keyId, "--reason", "laptop stolen");
    expect(revoke.json()).toMatchObject({ ok: true, alreadyRevoked: false, seq: R + 3 });
    expect((await cli("--json", "keys", "revoke", release.keyId, "--reason", "again")).json()).toMatchObject({ ok: true, alreadyRevoked: true });
    const after = (await cli("--json", "keys", "list")).json<Listed>();
    expect(after.trusted.find((k) => k.keyId === release.keyId)).toMatchObject({ revoked: true, revokedReason: "laptop stolen" });
    expect(after.local.find((k) => k.name === "release")).toMatchObject({ revoked: true });
    expect((await cli("keys", "list")).stdout).toContain("REVOKED: laptop stolen");

    // A revoked key is never trusted again: exit 1, nothing appended.
    const size = await logSize();
    const retrust = await cli("--json", "keys", "trust", "release");
    expect(retrust.code).toBe(1);
    expect(retrust.json()).toMatchObject({ ok: false, error: { code: "key_revoked", nextStep: expect.any(String) } });
    expect(await logSize()).toBe(size);
  });

  it("says a role key's name is taken by the signed data directory's own key, and changes nothing", async () => {
    expect((await cli("note", "first")).code).toBe(0); // signed by default: the role keys are made
    const before = { files: await keyFiles(), size: await logSize(), operator: await readFile(join(data, "keys", "operator.json"), "utf8") };
    const run = await cli("--json", "keys", "generate", "operator", "--role", "operator", "--trust");
    expect(run.code).toBe(2);
    const error = run.json<{ error: { code: string; message: string; nextStep: string; details: { reason: string } } }>().error;
    expect(error).toMatchObject({ code: "invalid_input", details: { reason: "key_exists" } });
    expect(error.message).toContain("requires signed events");
    expect(error.nextStep).toContain("keys export operator");
    expect({ files: await keyFiles(), size: await logSize(), operator: await readFile(join(data, "keys", "operator.json"), "utf8") }).toEqual(before);
  });

  it("trusts another hub's export, and a bare PEM given a name and role", async () => {
    // The exported files sit beside the other hub, not in this data directory: one that holds only
    // files not capsmith's is someone else's (data_dir_foreign).
    const other = await mkdtemp(join(tmpdir(), "capsmith-other-"));
    try {
      const key = await openKeyStore(other).generate("acme", "publisher");
      expect((await runCli(["--data", other, "keys", "export", "acme", "-o", join(other, "acme.pub.json")])).code).toBe(0);
      const trusted = await cli("--json", "keys", "trust", "--public-key", join(other, "acme.pub.json"), "--name", "acme_release");
      expect(trusted.json()).toMatchObject({ ok: true, keyId: key.keyId, name: "acme_release", role: "publisher" });

      const pem = join(other, "ci.pem");
      const ci = await openKeyStore(other).generate("ci", "publisher");
      await writeFile(pem, createPublicKey(ci.privateKey).export({ format: "pem", type: "spki" }));
      expect((await cli("--json", "keys", "trust", "--public-key", pem, "--role", "publisher")).code).toBe(2);
      const ok = await cli("--json", "keys", "trust", "--public-key", pem, "--name", "ci", "--role", "governor");
      expect(ok.json()).toMatchObject({ ok: true, keyId: ci.keyId, role: "governor" });
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  describe("bad input", () => {
    // One data dir with a trusted key "release", copied for each case (a spawn costs half a second).
    let template: string;
    beforeAll(async () => {
      template = await mkdtemp(join(tmpdir(), "capsmith-keys-template-"));
      expect((await runCli(["--data", template, "keys", "generate", "release", "--trust"])).code).toBe(0);
    });
    afterAll(() => rm(template, { recursive: true, force: true }));

    it.each([
      [["keys", "generate", "bad name"], "usage"],
      [["keys", "generate", "release"], "invalid_input"], // the name is taken
      [["keys", "generate", "x", "--role", "bogus"], "usage"],
      [["keys", "generate", "x", "--trust", "--role", "root"], "usage"],
      [["keys", "trust"], "usage"],
      [["keys", "trust", "release", "--public-key", "x.json"], "usage"],
      [["keys", "trust", "nope"], "invalid_input"],
      [["keys", "trust", "--public-key", "/nonexistent/key.json", "--name", "x"], "file_not_found"],
      [["keys", "trust", "--public-key", "KEYFILE:{\"format\":\"capsmith-public-key/v1\"}"], "invalid_input"],
      [["keys", "trust", "--public-key", "KEYFILE:not a key"], "invalid_input"],
      [["keys", "trust", "release", "--name", "has space"], "usage"],
      [["keys", "revoke", "zz", "--reason", "x"], "usage"],
      [["keys", "revoke", "0123456789abcdef", "--reason", "not trusted"], "usage"],
      [["keys", "revoke", "0123456789abcdef"], "usage"],
      [["keys", "export", "nope", "-o", "out.json"], "invalid_input"],
      [["keys", "export", "release"], "usage"],
      [["keys", "export", "release", "-o", "/nonexistent/dir/out.json"], "invalid_input"],
    ])("answers %j with exit 2 and %s, writing nothing", async (args, code) => {
      await cp(template, data, { recursive: true });
      const keyFile = join(data, "keys", "release.json");
      const before = { size: await logSize(), files: await keyFiles(), key: await readFile(keyFile, "utf8") };
      const resolved = await Promise.all(
        args.map(async (a) => {
          if (!a.startsWith("KEYFILE:")) return a;
          const file = join(data, "given.pub");
          await writeFile(file, a.slice("KEYFILE:".length));
          return file;
        }),
      );
      const run = await cli("--json", ...resolved);
      expect(run.code).toBe(2);
      expect(run.json()).toMatchObject({ ok: false, error: { code, nextStep: expect.any(String) } });
      expect(await logSize()).toBe(before.size);
      expect(await keyFiles()).toEqual(before.files);
      expect(await readFile(keyFile, "utf8")).toBe(before.key);
    });
  });
});
