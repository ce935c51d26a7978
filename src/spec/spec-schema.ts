import { z } from "zod";
import { MAX_JSON_DEPTH, jsonTooDeep, zodIssues } from "../events/index.ts";
import { SpecError } from "./errors.ts";
import { versionRangeSchema } from "./version-range.ts";

/** Constraints known today (docs/spec-format.md); anything else is an error, never ignored. */
export const KNOWN_CONSTRAINTS = ["deterministic", "schema_validated", "pure"] as const;

const jsonSchema = z.record(z.string(), z.unknown());

/** Most outputs an answered example records as offered (the synthesizer asks with at most four readings). */
export const MAX_OFFERED = 8;

/**
 * `offered`: the outputs the synthesizer offered when it asked for this example (the readings of
 * an ambiguity), recorded by whoever answered it: an answer that matches none of them says the
 * search had not reached the right program (docs/synthesis.md, "unconfirmed").
 */
const exampleSchema = z.object({ input: z.unknown(), output: z.unknown(), offered: z.array(z.unknown()).min(1).max(MAX_OFFERED).optional() }).strict();

const testSchema = z.object({ name: z.string().min(1), input: z.unknown(), output: z.unknown() }).strict();

export const capabilitySpecSchema = z
  .object({
    capability: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, "must match [a-z][a-z0-9_]{1,63}"),
    description: z.string(),
    inputSchema: jsonSchema,
    outputSchema: jsonSchema,
    constraints: z.array(z.enum(KNOWN_CONSTRAINTS)).default([]),
    examples: z.array(exampleSchema).min(1, "at least one example is required"),
    tests: z.array(testSchema).optional(),
    version: versionRangeSchema.optional(),
  })
  .strict();

export type CapabilitySpec = z.infer<typeof capabilitySpecSchema>;
export type SpecExample = z.infer<typeof exampleSchema>;
export type SpecTest = z.infer<typeof testSchema>;

/** Validates a spec at the edge; throws `SpecError` (`invalid_spec`) with zod's issue paths. */
export function parseSpec(value: unknown): CapabilitySpec {
  if (jsonTooDeep(value)) {
    // Examples and schemas are hashed and compiled recursively later; refuse a hostile depth here.
    throw new SpecError("invalid_spec", `invalid capability spec: nests deeper than ${MAX_JSON_DEPTH} levels`, { nextStep: "Flatten the spec; no real input or schema nests that deep." });
  }
  const parsed = capabilitySpecSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error.issues);
  const first = issues[0];
  throw new SpecError("invalid_spec", `invalid capability spec${first ? `: ${first.path}: ${first.message}` : ""}`, {
    nextStep: "Fix the spec so it follows the spec format (capsmith help spec-format; details.issues names each problem).",
    details: { issues },
  });
}
