import { describe, expect, it } from "vitest";
import type { HubState, KeysState } from "../../projections/index.ts";
import { generateSigningKey } from "../../src/hub/keys.ts";
import { checksumOf } from "../../src/hub/manifest.ts";
import type { PluginPackage } from "../../src/hub/package-format.ts";
import { DEFAULT_POLICY, parsePolicy } from "../../src/hub/policy.ts";
import type { Policy } from "../../src/hub/policy.ts";
import { preflight } from "../../src/hub/preflight.ts";
import type { PreflightReport } from "../../src/hub/preflight.ts";
import { emptyHub, hubWith, pack, trustStore } from "./fixtures.ts";

const acme = generateSigningKey("acme", "publisher");
const revoked = generateSigningKey("old", "publisher");
const stranger = generateSigningKey("stranger", "publisher");
const KEYS = trustStore({ key: acme }, { key: revoked, revoked: true });

function check(pkg: unknown, ctx: { hub?: HubState; keys?: KeysState; hostVersion?: string; policy?: Policy; trustedOnly?: boolean } = {}): PreflightReport {
  return preflight(pkg, { hub: ctx.hub ?? emptyHub(), keys: ctx.keys ?? KEYS, hostVersion: ctx.hostVersion ?? "0.1.0", policy: ctx.policy ?? DEFAULT_POLICY, ...(ctx.trustedOnly ? { trustedOnly: true } : {}) });
}

const errors = (r: PreflightReport) => r.findings.filter((f) => f.severity === "error").map((f) => [f.code, f.field]);
const warnings = (r: PreflightReport) => r.findings.filter((f) => f.severity === "warning").map((f) => [f.code, f.field]);
// Tests reach into packages of any shape, valid or not.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;
/** A package value changed after packing (as a tamperer or a broken tool would). */
const edit = (pkg: PluginPackage, change: (p: Loose) => void): Record<string, unknown> => {
  const copy = structuredClone(pkg) as Loose;
  change(copy);
  return copy;
};

