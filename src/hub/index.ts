/**
 * The plugin hub and its governance: manifests and packages, keys and signatures, policy and trust
 * tiers, preflight, and install/update/rollback as five-phase transactions whose every step is an
 * event. The hub's state itself is the `hub` projection (projections/hub.ts).
 */
export { API_VERSIONS, CAPABILITY_NAME, manifestSchema } from "./manifest.ts";
export type { Manifest, ManifestInput } from "./manifest.ts";
export { PACKAGE_FORMAT, pluginPackageSchema, testReportSchema } from "./package-format.ts";
export type { PluginPackage, TestReport } from "./package-format.ts";
export { HubError } from "./errors.ts";
export type { HubErrorCode } from "./errors.ts";
export { createHubService } from "./hub-service.ts";
export type { HubService, HubServiceOptions, InstallOutcome, Verification } from "./hub-service.ts";
export { createGovernedHub } from "./governance.ts";
export type { GovernedHubOptions } from "./governance.ts";
export { runGoldenCases } from "./golden-cases.ts";
export type { CaseResult, GoldenReport } from "./golden-cases.ts";
export { faultsFromEnv } from "./faults.ts";
export type { FaultPlan } from "./faults.ts";
export { revertHub } from "./revert.ts";
export type { RevertResult } from "./revert.ts";
export { preflight } from "./preflight.ts";
export type { PreflightCode, PreflightContext, PreflightFinding, PreflightReport } from "./preflight.ts";
export { DEFAULT_POLICY, canRun, loadPolicy, mayPublish, needsApproval, parsePolicy, policySchema } from "./policy.ts";
export type { Policy } from "./policy.ts";
export { assignTier, tierRank } from "./tiers.ts";
export type { TierAssignment, TierEvidence } from "./tiers.ts";
export { signApproval, signHash, signManifest, verifyApproval, verifyHash, verifyManifestSignature } from "./signature.ts";
export type { SignatureCheck } from "./signature.ts";
export { generateSigningKey, keyIdOf } from "./keys.ts";
export type { SigningKey } from "./keys.ts";
export { openKeyStore } from "./keys-store.ts";
export type { KeyStore } from "./keys-store.ts";
