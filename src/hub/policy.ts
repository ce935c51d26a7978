/**
 * The governance policy: which trust tier each profile needs to run, which profiles may run at all,
 * what needs an operator's approval, and the rollout mode. Read from `<data>/policy.json` when
 * present (or a file named with `--policy`), zod-validated once; the checks below are pure.
 */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { zodIssues } from "../events/index.ts";
import type { TrustTier } from "../../projections/index.ts";
import { HubError } from "./errors.ts";
import type { Manifest } from "./manifest.ts";
import { tierRank } from "./tiers.ts";

const PROFILE_NAMES = ["node", "integration", "agent", "quality_gate"] as const;
export type PolicyProfile = (typeof PROFILE_NAMES)[number];
const profile = z.enum(PROFILE_NAMES);
const tier = z.enum(["T0", "T1", "T2", "T3"]);
const permission = z.enum(["net", "llm"]);

export const DEFAULT_MIN_TIER = { node: "T1", quality_gate: "T1", integration: "T2", agent: "T2" } as const satisfies Record<PolicyProfile, TrustTier>;

/** A plugin's performance budget per hourly window (each limit optional). */
const sloBudget = z
  .object({
    latencyP95Ms: z.number().positive().optional(),
    memoryMB: z.number().positive().optional(),
    cpuMsPerCall: z.number().positive().optional(),
    tokensPerCall: z.number().positive().optional(),
    costUsdPerCall: z.number().positive().optional(),
  })
  .strict();

export const policySchema = z
  .object({
    $schema: z.string().optional(),
    /** suggest: never publish; dry-run: synthesize and test, never publish; auto: publish what policy allows. */
    mode: z.enum(["suggest", "dry-run", "auto"]).default("auto"),
    /** Lowest tier a plugin of each profile needs to run. */
    minTier: z
      .object({
        node: tier.default(DEFAULT_MIN_TIER.node),
        quality_gate: tier.default(DEFAULT_MIN_TIER.quality_gate),
        integration: tier.default(DEFAULT_MIN_TIER.integration),
        agent: tier.default(DEFAULT_MIN_TIER.agent),
      })
      .strict()
      .default(DEFAULT_MIN_TIER),
    allowedProfiles: z.array(profile).default([...PROFILE_NAMES]),
    /** Plugins that declare any of these permissions, or have any of these profiles, wait for an operator. */
    approvalRequired: z
      .object({
        permissions: z.array(permission).default(["net", "llm"]),
        profiles: z.array(profile).default(["agent", "integration"]),
      })
      .strict()
      .default({ permissions: ["net", "llm"], profiles: ["agent", "integration"] }),
    /** Accept only packages signed by a trusted publisher key (and run only T3). */
    trustedPublishersOnly: z.boolean().default(false),
    /**
     * On a shared log: decision events (src/events/write-rules.ts) count only when signed by a trusted key of a role allowed
     * to make them (governor, operator), and `audit verify` flags unsigned ones too.
     */
    requireSignedEvents: z.boolean().default(false),
    /**
     * How big a package may be: what an install writes to the log is refused (`package_too_large`)
     * before anything is written when it is larger.
     */
    limits: z
      .object({
        /** The whole package as JSON (code, spec, manifest, test report), in bytes. */
        packageBytes: z.int().positive().default(8 * 1024 * 1024),
        /** The spec as JSON, in bytes. */
        specBytes: z.int().positive().default(256 * 1024),
        /** Examples in the spec. */
        examples: z.int().positive().default(1_000),
      })
      .strict()
      .prefault({}),
    /**
     * SLO targets and performance budgets for `capsmith slo` and the slo agent. Fields left out take
     * the defaults of projections/slo-config.ts; other keys are kept (older policies stay valid).
     */
    slo: z
      .looseObject({
        /** Share of calls that must succeed (default 0.99); the error budget is 1 - availability. */
        availability: z.number().gt(0).lt(1).optional(),
        /** p95 latency target in ms, and the share of calls at or under it. */
        latencyMs: z.number().positive().optional(),
        /** Per plugin id, capability, or "*" for every plugin: the most specific one applies. */
        budgets: z.record(z.string(), sloBudget).optional(),
        /** What happens to a plugin that breaks its budget in this many consecutive windows (hours it ran). */
        onBreach: z
          .object({ action: z.enum(["flag", "quarantine", "rollback"]).default("flag"), consecutiveWindows: z.int().min(1).default(3) })
          .strict()
          .optional(),
      })
      .default({}),
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

export const DEFAULT_POLICY: Policy = policySchema.parse({});

/** Validates a policy value; `invalid_policy` with each zod issue's path in `details.issues`. */
export function parsePolicy(value: unknown, source = "policy"): Policy {
  const parsed = policySchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error.issues);
  const first = issues[0]!;
  throw new HubError("invalid_policy", `${source} is not a valid policy: ${first.path}: ${first.message}`, {
    nextStep: `Fix ${source} (details.issues names each problem; capsmith help policy lists every field), or delete it to use the default policy.`,
    details: { issues },
  });
}

/**
 * Loads the policy from a file, or from `<dir>/policy.json` when given a directory (defaults when that
 * file does not exist). A named file that is missing is `policy_not_found`.
 */
export async function loadPolicy(path: string): Promise<Policy> {
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? loadDataDirPolicy(path) : readPolicyFile(path, false);
}

/** `<dataDir>/policy.json`, or the defaults when there is none (or no data directory yet). */
export function loadDataDirPolicy(dataDir: string): Promise<Policy> {
  return readPolicyFile(join(dataDir, "policy.json"), true);
}

async function readPolicyFile(file: string, optional: boolean): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    if (optional && (cause as NodeJS.ErrnoException).code === "ENOENT") return DEFAULT_POLICY;
    throw new HubError("policy_not_found", `cannot read the policy file ${file}`, { cause, nextStep: "Check the path given with --policy (capsmith help policy: the file and its fields)." });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new HubError("invalid_policy", `${file} is not valid JSON: ${(cause as Error).message}`, { cause, nextStep: `Fix the JSON in ${file} (capsmith help policy).` });
  }
  return parsePolicy(value, file);
}

