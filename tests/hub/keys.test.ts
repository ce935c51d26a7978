import { createHash, createPublicKey, generateKeyPairSync } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keys as keysProjection } from "../../projections/index.ts";
import type { KeysState } from "../../projections/index.ts";
import type { AnyStoredEvent } from "../../src/events/index.ts";
import { generateSigningKey, keyIdOf, parsePublicKeyFile, publicKeyFileText, signText, verifyText } from "../../src/hub/keys.ts";
import { openKeyStore } from "../../src/hub/keys-store.ts";
import { manifestSchema } from "../../src/hub/manifest.ts";
import { signApproval, signHash, signManifest, verifyApproval, verifyHash, verifyManifestSignature } from "../../src/hub/signature.ts";
import { manifestFor, trustStore } from "./fixtures.ts";

const acme = generateSigningKey("acme", "publisher");
const mallory = generateSigningKey("mallory", "publisher");
const ops = generateSigningKey("ops", "operator");

describe("Ed25519 keys", () => {
  it("derives the key id from the raw public key: first 16 hex of its sha256", () => {
    const spki = createPublicKey(acme.privateKey).export({ format: "der", type: "spki" });
    const raw = spki.subarray(spki.length - 32);
    expect(acme.publicKey).toBe(raw.toString("base64url"));
    expect(acme.keyId).toBe(createHash("sha256").update(raw).digest("hex").slice(0, 16));
    expect(keyIdOf(acme.publicKey)).toBe(acme.keyId);
    expect(acme.keyId).not.toBe(mallory.keyId);
  });

  it("signs text and rejects other text, other keys and non-canonical encodings", () => {
    const sig = signText("hello", acme);
    expect(sig.keyId).toBe(acme.keyId);
    expect(verifyText("hello", sig.value, acme.publicKey)).toBe(true);
    expect(verifyText("hello!", sig.value, acme.publicKey)).toBe(false);
    expect(verifyText("hello", sig.value, mallory.publicKey)).toBe(false);
    expect(verifyText("hello", sig.value + "A", acme.publicKey)).toBe(false);
    expect(verifyText("hello", "not base64!", acme.publicKey)).toBe(false);
  });

  it("reads back its public-key export and Ed25519 PEM, and refuses other keys and mismatched ids", () => {
    expect(parsePublicKeyFile(publicKeyFileText(acme), "acme.pub")).toEqual({ publicKey: acme.publicKey, keyId: acme.keyId, name: "acme", role: "publisher" });
    const pem = createPublicKey(acme.privateKey).export({ format: "pem", type: "spki" }).toString();
    expect(parsePublicKeyFile(pem, "acme.pem")).toEqual({ publicKey: acme.publicKey, keyId: acme.keyId });
    const lying = JSON.stringify({ ...JSON.parse(publicKeyFileText(acme)), keyId: mallory.keyId });
    expect(() => parsePublicKeyFile(lying, "x")).toThrow(expect.objectContaining({ code: "invalid_key" }));
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ format: "pem", type: "spki" }).toString();
    expect(() => parsePublicKeyFile(rsa, "rsa.pem")).toThrow(expect.objectContaining({ code: "invalid_key", message: expect.stringContaining("rsa") }));
    expect(() => parsePublicKeyFile("{}", "x")).toThrow(expect.objectContaining({ code: "invalid_key", details: { issues: expect.any(Array) } }));
  });
});

