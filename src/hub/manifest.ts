/**
 * The plugin manifest (docs/architecture.md "Plugins and the hub"), validated with zod at the edge and exported
 * as JSON Schema (`schemas/plugin-manifest.schema.json`, written by `npm run schemas`).
 */
import semver from "semver";
import { z } from "zod";
import { loneSurrogateAt, sha256 } from "../events/index.ts";
import { HubError } from "./errors.ts";

export const API_VERSIONS = ["capsmith.plugin/v1"] as const;
export const CAPABILITY_NAME = /^[a-z][a-z0-9_]{1,63}$/;

const capability = z.string().regex(CAPABILITY_NAME, "must match [a-z][a-z0-9_]{1,63}");
const version = z.string().refine((v) => semver.valid(v) === v, "must be a semver version such as 1.2.0").meta({ description: "a semver version, e.g. 1.2.0" });
const range = z.string().refine((r) => semver.validRange(r) !== null, "must be a semver range such as ^1.0.0").meta({ description: "a semver range, e.g. ^1.0.0" });

export const signatureSchema = z.object({ keyId: z.string().min(1), value: z.string().min(1) }).strict();

export const manifestSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{1,63}@[0-9A-Za-z.+-]+$/, "must be <capability>@<version>"),
    capability,
    version,
    apiVersion: z.string().min(1),
    hostRange: range,
    profile: z.enum(["node", "integration", "agent", "quality_gate"]),
    permissions: z
      .object({
        net: z.array(z.string().min(1)).optional(),
        llm: z.object({ maxTokensPerCall: z.int().positive(), maxCostPerDay: z.number().nonnegative() }).strict().optional(),
      })
      .strict()
      .default({}),
    dependencies: z.record(capability, range).default({}),
    limits: z.object({ memoryMB: z.int().min(8).max(1024).default(64), timeoutMs: z.int().min(1).max(60_000).default(1_000) }).strict().default({ memoryMB: 64, timeoutMs: 1_000 }),
    checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/, "must be sha256:<64 hex digits>"),
    signature: signatureSchema.optional(),
    provenance: z
      .object({
        origin: z.enum(["synthesized", "authored"]),
        backend: z.string().optional(),
        model: z.string().optional(),
        specHash: z.string().optional(),
        testReportId: z.string().optional(),
      })
      .strict(),
  })
  .strict()
  .refine((m) => m.id === `${m.capability}@${m.version}`, { message: "id must be <capability>@<version>", path: ["id"] });

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestInput = z.input<typeof manifestSchema>;

/**
 * The manifest's `checksum` of a plugin's code: `sha256:` and the hex sha256 of its UTF-8 text.
 * Code holding a lone surrogate has no UTF-8 text: encoding would turn each into U+FFFD, so two
 * different programs (one reading `"\uD800".charCodeAt(0)`, one the same with U+FFFD) would share a
 * checksum and so a publisher's signature. Such code has no checksum at all (`invalid_package`).
 */
export function checksumOf(code: string): string {
  const at = loneSurrogateAt(code);
  if (at >= 0) {
    throw new HubError("invalid_package", `the code holds a lone surrogate at index ${at}, which has no UTF-8 form, so it has no checksum`, {
      nextStep: "Remove it or write it as an escape in the source text (\\uD800 inside a string literal), then pack again.",
      details: { index: at },
    });
  }
  return `sha256:${sha256(code)}`;
}