export interface PolicyDecision {
  allowed: boolean;
  reasons: string[];
}

/** May a plugin of this tier and profile run? T0 never runs. */
export function canRun(policy: Policy, tier: TrustTier, profile: PolicyProfile): PolicyDecision {
  const reasons: string[] = [];
  if (tier === "T0") reasons.push("T0 is quarantined and never runs");
  if (!policy.allowedProfiles.includes(profile)) reasons.push(`policy does not allow the ${profile} profile (allowedProfiles: ${policy.allowedProfiles.join(", ") || "none"})`);
  const needed = policy.trustedPublishersOnly ? "T3" : policy.minTier[profile];
  if (tierRank(tier) < tierRank(needed)) {
    reasons.push(policy.trustedPublishersOnly ? `policy runs only plugins signed by a trusted publisher (T3); this one is ${tier}` : `${profile} plugins need ${needed} or above; this one is ${tier}`);
  }
  return { allowed: reasons.length === 0, reasons };
}

export interface ApprovalNeed {
  required: boolean;
  reasons: string[];
  /** Permissions the policy treats as elevated, in manifest order. */
  permissions: ("net" | "llm")[];
}

/** Does policy hold this plugin for an operator's approval, and why? */
export function needsApproval(policy: Policy, manifest: Pick<Manifest, "profile" | "permissions">): ApprovalNeed {
  const reasons: string[] = [];
  const permissions: ("net" | "llm")[] = [];
  const declared = manifest.permissions ?? {};
  if (declared.net !== undefined && declared.net.length > 0 && policy.approvalRequired.permissions.includes("net")) {
    permissions.push("net");
    reasons.push(`permission net (${declared.net.join(", ")}) needs an operator's approval`);
  }
  if (declared.llm !== undefined && policy.approvalRequired.permissions.includes("llm")) {
    permissions.push("llm");
    reasons.push("permission llm needs an operator's approval");
  }
  if (policy.approvalRequired.profiles.includes(manifest.profile)) reasons.push(`${manifest.profile} plugins need an operator's approval`);
  return { required: reasons.length > 0, reasons, permissions };
}

/** In `suggest` and `dry-run` nothing is published; `auto` publishes what the rest of policy allows. */
export function mayPublish(policy: Policy): boolean {
  return policy.mode === "auto";
}