describe("manifest signatures", () => {
  const trusted = trustStore({ key: acme }, { key: ops }, { key: mallory, revoked: true });
  const signed = signManifest(manifestFor(), acme);

  it("verifies a manifest signed by a trusted publisher, whatever the key order", () => {
    expect(verifyManifestSignature(signed, trusted)).toEqual({ ok: true, keyId: acme.keyId, name: "acme", role: "publisher" });
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    expect(verifyManifestSignature(reordered, trusted).ok).toBe(true);
  });

  it("verifies the manifest as written and as parsed (defaults filled in) alike", () => {
    const { limits: _limits, permissions: _permissions, dependencies: _dependencies, ...bare } = manifestFor({ checksum: `sha256:${"c".repeat(64)}` });
    const signedBare = signManifest(bare, acme);
    const parsed = manifestSchema.parse(signedBare);
    expect(parsed.limits).toEqual({ memoryMB: 64, timeoutMs: 1000 });
    expect(verifyManifestSignature(signedBare, trusted).ok).toBe(true);
    expect(verifyManifestSignature(parsed, trusted).ok).toBe(true);
    expect(verifyManifestSignature({ ...signedBare, limits: { memoryMB: 128, timeoutMs: 1000 } }, trusted)).toMatchObject({ ok: false, code: "signature_invalid" });
  });

  it("replaces an old signature instead of signing it", () => {
    const again = signManifest(signed, acme);
    expect(verifyManifestSignature(again, trusted).ok).toBe(true);
  });

  it.each([
    ["a changed version", { version: "1.0.1", id: "total_cost@1.0.1" }],
    ["a changed checksum (tampered code, checksum recomputed)", { checksum: `sha256:${"0".repeat(64)}` }],
    ["an added permission", { permissions: { net: ["evil.example.com"] } }],
  ])("rejects a manifest with %s as signature_invalid", (_what, change) => {
    expect(verifyManifestSignature({ ...signed, ...change }, trusted)).toMatchObject({ ok: false, code: "signature_invalid", keyId: acme.keyId });
  });

  it("rejects a signature by an untrusted key, by a revoked key, by a non-publisher, and a missing one", () => {
    const byStranger = signManifest(manifestFor(), generateSigningKey("stranger", "publisher"));
    expect(verifyManifestSignature(byStranger, trusted)).toMatchObject({ ok: false, code: "signature_untrusted" });
    expect(verifyManifestSignature(signManifest(manifestFor(), mallory), trusted)).toMatchObject({ ok: false, code: "key_revoked", keyId: mallory.keyId });
    expect(verifyManifestSignature(signManifest(manifestFor(), ops), trusted)).toMatchObject({ ok: false, code: "signature_untrusted", message: expect.stringContaining("operator") });
    expect(verifyManifestSignature(manifestFor(), trusted)).toMatchObject({ ok: false, code: "signature_missing", keyId: null });
    expect(verifyManifestSignature({ ...manifestFor(), signature: "abc" }, trusted)).toMatchObject({ ok: false, code: "signature_invalid" });
  });

  it("rejects a signature that claims a trusted key id but was made by another key", () => {
    const forged = signManifest(manifestFor(), mallory);
    forged.signature.keyId = acme.keyId;
    expect(verifyManifestSignature(forged, trusted)).toMatchObject({ ok: false, code: "signature_invalid" });
  });
});

describe("approvals and hash signatures", () => {
  const trusted = trustStore({ key: acme }, { key: ops });
  const plugin = { pluginId: "total_cost@1.0.0", checksum: `sha256:${"a".repeat(64)}` };

  it("verifies an operator's approval of exactly this plugin's code", () => {
    const approval = signApproval(plugin, ops);
    expect(verifyApproval({ ...plugin, ...approval }, trusted)).toMatchObject({ ok: true, role: "operator" });
    expect(verifyApproval({ ...plugin, checksum: `sha256:${"b".repeat(64)}`, ...approval }, trusted)).toMatchObject({ ok: false, code: "signature_invalid" });
    expect(verifyApproval({ ...plugin, pluginId: "total_cost@1.0.1", ...approval }, trusted)).toMatchObject({ ok: false, code: "signature_invalid" });
    expect(verifyApproval({ ...plugin, ...signApproval(plugin, acme) }, trusted)).toMatchObject({ ok: false, code: "signature_untrusted" });
  });

  it("signs and verifies hashes against the trust store", () => {
    const sig = signHash("f".repeat(64), acme);
    expect(verifyHash("f".repeat(64), sig, trusted)).toMatchObject({ ok: true });
    expect(verifyHash("e".repeat(64), sig, trusted)).toMatchObject({ ok: false, code: "signature_invalid" });
    expect(verifyHash("f".repeat(64), undefined, trusted)).toMatchObject({ ok: false, code: "signature_missing" });
    expect(verifyHash("f".repeat(64), sig, trusted, { roles: ["operator"] })).toMatchObject({ ok: false, code: "signature_untrusted" });
  });
});

