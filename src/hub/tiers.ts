/**
 * Trust tiers, assigned from evidence: T3 signed by a trusted publisher key, T2 approved by an
 * operator, T1 passing all its tests (synthesized or authored), T0 quarantined. Tests are the floor:
 * no signature or approval lifts a plugin whose tests fail or are missing, and tampering or a revoked
 * signer quarantines it whatever else is true. Pure.
 */
import type { TrustTier } from "../../projections/index.ts";
import type { TestReport } from "./package-format.ts";
import type { SignatureCheck } from "./signature.ts";

const RANK: Record<TrustTier, number> = { T0: 0, T1: 1, T2: 2, T3: 3 };

export function tierRank(tier: TrustTier): number {
  return RANK[tier];
}

export interface TierEvidence {
  testReport: Pick<TestReport, "passed" | "failed"> | null | undefined;
  provenance: { origin: "synthesized" | "authored" };
  /** Results of `verifyApproval` for each `PluginApproved` of this plugin. */
  approvals: readonly SignatureCheck[];
  /** Result of `verifyManifestSignature`. */
  signature: SignatureCheck;
  /** A checksum mismatch was seen (at install or load). */
  tamper: boolean;
}

export interface TierAssignment {
  tier: TrustTier;
  reasons: string[];
}

export function assignTier(evidence: TierEvidence): TierAssignment {
  const { testReport, provenance, approvals, signature, tamper } = evidence;
  const quarantine: string[] = [];
  if (tamper) quarantine.push("tamper: the code does not match its checksum");
  if (!signature.ok && (signature.code === "signature_invalid" || signature.code === "key_revoked")) quarantine.push(`${signature.code}: ${signature.message}`);
  if (!testReport) quarantine.push("no_test_report: no test results show that it works");
  else if (testReport.failed > 0) quarantine.push(`tests_failed: ${testReport.failed} of ${testReport.passed + testReport.failed} tests failed`);
  else if (testReport.passed === 0) quarantine.push("no_tests: the test report has no passing case");
  if (quarantine.length > 0) return { tier: "T0", reasons: quarantine };

  const reasons = [`tests_passed: ${provenance.origin} and passing all ${testReport!.passed} tests`];
  // T3 is a third party's word: a publisher's key. The governor signs what it publishes for
  // integrity, and its own signature must not lift its own synthesized plugins' tier.
  if (signature.ok && signature.role === "publisher") return { tier: "T3", reasons: [...reasons, `signed: by trusted publisher key ${signature.keyId} (${signature.name})`] };
  const approved = approvals.filter((a): a is Extract<SignatureCheck, { ok: true }> => a.ok);
  if (approved.length > 0) return { tier: "T2", reasons: [...reasons, ...approved.map((a) => `approved: by operator key ${a.keyId} (${a.name})`)] };
  return { tier: "T1", reasons };
}