describe("preflight", () => {
  it("passes a signed package with no findings, and tells the tier it would get", () => {
    const report = check(pack({}, acme));
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: true, elevated: [], signature: { ok: true, keyId: acme.keyId }, tier: { tier: "T3" } });
    expect(report.package?.manifest.id).toBe("total_cost@1.0.0");
  });

  it("passes an unsigned package with an `unsigned` warning, at T1", () => {
    const report = check(pack());
    expect(report.ok).toBe(true);
    expect(warnings(report)).toEqual([["unsigned", "manifest.signature"]]);
    expect(report.tier?.tier).toBe("T1");
  });

  it("is deterministic and leaves its input alone", () => {
    const value = edit(pack({ manifest: { profile: "integration", permissions: { net: ["api.example.com"] } } }), (p) => (p["code"] += "\neval('1')\n"));
    const before = structuredClone(value);
    expect(check(value)).toEqual(check(value));
    expect(value).toEqual(before);
  });

  describe("schema validity: one finding per zod issue, with its field", () => {
    it.each<[string, unknown, string]>([
      ["not an object", "hello", "(root)"],
      ["another format", edit(pack(), (p) => (p["format"] = "zip")), "format"],
      ["a version that is not semver", edit(pack(), (p) => (p["manifest"].version = "1.0")), "manifest.version"],
      ["a host range that is not a range", edit(pack(), (p) => (p["manifest"].hostRange = "banana")), "manifest.hostRange"],
      ["an id that does not match", edit(pack(), (p) => (p["manifest"].id = "total_cost@9.9.9")), "manifest.id"],
      ["an unknown profile", edit(pack(), (p) => (p["manifest"].profile = "daemon")), "manifest.profile"],
      ["a malformed checksum", edit(pack(), (p) => (p["manifest"].checksum = "md5:abc")), "manifest.checksum"],
      ["a dependency range that is not a range", edit(pack(), (p) => (p["manifest"].dependencies = { tax_rate: "soon" })), "manifest.dependencies.tax_rate"],
      ["an unknown manifest field", edit(pack(), (p) => (p["manifest"].runAsRoot = true)), "manifest"],
      ["no code", edit(pack(), (p) => delete p["code"]), "code"],
      ["a spec without examples", edit(pack(), (p) => (p["spec"].examples = [])), "spec.examples"],
      ["a test report without counts", edit(pack(), (p) => delete p["testReport"].passed), "testReport.passed"],
    ])("%s → schema_invalid at %s", (_what, value, field) => {
      const report = check(value);
      expect(report.ok).toBe(false);
      expect(report.package).toBeUndefined();
      expect(report.findings).toContainEqual(expect.objectContaining({ code: "schema_invalid", field, severity: "error", nextStep: expect.any(String) }));
    });

    it("reports every issue, not just the first", () => {
      const report = check(edit(pack(), (p) => {
        p["manifest"].version = "x";
        p["manifest"].profile = "y";
      }));
      expect(report.findings.map((f) => f.field)).toEqual(expect.arrayContaining(["manifest.version", "manifest.profile"]));
    });
  });

  it("host_incompatible: the host version is outside hostRange", () => {
    const pkg = pack({ manifest: { hostRange: "^2.0.0" } });
    expect(errors(check(pkg))).toEqual([["host_incompatible", "manifest.hostRange"]]);
    expect(check(pkg, { hostVersion: "2.3.1" }).ok).toBe(true);
    expect(check(pack({ manifest: { hostRange: "^0.1.0" } }), { hostVersion: "0.1.5-dev.1" }).ok).toBe(true);
  });

  it("api_incompatible: an apiVersion this host does not speak", () => {
    expect(errors(check(pack({ manifest: { apiVersion: "capsmith.plugin/v9" } })))).toEqual([["api_incompatible", "manifest.apiVersion"]]);
  });

  describe("integrity and signatures", () => {
    it("checksum_mismatch: code changed after packing (signature still valid over the manifest)", () => {
      const report = check(edit(pack({}, acme), (p) => (p["code"] = p["code"].replace("sum +", "sum -"))));
      expect(errors(report)).toEqual([["checksum_mismatch", "manifest.checksum"]]);
      expect(report.tier?.tier).toBe("T0");
    });

    it("signature_invalid: manifest changed after signing, even with a consistent checksum", () => {
      const code = "export default (input) => 0;\n";
      const report = check(edit(pack({}, acme), (p) => {
        p["code"] = code;
        p["manifest"].checksum = checksumOf(code);
      }));
      expect(errors(report)).toEqual([["signature_invalid", "manifest.signature"]]);
      expect(errors(check(edit(pack({}, acme), (p) => (p["manifest"].limits.timeoutMs = 60_000))))).toEqual([["signature_invalid", "manifest.signature"]]);
    });

    it("signature_untrusted: signed by a key this hub does not trust, or one trusted for something else", () => {
      expect(errors(check(pack({}, stranger)))).toEqual([["signature_untrusted", "manifest.signature"]]);
      const operator = generateSigningKey("ops", "operator");
      expect(errors(check(pack({}, operator), { keys: trustStore({ key: operator }) }))).toEqual([["signature_untrusted", "manifest.signature"]]);
    });

    it("key_revoked: signed by a revoked key", () => {
      const report = check(pack({}, revoked));
      expect(errors(report)).toEqual([["key_revoked", "manifest.signature"]]);
      expect(report.tier?.tier).toBe("T0");
    });

    it("unsigned is an error when only trusted publishers are accepted", () => {
      expect(errors(check(pack(), { trustedOnly: true }))).toEqual([["unsigned", "manifest.signature"]]);
      expect(errors(check(pack(), { policy: parsePolicy({ trustedPublishersOnly: true }) }))).toEqual([["unsigned", "manifest.signature"]]);
      expect(check(pack({}, acme), { trustedOnly: true }).ok).toBe(true);
    });

    it("a governor's own signature is integrity, not a publisher's word: refused when only publishers count", () => {
      const governor = generateSigningKey("governor", "governor");
      const keys = trustStore({ key: acme }, { key: governor, role: "governor" });
      expect(check(pack({}, governor), { keys }).ok).toBe(true);
      expect(errors(check(pack({}, governor), { keys, trustedOnly: true }))).toEqual([["signature_untrusted", "manifest.signature"]]);
    });
  });

  it("spec_mismatch: the spec is for another capability", () => {
    expect(errors(check(edit(pack(), (p) => (p["spec"].capability = "tax_rate"))))).toEqual([["spec_mismatch", "spec.capability"]]);
  });

  describe("dependencies", () => {
    const taxRate = (version: string) => pack({ manifest: { capability: "tax_rate", version }, spec: { capability: "tax_rate" } });
    const needing = pack({ manifest: { dependencies: { tax_rate: "^1.2.0" } } });

    it("dependency_unresolved: nothing active for the capability", () => {
      expect(errors(check(needing))).toEqual([["dependency_unresolved", "manifest.dependencies.tax_rate"]]);
    });

    it("dependency_unresolved: the active version is outside the range", () => {
      expect(errors(check(needing, { hub: hubWith(taxRate("2.0.0")) }))).toEqual([["dependency_unresolved", "manifest.dependencies.tax_rate"]]);
      expect(errors(check(needing, { hub: hubWith(taxRate("1.1.9")) }))).toEqual([["dependency_unresolved", "manifest.dependencies.tax_rate"]]);
      // The active one counts, not any installed one.
      expect(errors(check(needing, { hub: hubWith(taxRate("1.3.0"), taxRate("2.0.0")) }))).toEqual([["dependency_unresolved", "manifest.dependencies.tax_rate"]]);
    });

    it("resolves against the active version", () => {
      expect(check(needing, { hub: hubWith(taxRate("1.4.2")) }).ok).toBe(true);
    });

    it("dependency_unresolved: a plugin cannot depend on its own capability", () => {
      expect(errors(check(pack({ manifest: { dependencies: { total_cost: "^1.0.0" } } }), { hub: hubWith(pack()) }))).toContainEqual(["dependency_unresolved", "manifest.dependencies.total_cost"]);
    });
  });

  describe("permissions and profiles", () => {
    it("permission_not_allowed: net outside integration, llm outside agent", () => {
      expect(errors(check(pack({ manifest: { permissions: { net: ["api.example.com"] } } })))).toEqual([["permission_not_allowed", "manifest.permissions.net"]]);
      const llm = { maxTokensPerCall: 100, maxCostPerDay: 1 };
      expect(errors(check(pack({ manifest: { profile: "integration", permissions: { llm } } })))).toEqual([["permission_not_allowed", "manifest.permissions.llm"]]);
    });

    it("elevated_permission: lists what policy holds for approval, as warnings", () => {
      const report = check(pack({ manifest: { profile: "integration", permissions: { net: ["api.example.com"] } } }));
      expect(report.ok).toBe(true);
      expect(report.elevated).toEqual(["net"]);
      expect(warnings(report)).toEqual([
        ["unsigned", "manifest.signature"],
        ["elevated_permission", "manifest.permissions.net"],
        ["approval_required", "manifest.profile"],
        ["tier_too_low", "manifest.profile"],
      ]);
      const relaxed = parsePolicy({ approvalRequired: { permissions: [], profiles: [] }, minTier: { integration: "T1" } });
      const quiet = check(pack({ manifest: { profile: "integration", permissions: { net: ["api.example.com"] } } }), { policy: relaxed });
      expect(quiet.elevated).toEqual([]);
      expect(warnings(quiet)).toEqual([["unsigned", "manifest.signature"]]);
    });

    it("profile_not_allowed: policy does not allow the profile", () => {
      expect(errors(check(pack({ manifest: { profile: "quality_gate" } }), { policy: parsePolicy({ allowedProfiles: ["node"] }) }))).toEqual([["profile_not_allowed", "manifest.profile"]]);
    });
  });

  describe("conflicts with the hub", () => {
    const v1 = pack();
    const changedOutput = { outputSchema: { type: "string" } };

    it("contract_conflict: same major, different output contract", () => {
      const v11 = pack({ manifest: { version: "1.1.0" }, spec: changedOutput });
      expect(errors(check(v11, { hub: hubWith(v1) }))).toEqual([["contract_conflict", "spec.outputSchema"]]);
      const input = pack({ manifest: { version: "1.1.0" }, spec: { inputSchema: { type: "object" } } });
      expect(errors(check(input, { hub: hubWith(v1) }))).toEqual([["contract_conflict", "spec.inputSchema"]]);
    });

    it("allows a changed contract under a new major, and the same contract under the same one", () => {
      expect(check(pack({ manifest: { version: "2.0.0" }, spec: changedOutput }), { hub: hubWith(v1) }).ok).toBe(true);
      expect(check(pack({ manifest: { version: "1.1.0" }, spec: { description: "reworded" } }), { hub: hubWith(v1) }).ok).toBe(true);
    });

    it("treats 0.x minors as majors, as ^ ranges do", () => {
      const v01 = pack({ manifest: { version: "0.1.0" } });
      expect(check(pack({ manifest: { version: "0.2.0" }, spec: changedOutput }), { hub: hubWith(v01) }).ok).toBe(true);
      expect(errors(check(pack({ manifest: { version: "0.1.1" }, spec: changedOutput }), { hub: hubWith(v01) }))).toEqual([["contract_conflict", "spec.outputSchema"]]);
    });

    it("version_exists: the same id with other code; the same package again is only a warning", () => {
      const other = pack({ code: "export default () => 42;\n" });
      expect(errors(check(other, { hub: hubWith(v1) }))).toEqual([["version_exists", "manifest.version"]]);
      const again = check(v1, { hub: hubWith(v1) });
      expect(again.ok).toBe(true);
      expect(warnings(again)).toContainEqual(["already_installed", "manifest.id"]);
    });
  });

  it("code_rejected: static-scan findings with line and column", () => {
    const report = check(pack({ code: "export default function (input) {\n  return eval(input.expr);\n}\n" }));
    expect(report.findings).toContainEqual(expect.objectContaining({ code: "code_rejected", field: "code", severity: "error", line: 2, column: 9 }));
    const unparsable = check(pack({ code: "export default (" }));
    expect(unparsable.findings).toContainEqual(expect.objectContaining({ code: "code_rejected", field: "code", line: 1 }));
  });

  it("warns that failed tests would quarantine it", () => {
    const report = check(pack({ testReport: { id: "r", passed: 1, failed: 1, cases: [] } }));
    expect(warnings(report)).toContainEqual(["tests_failed", "testReport.failed"]);
    expect(report.tier?.tier).toBe("T0");
  });
});
