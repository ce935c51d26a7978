/**
 * Preflight: everything that can be known about a package before anything is installed, as findings
 * with a machine-readable `code`, the `field` that failed and a `nextStep`. Deterministic and pure: the
 * hub, the trust store, the host version and the policy are passed in.
 */
import semver from "semver";
import { MAX_JSON_DEPTH, canonicalJson, jsonTooDeep, loneSurrogateAt, zodIssues } from "../events/index.ts";
import type { HubState, KeysState, PluginRecord } from "../../projections/index.ts";
import { scanPlugin } from "../sandbox/index.ts";
import { API_VERSIONS, checksumOf } from "./manifest.ts";
import type { Manifest } from "./manifest.ts";
import { PACKAGE_FORMAT, pluginPackageSchema } from "./package-format.ts";
import type { PluginPackage } from "./package-format.ts";
import { canRun, needsApproval } from "./policy.ts";
import type { Policy } from "./policy.ts";
import { ContractError, compileSchema } from "../spec/index.ts";
import { approvesPackage, verifyManifestSignature } from "./signature.ts";
import type { ApprovalSubject, SignatureCheck } from "./signature.ts";
import { assignTier } from "./tiers.ts";
import type { TierAssignment } from "./tiers.ts";

export type PreflightCode =
  | "schema_invalid"
  | "schema_unsupported"
  | "host_incompatible"
  | "api_incompatible"
  | "checksum_mismatch"
  | "unsigned"
  | "trust_downgrade"
  | "signature_invalid"
  | "signature_untrusted"
  | "key_revoked"
  | "spec_mismatch"
  | "dependency_unresolved"
  | "permission_not_allowed"
  | "profile_not_allowed"
  | "elevated_permission"
  | "approval_required"
  | "contract_conflict"
  | "version_exists"
  | "already_installed"
  | "code_rejected"
  | "tests_failed"
  | "tier_too_low";

export interface PreflightFinding {
  code: PreflightCode;
  /** Dotted path into the package (`manifest.hostRange`, `code`, `spec.inputSchema`). */
  field: string;
  message: string;
  nextStep: string;
  severity: "error" | "warning";
  /** Where in `code` (static-scan findings). */
  line?: number;
  column?: number;
}

export interface PreflightReport {
  /** No error findings (warnings allowed). */
  ok: boolean;
  /** The validated package, when it passed schema validation. */
  package?: PluginPackage;
  findings: PreflightFinding[];
  /** Permissions the policy holds for an operator's approval. */
  elevated: string[];
  /** The manifest signature check, when the package was valid enough to check it. */
  signature?: SignatureCheck;
  /** The tier the package would get as it stands (no approvals yet). */
  tier?: TierAssignment;
}

export interface PreflightContext {
  hub: HubState;
  keys: KeysState;
  hostVersion: string;
  policy: Policy;
  /** Refuse anything not signed by a trusted publisher (also when `policy.trustedPublishersOnly`). */
  trustedOnly?: boolean;
}

