import { z } from "zod";
import { MAX_JSON_DEPTH, jsonTooDeep } from "../../events/index.ts";
import { CAPABILITY_NAME } from "../../hub/index.ts";
import { capabilitySpecSchema, versionRangeSchema } from "../../spec/index.ts";
import { CONTINUE, STEP_ID } from "./constants.ts";
import { PlanError } from "./errors.ts";
import { checkPlan } from "./plan-checks.ts";
import type { PlanIssue } from "./plan-checks.ts";
import { REFERENCE_PATTERN } from "./references.ts";

const capabilityName = z.string().regex(CAPABILITY_NAME, "capability name must match [a-z][a-z0-9_]{1,63}");

const reference = z
  .string()
  .regex(REFERENCE_PATTERN, "must be a reference such as $input.flag, $steps.<id>.field or $item.field")
  .meta({ description: "a reference: $input[.path], $steps.<id>[.path] or $item[.path]" });

const jsonWithReferences = z.json().meta({ description: "any JSON; strings starting with $input, $steps.<id> or $item are references" });

export const planStepSchema = z
  .object({
    id: z.string().regex(STEP_ID, "step id must match [A-Za-z_][A-Za-z0-9_-]{0,63}").refine((id) => id !== CONTINUE, `"${CONTINUE}" is reserved for onError`),
    capability: capabilityName,
    version: versionRangeSchema.optional().meta({ description: "a semver range of the capability's versions that may serve this step, e.g. ^1.2.0 (default: any)" }),
    description: z.string().optional(),
    input: jsonWithReferences,
    when: reference.optional().meta({ description: "run the step only when this reference is truthy; otherwise its output is null" }),
    forEach: reference.optional().meta({ description: "a reference to a list: one invocation per element ($item), output is the list of results" }),
    onError: z
      .string()
      .min(1)
      .optional()
      .meta({ description: `"${CONTINUE}" (output null and go on) or the id of a fallback step that runs in this step's place` }),
  })
  .strict();

export const planCapabilitySpecSchema = capabilitySpecSchema.omit({ capability: true });

export const planSchema = z
  .object({
    plan: z.string().min(1).max(128).meta({ description: "the plan's name" }),
    description: z.string().optional(),
    capabilities: z
      .record(capabilityName, planCapabilitySpecSchema)
      .default({})
      .meta({ description: "specs (docs/spec-format.md without `capability`) for capabilities the hub may not serve yet" }),
    steps: z.array(planStepSchema).min(1, "a plan needs at least one step"),
    output: jsonWithReferences,
  })
  .strict();

export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type PlanStep = z.infer<typeof planStepSchema>;
export type PlanCapabilitySpec = z.infer<typeof planCapabilitySpecSchema>;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** zod's issues, with the messages z.json() and record keys give made readable. */
function schemaIssues(root: unknown, issues: readonly z.core.$ZodIssue[]): PlanIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join(".") || "(root)";
    if (issue.code === "invalid_key") return { path, message: issue.issues[0]?.message ?? issue.message };
    if (issue.code === "invalid_union") {
      return { path, message: valueAt(root, issue.path) === undefined ? "is required" : "must be a JSON value" };
    }
    return { path, message: issue.message };
  });
}

function invalid(issues: PlanIssue[]): PlanError {
  const first = issues[0];
  return new PlanError("invalid_plan", `invalid plan${first ? `: ${first.path}: ${first.message}` : ""}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ""}`, {
    nextStep: "Fix the plan so it follows the plan format (capsmith help plan-format; details.issues names each problem and where it is).",
    details: { issues },
  });
}

/**
 * Validates a plan at the edge: the zod schema, then the checks a schema cannot express (duplicate
 * ids, unknown or cyclic references, `onError` targets, `$item` placement). Throws `PlanError`
 * `invalid_plan` with every issue's path in `details.issues`.
 */
export function parsePlan(value: unknown): Plan {
  if (jsonTooDeep(value)) throw invalid([{ path: "(root)", message: `nests deeper than ${MAX_JSON_DEPTH} levels` }]);
  const parsed = planSchema.safeParse(value);
  if (!parsed.success) throw invalid(schemaIssues(value, parsed.error.issues));
  const issues = checkPlan(parsed.data);
  if (issues.length > 0) throw invalid(issues);
  return parsed.data;
}
