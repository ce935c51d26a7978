/**
 * Size limits of a package (policy `limits`), checked before anything about it is written: a
 * package, spec or list of examples over them is refused with `package_too_large`, naming the
 * policy key that would allow it.
 */
import { HubError } from "./errors.ts";
import type { PluginPackage } from "./package-format.ts";

export interface PackageLimits {
  packageBytes: number;
  specBytes: number;
  examples: number;
}

/** Refuses a package over `limits` with `package_too_large`, naming the limit and the policy key. */
export function checkPackageLimits(pkg: PluginPackage, limits: PackageLimits): void {
  const refuse = (what: string, size: number, limit: number, key: keyof PackageLimits): never => {
    throw new HubError("package_too_large", `${pkg.manifest.id}: ${what} is ${size}, over the limit of ${limit}`, {
      nextStep: `Make the package smaller, or raise limits.${key} in the policy if this size is intended.`,
      details: { pluginId: pkg.manifest.id, size, limit, policyKey: `limits.${key}` },
    });
  };
  const examples = (pkg.spec as { examples?: unknown[] }).examples?.length ?? 0;
  if (examples > limits.examples) refuse("the number of spec examples", examples, limits.examples, "examples");
  const specBytes = Buffer.byteLength(JSON.stringify(pkg.spec));
  if (specBytes > limits.specBytes) refuse("the spec (bytes of JSON)", specBytes, limits.specBytes, "specBytes");
  const packageBytes = Buffer.byteLength(JSON.stringify(pkg));
  if (packageBytes > limits.packageBytes) refuse("the package (bytes of JSON)", packageBytes, limits.packageBytes, "packageBytes");
}
