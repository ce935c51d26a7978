import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateSigningKey } from "../../src/hub/keys.ts";
import { DEFAULT_POLICY, canRun, loadDataDirPolicy, loadPolicy, mayPublish, needsApproval, parsePolicy } from "../../src/hub/policy.ts";
import type { SignatureCheck } from "../../src/hub/signature.ts";
import { assignTier } from "../../src/hub/tiers.ts";
import type { TierEvidence } from "../../src/hub/tiers.ts";

describe("policy file", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "capsmith-policy-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("has the documented defaults", () => {
    expect(DEFAULT_POLICY).toEqual({
      mode: "auto",
      minTier: { node: "T1", quality_gate: "T1", integration: "T2", agent: "T2" },
      allowedProfiles: ["node", "integration", "agent", "quality_gate"],
      approvalRequired: { permissions: ["net", "llm"], profiles: ["agent", "integration"] },
      trustedPublishersOnly: false,
      requireSignedEvents: false,
      limits: { packageBytes: 8 * 1024 * 1024, specBytes: 256 * 1024, examples: 1000 },
      slo: {},
    });
  });

  it("fills what a partial file leaves out", () => {
    const policy = parsePolicy({ mode: "dry-run", minTier: { node: "T2" }, slo: { p95Ms: 200 } });
    expect(policy.mode).toBe("dry-run");
    expect(policy.minTier).toEqual({ node: "T2", quality_gate: "T1", integration: "T2", agent: "T2" });
    expect(policy.slo).toEqual({ p95Ms: 200 });
  });

  it("uses <dir>/policy.json when present and the defaults when not", async () => {
    expect(await loadPolicy(dir)).toEqual(DEFAULT_POLICY);
    await writeFile(join(dir, "policy.json"), JSON.stringify({ mode: "suggest" }));
    expect((await loadPolicy(dir)).mode).toBe("suggest");
    expect((await loadPolicy(join(dir, "policy.json"))).mode).toBe("suggest");
    expect((await loadDataDirPolicy(dir)).mode).toBe("suggest");
    expect(await loadDataDirPolicy(join(dir, "not-created-yet"))).toEqual(DEFAULT_POLICY);
  });

  it.each([
    [{ mode: "yolo" }, "mode"],
    [{ minTier: { agent: "T9" } }, "minTier.agent"],
    [{ minTier: { robot: "T1" } }, "minTier"],
    [{ allowedProfiles: ["node", "daemon"] }, "allowedProfiles.1"],
    [{ approvalRequired: { permissions: ["fs"] } }, "approvalRequired.permissions.0"],
    [{ trustedPublishersOnly: "yes" }, "trustedPublishersOnly"],
    [{ typo: true }, "(root)"],
    [[], "(root)"],
  ])("refuses %j with invalid_policy at %s", (value, path) => {
    let error: unknown;
    try {
      parsePolicy(value, "policy.json");
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({ code: "invalid_policy", nextStep: expect.any(String), details: { issues: expect.arrayContaining([expect.objectContaining({ path })]) } });
  });

  it("refuses a file that is not JSON, and a named file that does not exist", async () => {
    await writeFile(join(dir, "policy.json"), "{ mode: auto }");
    await expect(loadPolicy(dir)).rejects.toMatchObject({ code: "invalid_policy" });
    await expect(loadPolicy(join(dir, "missing.json"))).rejects.toMatchObject({ code: "policy_not_found" });
  });
});