export function preflight(pkgValue: unknown, ctx: PreflightContext): PreflightReport {
  // Hashing and signature checks walk the raw package recursively: refuse a hostile nesting first.
  if (jsonTooDeep(pkgValue)) {
    const finding: PreflightFinding = { code: "schema_invalid", field: "", message: `the package nests deeper than ${MAX_JSON_DEPTH} levels`, nextStep: "This is no package capsmith plugin pack writes; make one with capsmith plugin pack DIR -o FILE.", severity: "error" };
    return { ok: false, findings: [finding], elevated: [] };
  }
  const parsed = pluginPackageSchema.safeParse(pkgValue);
  if (!parsed.success) {
    const findings = zodIssues(parsed.error.issues).map((issue): PreflightFinding => ({
      code: "schema_invalid",
      field: issue.path,
      message: `${issue.path}: ${issue.message}`,
      nextStep: issue.path === "format" ? `This is not a ${PACKAGE_FORMAT} package; make one with capsmith plugin pack DIR -o FILE.` : `Fix ${issue.path} and pack the plugin again.`,
      severity: "error",
    }));
    return { ok: false, findings, elevated: [] };
  }
  const pkg = parsed.data;
  const { manifest, spec } = pkg;
  const findings: PreflightFinding[] = [];
  const error = (code: PreflightCode, field: string, message: string, nextStep: string): void => void findings.push({ code, field, message, nextStep, severity: "error" });
  const warn = (code: PreflightCode, field: string, message: string, nextStep: string): void => void findings.push({ code, field, message, nextStep, severity: "warning" });

  // Compatibility with this host.
  if (!semver.satisfies(ctx.hostVersion, manifest.hostRange, { includePrerelease: true })) {
    error("host_incompatible", "manifest.hostRange", `the plugin needs capsmith ${manifest.hostRange}; this is ${ctx.hostVersion}`, `Install a version of the plugin built for capsmith ${ctx.hostVersion}, or upgrade capsmith.`);
  }
  if (!(API_VERSIONS as readonly string[]).includes(manifest.apiVersion)) {
    error("api_incompatible", "manifest.apiVersion", `plugin API ${manifest.apiVersion} is not one this host speaks (${API_VERSIONS.join(", ")})`, `Rebuild the plugin for ${API_VERSIONS[API_VERSIONS.length - 1]}.`);
  }

  // Integrity and origin.
  const surrogate = loneSurrogateAt(pkg.code);
  const checksum = surrogate >= 0 ? undefined : checksumOf(pkg.code);
  if (checksum === undefined) {
    error("checksum_mismatch", "code", `the code holds a lone surrogate at index ${surrogate}, which has no UTF-8 form: it cannot be the code the manifest's checksum was taken of`, "Do not install it; get an untampered package from its publisher.");
  } else if (checksum !== manifest.checksum) {
    error("checksum_mismatch", "manifest.checksum", `the code's checksum is ${checksum}, the manifest says ${manifest.checksum}: the code was changed after packing`, "Do not install it; get an untampered package from its publisher.");
  }
  const rawManifest = (pkgValue as { manifest: Record<string, unknown> }).manifest;
  const raw = pkgValue as { spec: unknown; testReport?: unknown };
  const signature = verifyManifestSignature(rawManifest, ctx.keys, { contents: { spec: raw.spec, testReport: raw.testReport } });
  const trustedOnly = ctx.trustedOnly === true || ctx.policy.trustedPublishersOnly;
  if (!signature.ok) {
    if (signature.code === "signature_missing") {
      const say = trustedOnly ? error : warn;
      say("unsigned", "manifest.signature", trustedOnly ? "the package is not signed, and only packages signed by a trusted publisher are accepted" : "the package is not signed", "Sign it with a trusted publisher key: capsmith plugin pack DIR -o FILE --sign KEY.");
    } else {
      error(signature.code, "manifest.signature", signature.message, signature.nextStep);
    }
  } else if (trustedOnly && signature.role !== "publisher") {
    error("signature_untrusted", "manifest.signature", `signed by a ${signature.role} key (${signature.keyId}), not a publisher's: only packages signed by a trusted publisher are accepted`, "Have a trusted publisher sign it: capsmith plugin pack DIR -o FILE --sign PUBLISHER_KEY.");
  }

  checkDowngrade(manifest, { id: manifest.id, manifest: rawManifest, spec: raw.spec, testReport: raw.testReport }, signature, ctx.hub, ctx.keys, error);

  // The contract it claims to fulfil.
  if (spec.capability !== manifest.capability) {
    error("spec_mismatch", "spec.capability", `the spec is for ${spec.capability}, the manifest for ${manifest.capability}`, "Pack the plugin with the spec of the capability it implements.");
  }
  checkSchemas(pkg.spec, error);
  checkDependencies(manifest, ctx.hub, error);
  const elevated = checkPermissions(manifest, ctx.policy, error, warn);
  checkConflicts(pkg, checksum, ctx.hub, error, warn);

  for (const f of scanPlugin(pkg.code).findings) {
    findings.push({ code: "code_rejected", field: "code", message: `${f.rule} at line ${f.line}, column ${f.column}: ${f.message}`, nextStep: "Change the code so it passes the static scan, then pack again.", severity: "error", line: f.line, column: f.column });
  }

  // What it would be trusted with.
  const tier = assignTier({ testReport: pkg.testReport, provenance: manifest.provenance, approvals: [], signature, tamper: checksum !== manifest.checksum });
  if (pkg.testReport && pkg.testReport.failed > 0) {
    warn("tests_failed", "testReport.failed", `${pkg.testReport.failed} of its tests failed: it would be quarantined (T0)`, "Fix the plugin until its tests pass.");
  }
  const run = canRun(ctx.policy, tier.tier, manifest.profile);
  if (!run.allowed && tier.tier !== "T0") {
    warn("tier_too_low", "manifest.profile", `it would be ${tier.tier} and policy would not run it yet: ${run.reasons.join("; ")}`, "Have an operator approve it, or get it signed by a trusted publisher.");
  }

  return { ok: !findings.some((f) => f.severity === "error"), package: pkg, findings, elevated, signature, tier };
}