describe("key store", () => {
  let data: string;
  beforeEach(async () => {
    data = await mkdtemp(join(tmpdir(), "capsmith-keys-"));
  });
  afterEach(() => rm(data, { recursive: true, force: true }));

  it("saves keys 0600 in a 0700 directory and loads them back able to sign", async () => {
    const store = openKeyStore(data);
    const key = await store.generate("release", "publisher");
    expect((await stat(join(data, "keys", "release.json"))).mode & 0o777).toBe(0o600);
    expect((await stat(join(data, "keys"))).mode & 0o777).toBe(0o700);
    const loaded = await store.load("release");
    expect(loaded.keyId).toBe(key.keyId);
    expect(verifyText("x", signText("x", loaded).value, key.publicKey)).toBe(true);
    expect((await store.list()).map((k) => [k.name, k.keyId])).toEqual([["release", key.keyId]]);
  });

  it("never overwrites a key, and says what is wrong with a missing, damaged or edited key file", async () => {
    const store = openKeyStore(data);
    await store.generate("release", "publisher");
    const before = await readFile(join(data, "keys", "release.json"), "utf8");
    await expect(store.generate("release", "operator")).rejects.toMatchObject({ code: "key_exists" });
    expect(await readFile(join(data, "keys", "release.json"), "utf8")).toBe(before);
    await expect(store.load("nope")).rejects.toMatchObject({ code: "key_not_found" });
    await expect(store.generate("../evil", "publisher")).rejects.toMatchObject({ code: "invalid_key" });
    const edited = { ...JSON.parse(before), publicKey: mallory.publicKey, keyId: mallory.keyId };
    await writeFile(join(data, "keys", "release.json"), JSON.stringify(edited));
    await expect(store.load("release")).rejects.toMatchObject({ code: "invalid_key" });
    await writeFile(join(data, "keys", "broken.json"), "{");
    await expect(store.load("broken")).rejects.toMatchObject({ code: "invalid_key" });
    expect(await store.list()).toEqual([]);
  });
});

describe("keys projection", () => {
  let seq = 0;
  const event = (type: string, data: unknown): AnyStoredEvent =>
    ({ id: `e${++seq}`, type, subject: "capsmith.evt.key.x", seq, time: "2026-01-01T00:00:00.000Z", actor: "operator", correlationId: "c", causationId: null, schemaVersion: 1, data, prevHash: null, hash: "h" }) as AnyStoredEvent;
  const trust = (k: typeof acme, role = k.role) => event("KeyTrusted", { keyId: k.keyId, publicKey: k.publicKey, name: k.name, role });
  const fold = (events: AnyStoredEvent[]): KeysState => events.reduce((s, e) => keysProjection.apply(s, e), keysProjection.initial());

  it("folds trust and revocation, keeps a revocation for good, and ignores other events", () => {
    seq = 0;
    const state = fold([
      trust(acme),
      event("OperatorNote", { text: "hi" }),
      trust(ops),
      event("KeyRevoked", { keyId: acme.keyId, reason: "laptop stolen" }),
      trust(acme), // re-trusting a revoked key changes nothing
      event("KeyRevoked", { keyId: "0000000000000000", reason: "unknown key" }),
      trust(ops, "governor"),
      event("KeyTrusted", { keyId: "__proto__", publicKey: acme.publicKey, name: "x", role: "publisher" }),
    ]);
    expect(Object.getPrototypeOf(state.keys)).toBe(Object.prototype);
    expect(state).toEqual({
      keys: {
        [acme.keyId]: { publicKey: acme.publicKey, name: "acme", role: "publisher", revoked: true, trustedSeq: 1, revokedSeq: 4, revokedReason: "laptop stolen" },
        [ops.keyId]: { publicKey: ops.publicKey, name: "ops", role: "governor", revoked: false, trustedSeq: 7, revokedSeq: null, revokedReason: null },
      },
    });
  });
});