describe("what policy allows", () => {
  it.each([
    ["T1", "node", true],
    ["T0", "node", false],
    ["T1", "integration", false],
    ["T2", "integration", true],
    ["T3", "agent", true],
    ["T1", "quality_gate", true],
  ] as const)("canRun(default, %s, %s) is %s", (tier, profile, allowed) => {
    const decision = canRun(DEFAULT_POLICY, tier, profile);
    expect(decision.allowed).toBe(allowed);
    expect(decision.reasons.length === 0).toBe(allowed);
  });

  it("honours allowedProfiles, minTier and trustedPublishersOnly", () => {
    expect(canRun(parsePolicy({ allowedProfiles: ["node"] }), "T3", "agent")).toMatchObject({ allowed: false, reasons: [expect.stringContaining("allowedProfiles")] });
    expect(canRun(parsePolicy({ minTier: { node: "T0" } }), "T0", "node").allowed).toBe(false);
    expect(canRun(parsePolicy({ minTier: { node: "T3" } }), "T2", "node").allowed).toBe(false);
    expect(canRun(parsePolicy({ trustedPublishersOnly: true }), "T2", "node")).toMatchObject({ allowed: false, reasons: [expect.stringContaining("T3")] });
    expect(canRun(parsePolicy({ trustedPublishersOnly: true }), "T3", "node").allowed).toBe(true);
  });

  it("holds elevated permissions and profiles for approval", () => {
    expect(needsApproval(DEFAULT_POLICY, { profile: "node", permissions: {} })).toEqual({ required: false, reasons: [], permissions: [] });
    const integration = needsApproval(DEFAULT_POLICY, { profile: "integration", permissions: { net: ["api.example.com"] } });
    expect(integration).toMatchObject({ required: true, permissions: ["net"] });
    expect(integration.reasons).toHaveLength(2);
    expect(needsApproval(DEFAULT_POLICY, { profile: "agent", permissions: { llm: { maxTokensPerCall: 100, maxCostPerDay: 1 } } }).permissions).toEqual(["llm"]);
    const relaxed = parsePolicy({ approvalRequired: { permissions: [], profiles: [] } });
    expect(needsApproval(relaxed, { profile: "integration", permissions: { net: ["api.example.com"] } }).required).toBe(false);
    expect(needsApproval(DEFAULT_POLICY, { profile: "integration", permissions: { net: [] } }).permissions).toEqual([]);
  });

  it("publishes only in auto mode", () => {
    expect(mayPublish(DEFAULT_POLICY)).toBe(true);
    expect(mayPublish(parsePolicy({ mode: "dry-run" }))).toBe(false);
    expect(mayPublish(parsePolicy({ mode: "suggest" }))).toBe(false);
  });
});

describe("trust tiers", () => {
  const key = generateSigningKey("acme", "publisher");
  const signed: SignatureCheck = { ok: true, keyId: key.keyId, name: "acme", role: "publisher" };
  const fail = (code: "signature_missing" | "signature_untrusted" | "signature_invalid" | "key_revoked"): SignatureCheck => ({ ok: false, code, keyId: null, message: code, nextStep: "" });
  const approved: SignatureCheck = { ok: true, keyId: "op", name: "ops", role: "operator" };
  const pass = { passed: 3, failed: 0 };
  const base: TierEvidence = { testReport: pass, provenance: { origin: "synthesized" }, approvals: [], signature: fail("signature_missing"), tamper: false };

  it.each<[string, string, Partial<TierEvidence>, string]>([
    ["synthesized, tests pass, unsigned", "T1", {}, "tests_passed"],
    ["authored, tests pass, unsigned", "T1", { provenance: { origin: "authored" } }, "tests_passed"],
    ["tests pass, untrusted signature", "T1", { signature: fail("signature_untrusted") }, "tests_passed"],
    ["tests pass, operator approval", "T2", { approvals: [approved] }, "approved"],
    ["tests pass, only an invalid approval", "T1", { approvals: [fail("signature_invalid")] }, "tests_passed"],
    ["tests pass, trusted publisher signature", "T3", { signature: signed }, "signed"],
    ["tests pass, signed and approved", "T3", { signature: signed, approvals: [approved] }, "signed"],
    ["tests pass, signed by the governor (integrity only)", "T1", { signature: { ...signed, role: "governor" } }, "tests_passed"],
    ["tests failed, signed", "T0", { testReport: { passed: 2, failed: 1 }, signature: signed }, "tests_failed"],
    ["no test report, signed", "T0", { testReport: null, signature: signed }, "no_test_report"],
    ["an empty test report", "T0", { testReport: { passed: 0, failed: 0 } }, "no_tests"],
    ["tampered code, signed and approved", "T0", { tamper: true, signature: signed, approvals: [approved] }, "tamper"],
    ["signed by a revoked key", "T0", { signature: fail("key_revoked") }, "key_revoked"],
    ["signature does not match", "T0", { signature: fail("signature_invalid"), approvals: [approved] }, "signature_invalid"],
  ])("%s → %s", (_case, tier, change, reason) => {
    const result = assignTier({ ...base, ...change });
    expect(result.tier).toBe(tier);
    expect(result.reasons.some((r) => r.startsWith(reason))).toBe(true);
  });
});