type Report = (code: PreflightCode, field: string, message: string, nextStep: string) => void;

/**
 * Once a capability has a version a trusted publisher signed, a later one that is unsigned or
 * signed by another key is a downgrade of trust (a stolen pipeline, a swapped package): refused
 * unless an operator approved this very package beforehand (its id and packageDigest: the code's
 * checksum, the rest of the manifest, the spec and the test report; an approval of the code alone
 * would let a rewritten profile, permissions or golden cases ride on it).
 */
function checkDowngrade(manifest: Manifest, pkg: ApprovalSubject, signature: SignatureCheck, hub: HubState, keys: KeysState, error: Report): void {
  const publishers = new Set<string>();
  for (const p of Object.values(hub.plugins)) {
    if (p.capability !== manifest.capability || p.id === manifest.id) continue;
    const keyId = (p.manifest["signature"] as { keyId?: unknown } | undefined)?.keyId;
    if (typeof keyId === "string" && Object.hasOwn(keys.keys, keyId) && keys.keys[keyId]!.role === "publisher") publishers.add(keyId);
  }
  if (publishers.size === 0 || (signature.ok && publishers.has(signature.keyId))) return;
  const approvals = (Object.hasOwn(hub.pendingApprovals, manifest.id) ? hub.pendingApprovals[manifest.id] : undefined) ?? [];
  if (approvesPackage(approvals, pkg, keys)) return;
  const was = [...publishers].join(", ");
  error("trust_downgrade", "manifest.signature", `earlier versions of ${manifest.capability} are signed by publisher key ${was}; this one is ${signature.ok ? `signed by ${signature.keyId}` : "not signed by it"}`,
    `Have the publisher sign it (capsmith plugin pack DIR -o FILE --sign KEY), or have an operator who has read it approve that exact package file (capsmith plugin approve --package FILE --key OPERATOR_KEY) and install it again.`);
}

function activePlugin(hub: HubState, capability: string): PluginRecord | undefined {
  const cap = Object.hasOwn(hub.capabilities, capability) ? hub.capabilities[capability] : undefined;
  return cap?.active ? hub.plugins[cap.active] : undefined;
}

/**
 * The invoker checks every input and output against these schemas; one the validator cannot use
 * (not JSON Schema 2020-12, or past its limits) would leave a plugin's calls unchecked, so it is refused here.
 */
function checkSchemas(spec: PluginPackage["spec"], error: Report): void {
  for (const key of ["inputSchema", "outputSchema"] as const) {
    try {
      compileSchema(spec[key]);
    } catch (e) {
      if (!(e instanceof ContractError)) throw e;
      const code = e.code === "schema_unsupported" ? "schema_unsupported" : "schema_invalid";
      error(code, `spec.${key}`, `spec.${key}: ${e.message}`, e.nextStep ?? `Fix spec.${key} and pack the plugin again.`);
    }
  }
}

