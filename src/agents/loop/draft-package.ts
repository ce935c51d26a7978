/**
 * The package a draft becomes: a manifest with checksum and provenance, the code, the spec it
 * satisfies and the tester's report. The tester checks drafts in this form; the governor installs it.
 */
import type { StoredEvent } from "../../events/index.ts";
import { PACKAGE_FORMAT, checksumOf, pluginPackageSchema } from "../../hub/index.ts";
import type { PluginPackage, TestReport } from "../../hub/index.ts";
import type { CapabilitySpec } from "../../spec/index.ts";

export function draftPackage(
  draft: StoredEvent<"PluginDrafted">["data"],
  spec: CapabilitySpec,
  hostVersion: string,
  extra: { specHash?: string; testReport?: TestReport } = {},
): PluginPackage {
  return pluginPackageSchema.parse({
    format: PACKAGE_FORMAT,
    manifest: {
      id: `${draft.capability}@${draft.version}`,
      capability: draft.capability,
      version: draft.version,
      apiVersion: "capsmith.plugin/v1",
      hostRange: `>=${hostVersion}`,
      profile: "node",
      permissions: {},
      dependencies: {},
      limits: { memoryMB: 64, timeoutMs: 1_000 },
      checksum: checksumOf(draft.code),
      provenance: {
        origin: "synthesized",
        backend: draft.backend,
        ...(draft.model ? { model: draft.model } : {}),
        ...(extra.specHash ? { specHash: extra.specHash } : {}),
        ...(extra.testReport ? { testReportId: extra.testReport.id } : {}),
      },
    },
    code: draft.code,
    spec,
    ...(extra.testReport ? { testReport: extra.testReport } : {}),
  });
}
