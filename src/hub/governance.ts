/**
 * The hub as capsmith runs it: the install transaction with its verify phase bound to preflight
 * (trusted keys from the log, the policy, this capsmith's version) and tiers assigned by policy.
 */
import type { Logger } from "pino";
import { loneSurrogateAt } from "../events/index.ts";
import type { Clock, EventLog, IdSource } from "../events/index.ts";
import type { ReadModel } from "../../projections/index.ts";
import type { PluginHost } from "../sandbox/index.ts";
import type { FaultPlan } from "./faults.ts";
import type { PluginPackage } from "./package-format.ts";
import { createHubService } from "./hub-service.ts";
import { checksumOf } from "./manifest.ts";
import type { HubService, Verification } from "./hub-service.ts";
import type { Policy } from "./policy.ts";
import { preflight } from "./preflight.ts";
import type { PreflightFinding } from "./preflight.ts";
import { verifyManifestSignature, verifyPluginApproval } from "./signature.ts";
import { assignTier } from "./tiers.ts";
import { own } from "../../projections/index.ts";

export interface GovernedHubOptions {
  log: EventLog;
  readModel: ReadModel;
  sandbox: PluginHost;
  policy: Policy;
  hostVersion: string;
  newId: IdSource;
  faults?: FaultPlan;
  logger?: Logger;
  clock?: Clock;
  /** How long an idle install transaction is its owner's (config `installLeaseMs`). */
  leaseMs?: number;
}

/** Findings that concern what is already in the hub: the transaction itself decides those. */
const HUB_MEMBERSHIP = new Set(["already_installed", "version_exists", "trust_downgrade"]);

export function createGovernedHub(options: GovernedHubOptions): HubService {
  const { policy, hostVersion } = options;
  return createHubService({
    log: options.log,
    readModel: options.readModel,
    sandbox: options.sandbox,
    newId: options.newId,
    limits: policy.limits,
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    verify(pkg, { hub, keys }, { kind }): Verification {
      const report = preflight(pkg, { hub, keys, hostVersion, policy });
      const switching = kind === "rollback";
      // Membership findings are moot only when switching to a package the hub already holds (update
      // --to, rollback): a new package is checked in full, also when it updates an active version
      // (`plugin install` of 1.1.0 over 1.0.0), or an unsigned one would pass trust_downgrade.
      // (A failed install is in the hub too, with its code, but it never passed this check.)
      const known = own(hub.plugins, pkg.manifest.id);
      const held = known !== undefined && known.status !== "failed" && known.manifest["checksum"] === pkg.manifest.checksum;
      const blocking = report.findings.filter(
        (f) => f.severity === "error" && (kind === "install" || !held || !HUB_MEMBERSHIP.has(f.code)) && !(switching && f.code === "contract_conflict"),
      );
      return { ok: blocking.length === 0, problems: blocking.map(problem), ...tamperOf(report.findings, pkg) };
    },
    tierFor(pkg, health, { hub, keys }) {
      const { id } = pkg.manifest;
      const given = own(hub.plugins, id)?.approvals ?? own(hub.pendingApprovals, id) ?? [];
      const plugin = { id, manifest: pkg.manifest, spec: pkg.spec, testReport: pkg.testReport ?? null };
      return assignTier({
        testReport: { passed: health.passed, failed: health.failed },
        provenance: pkg.manifest.provenance,
        approvals: given.map((a) => verifyPluginApproval(plugin, a, keys)),
        signature: verifyManifestSignature(pkg.manifest, keys, { contents: pkg }),
        tamper: false,
      });
    },
  });
}

function problem(f: PreflightFinding): Verification["problems"][number] {
  return { code: f.code, field: f.field, message: f.message, nextStep: f.nextStep };
}

/** A checksum or signature that does not match is tampering, and is audited as such. */
function tamperOf(findings: PreflightFinding[], pkg: PluginPackage): Pick<Verification, "tamper"> {
  if (findings.some((f) => f.code === "checksum_mismatch")) {
    const at = loneSurrogateAt(pkg.code);
    return { tamper: { check: "checksum", expected: pkg.manifest.checksum, found: at >= 0 ? `no checksum: a lone surrogate at index ${at}` : checksumOf(pkg.code) } };
  }
  const signature = findings.find((f) => f.code === "signature_invalid");
  if (signature) return { tamper: { check: "signature", expected: `a valid signature by ${pkg.manifest.signature?.keyId ?? "?"}`, found: signature.message } };
  return {};
}