function checkDependencies(manifest: Manifest, hub: HubState, error: Report): void {
  for (const [capability, range] of Object.entries(manifest.dependencies)) {
    const field = `manifest.dependencies.${capability}`;
    if (capability === manifest.capability) {
      error("dependency_unresolved", field, `the plugin depends on its own capability ${capability}`, "Remove the dependency on itself.");
      continue;
    }
    const active = activePlugin(hub, capability);
    if (!active) error("dependency_unresolved", field, `it needs ${capability} ${range}, and no plugin for ${capability} is active`, `Install a plugin for ${capability} matching ${range} first.`);
    else if (!semver.satisfies(active.version, range, { includePrerelease: true })) {
      error("dependency_unresolved", field, `it needs ${capability} ${range}; the active one is ${active.version}`, `Install or roll back ${capability} to a version matching ${range}, or rebuild the plugin against ${active.version}.`);
    }
  }
}

function checkPermissions(manifest: Manifest, policy: Policy, error: Report, warn: Report): string[] {
  const { permissions, profile } = manifest;
  if (permissions.net !== undefined && profile !== "integration") {
    error("permission_not_allowed", "manifest.permissions.net", `net is only granted to integration plugins; this one is ${profile}`, "Drop the net permission, or make it an integration plugin.");
  }
  if (permissions.llm !== undefined && profile !== "agent") {
    error("permission_not_allowed", "manifest.permissions.llm", `llm is only granted to agent plugins; this one is ${profile}`, "Drop the llm permission, or make it an agent plugin.");
  }
  if (!policy.allowedProfiles.includes(profile)) {
    error("profile_not_allowed", "manifest.profile", `policy does not allow ${profile} plugins (allowedProfiles: ${policy.allowedProfiles.join(", ") || "none"})`, "Ask the operator to allow the profile in policy.json, or use another profile.");
  }
  const need = needsApproval(policy, manifest);
  for (const p of need.permissions) {
    warn("elevated_permission", `manifest.permissions.${p}`, `permission ${p} is elevated: policy holds the plugin for an operator's approval`, "An operator approves it after install (signed with an operator key).");
  }
  if (policy.approvalRequired.profiles.includes(profile)) {
    warn("approval_required", "manifest.profile", `${profile} plugins need an operator's approval`, "An operator approves it after install (signed with an operator key).");
  }
  return need.permissions;
}

/** `^` semantics: 1.x.y share a line per major; 0.x.y per minor (0.2 breaks 0.1). */
function compatibilityLine(version: string): string {
  const v = semver.parse(version)!;
  return v.major > 0 ? `${v.major}` : `0.${v.minor}`;
}

function checkConflicts(pkg: PluginPackage, checksum: string | undefined, hub: HubState, error: Report, warn: Report): void {
  const { manifest, spec } = pkg;
  const existing = Object.hasOwn(hub.plugins, manifest.id) ? hub.plugins[manifest.id] : undefined;
  if (existing) {
    const installed = typeof existing.manifest["checksum"] === "string" ? existing.manifest["checksum"] : checksumOf(existing.code);
    if (installed !== checksum) {
      error("version_exists", "manifest.version", `${manifest.id} is already in the hub with different code (${installed})`, "A published version never changes: bump the version and pack again.");
    } else if (existing.status !== "uninstalled") {
      warn("already_installed", "manifest.id", `${manifest.id} is already in the hub (${existing.status})`, `Nothing to install; use capsmith plugin rollback ${manifest.capability} --to ${manifest.version} to make it active again.`);
    }
  }
  const active = activePlugin(hub, manifest.capability);
  if (!active || active.id === manifest.id) return;
  if (compatibilityLine(active.version) !== compatibilityLine(manifest.version)) return;
  for (const key of ["inputSchema", "outputSchema"] as const) {
    if (canonicalJson(active.spec[key] ?? null) !== canonicalJson(spec[key])) {
      error("contract_conflict", `spec.${key}`, `the active ${active.id} has a different ${key}; a changed contract within ${compatibilityLine(active.version)}.x would break its callers`, `Keep the ${key} of ${active.id}, or release the change as a new major version.`);
    }
  }
}
