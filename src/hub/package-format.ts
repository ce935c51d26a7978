/**
 * A plugin package: one JSON file holding everything a hub needs (manifest, code, the capability
 * spec it satisfies, and the test report it came with), so it can move between hubs.
 */
import { z } from "zod";
import { capabilitySpecSchema } from "../spec/index.ts";
import { loneSurrogatePath, zodIssues } from "../events/index.ts";
import { HubError } from "./errors.ts";
import { manifestSchema } from "./manifest.ts";

export const PACKAGE_FORMAT = "capsmith-plugin/v1";

export const testReportSchema = z
  .object({
    id: z.string().min(1),
    passed: z.int().nonnegative(),
    failed: z.int().nonnegative(),
    cases: z.array(z.object({ name: z.string(), ok: z.boolean(), error: z.string().optional(), latencyMs: z.number().optional() }).passthrough()),
  })
  .passthrough();

export const pluginPackageSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    manifest: manifestSchema,
    code: z.string().min(1).max(1_000_000),
    spec: capabilitySpecSchema,
    testReport: testReportSchema.optional(),
  })
  .strict();

export type PluginPackage = z.infer<typeof pluginPackageSchema>;
export type TestReport = z.infer<typeof testReportSchema>;

/**
 * A plugin package, or `invalid_package` listing what is wrong. The CLI checks this before it opens
 * the data directory, so a bad file leaves a new directory untouched (no policy, keys or events).
 */
export function parsePluginPackage(value: unknown): PluginPackage {
  const parsed = pluginPackageSchema.safeParse(value);
  if (!parsed.success) {
    throw new HubError("invalid_package", "not a valid capsmith plugin package", {
      nextStep: "Build the package with `capsmith plugin pack DIR -o FILE`; details.issues lists what is wrong.",
      details: { issues: zodIssues(parsed.error.issues) },
    });
  }
  // A lone surrogate has no UTF-8 form: the code would have no checksum (checksumOf) and the
  // package no event to be recorded in.
  const unencodable = loneSurrogatePath(parsed.data, "package");
  if (unencodable) {
    throw new HubError("invalid_package", `${unencodable} holds a lone surrogate, which has no UTF-8 form`, {
      nextStep: "Do not install it: a package is well-formed Unicode. Rebuild it with `capsmith plugin pack DIR -o FILE`.",
      details: { issues: [{ path: unencodable, message: "holds a lone surrogate" }] },
    });
  }
  return parsed.data;
}

/** The package a hub record holds (what its install carried), as fields to parse with `pluginPackageSchema`. */
export function recordedPackage(plugin: { manifest: unknown; code: unknown; spec: unknown; testReport?: unknown }): Record<string, unknown> {
  return { format: PACKAGE_FORMAT, manifest: plugin.manifest, code: plugin.code, spec: plugin.spec, ...(plugin.testReport ? { testReport: plugin.testReport } : {}) };
}
