import semver from "semver";
import { z } from "zod";

/**
 * A semver range (`^1.2.0`, `>=1.0.0 <3.0.0`, `1.x`) in specs, plan steps and manifests' dependencies:
 * which versions of a capability may serve. semver itself refuses ranges over 256 characters.
 */
export const versionRangeSchema = z
  .string()
  .max(256)
  .refine((r) => semver.validRange(r) !== null, "must be a semver range such as ^1.2.0")
  .meta({ description: "a semver range of versions that may serve, e.g. ^1.2.0" });
