/**
 * The plugin hub and its governance: manifests and packages, keys and signatures, policy and trust
 * tiers, preflight, and install/update/rollback as five-phase transactions whose every step is an
 * event. The hub's state itself is the `hub` projection (projections/hub.ts).
 */
export { API_VERSIONS, CAPABILITY_NAME, checksumOf, manifestSchema } from "./manifest.ts";
export type { Manifest, ManifestInput } from "./manifest.ts";
export { PACKAGE_FORMAT, parsePluginPackage, pluginPackageSchema, recordedPackage, testReportSchema } from "./package-format.ts";
export type { PluginPackage, TestReport } from "./package-format.ts";
export { HubError } from "./errors.ts";
export type { HubErrorCode } from "./errors.ts";
export { createHubService, DEFAULT_INSTALL_LEASE_MS } from "./hub-service.ts";
export { appendWhileJudged, isDecisionEvent } from "./side-events.ts";
export { watchLeases } from "./lease-watcher.ts";
export type { LeaseWatcher } from "./lease-watcher.ts";
export type { HubDecisionState, HubService, HubServiceOptions, InstallOutcome, Verification } from "./hub-service.ts";
export { createGovernedHub } from "./governance.ts";
export type { GovernedHubOptions } from "./governance.ts";
export { checkLoadId, checkRoleOf, runGoldenCases } from "./golden-cases.ts";
export type { CaseResult, CheckRole, GoldenReport } from "./golden-cases.ts";
export { parseFaults } from "./faults.ts";
export type { FaultPlan } from "./faults.ts";
export { describeRevert, revertHub } from "./revert.ts";
export type { RevertResult } from "./revert.ts";
export { preflight } from "./preflight.ts";
export type { PreflightCode, PreflightContext, PreflightFinding, PreflightReport } from "./preflight.ts";
export { DEFAULT_MIN_TIER, DEFAULT_POLICY, canRun, loadDataDirPolicy, loadPolicy, mayPublish, needsApproval, parsePolicy, policySchema } from "./policy.ts";
export type { ApprovalNeed, Policy, PolicyDecision, PolicyInput, PolicyProfile } from "./policy.ts";
export { assignTier, tierRank } from "./tiers.ts";
export type { TierAssignment, TierEvidence } from "./tiers.ts";
export { approvalSigningText, manifestSigningText, packageDigest, signApproval, signHash, signManifest, verifyApproval, verifyPluginApproval, verifyHash, verifyManifestSignature } from "./signature.ts";
export type { SignatureCheck, SignatureFailureCode, VerifyOptions } from "./signature.ts";
export { APPROVER_ROLES, KEY_NAME, KEY_ROLES, PUBLISHER_ROLES, generateSigningKey, keyIdOf, parsePublicKeyFile, publicKeyFileText, signText, signingKeyFromPem, verifyText } from "./keys.ts";
export type { KeyRole, PublicKeyInfo, SigningKey } from "./keys.ts";
export { KEY_FILE_FORMAT, assertKeyName, openKeyStore } from "./keys-store.ts";
export type { KeyStore } from "./keys-store.ts";
export { PLUGIN_DIR_FILES, packPlugin, readPluginDir, writePackage } from "./pack.ts";
export type { PluginSources } from "./pack.ts";
export { approvePlugin, recordApproval, rejectPlugin } from "./approvals.ts";
export { ensureGovernorKey } from "./governor-key.ts";
export { DATA_DIR_ROLES, assertOwnOperatorTrusted, roleKeySigner, singleKeySigner, trustRoleKeys } from "./role-keys.ts";
export type { RoleSigner } from "./role-keys.ts";
export { auditSignatures, findForgedEvents } from "./audit-signatures.ts";
export { keysAsOf } from "./keys-as-of.ts";
export type { ForgedEvent, SignatureAudit, SignatureFinding } from "./audit-signatures.ts";
export { activePlugin, approvalCandidate, pendingApprovals, rejectionTarget } from "./queries.ts";
export type { ApprovalCandidate, RejectionTarget } from "./queries.ts";
export { dependentsOf, nearMatches, resolveCapability, whyIneligible } from "./resolve-capability.ts";
export { brokenDependents, checkDependents, demoteDependents, guardDependents, guardedRollback, guardedUninstall, rollbackWithinDependents } from "./dependents-guard.ts";
export type { RollbackChoice, VersionCandidate } from "./dependents-guard.ts";
export type { Candidate, CapabilityRequest, NearMatch, Rejection, Resolution, ResolutionCode } from "./resolve-capability.ts";
export { editDistance, nameSimilarity } from "./near-matches.ts";
export type { NameSimilarity } from "./near-matches.ts";
export { caseViews, draftText, draftsText, failingCaseLines, findDrafts } from "./drafts.ts";
export type { CaseView, DraftView } from "./drafts.ts";
export { pluginTable } from "./plugin-table.ts";
export type { PluginTable } from "./plugin-table.ts";
export { rollbackTarget, successorAfterUninstall } from "./lifecycle-targets.ts";
