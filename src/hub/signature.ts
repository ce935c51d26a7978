/**
 * Signatures checked against the trust store (the `keys` projection): manifests (Ed25519 over the
 * canonical JSON of the manifest without its `signature`), operator approvals (over the plugin id and
 * the code's checksum or the package's digest), and plain hashes (event signatures). Results are values, never exceptions.
 */
import { canonicalJson, sha256 } from "../events/index.ts";
import type { Signature } from "../events/index.ts";
import type { KeysState } from "../../projections/index.ts";
import { APPROVER_ROLES, PUBLISHER_ROLES, signText, verifyText } from "./keys.ts";
import type { KeyRole, SigningKey } from "./keys.ts";
import { manifestSchema } from "./manifest.ts";

export type SignatureFailureCode = "signature_missing" | "signature_untrusted" | "signature_invalid" | "key_revoked";

export type SignatureCheck =
  | { ok: true; keyId: string; name: string; role: KeyRole }
  | { ok: false; code: SignatureFailureCode; keyId: string | null; message: string; nextStep: string };

export interface VerifyOptions {
  /** Roles whose keys count for this signature; default: any trusted key. */
  roles?: readonly KeyRole[];
}

/** What a package signature covers beside the manifest (which holds the code's checksum). */
export interface PackageContents {
  spec: unknown;
  testReport?: unknown;
}

export function signHash(hash: string, key: SigningKey): Signature {
  return signText(hash, key);
}

export function verifyHash(hash: string, signature: Signature | undefined | null, keys: KeysState, options: VerifyOptions = {}): SignatureCheck {
  return verifySigned(hash, signature, keys, options.roles, "the event");
}

/**
 * The exact text a manifest signature covers: the canonical JSON of the manifest without `signature`,
 * with zod's defaults filled in when it is valid, so a manifest as written and as parsed verify alike.
 */
export function manifestSigningText(manifest: Record<string, unknown>, contents?: PackageContents): string {
  const { signature: _signature, ...unsigned } = manifest;
  const parsed = manifestSchema.safeParse(unsigned);
  const normal = parsed.success ? parsed.data : unsigned;
  // A package signature covers the whole package: the manifest (with the code's checksum), the spec
  // with its golden cases and output schema, and the test report. Swapping any of them after
  // signing breaks it.
  if (!contents) return canonicalJson(normal);
  return canonicalJson({ purpose: "capsmith.plugin-package/v1", manifest: normal, spec: contents.spec, testReport: contents.testReport ?? null });
}

export function signManifest<M extends Record<string, unknown>>(manifest: M, key: SigningKey, contents?: PackageContents): Omit<M, "signature"> & { signature: Signature } {
  const { signature: _signature, ...unsigned } = manifest;
  return { ...unsigned, signature: signText(manifestSigningText(unsigned, contents), key) };
}

/**
 * Checks a manifest (as written or as parsed) against trusted keys of the publisher roles (publisher,
 * governor) unless `roles` says otherwise.
 */
export function verifyManifestSignature(manifest: Record<string, unknown>, keys: KeysState, options: VerifyOptions & { contents?: PackageContents } = {}): SignatureCheck {
  const signature = asSignature(manifest["signature"]);
  if (manifest["signature"] !== undefined && !signature) {
    return fail("signature_invalid", null, "the manifest's signature is not {keyId, value}", "Sign the package again with capsmith plugin pack --sign KEY.");
  }
  return verifySigned(manifestSigningText(manifest, options.contents), signature, keys, options.roles ?? PUBLISHER_ROLES, options.contents ? "the package" : "the manifest");
}

/**
 * What an operator's approval of a package file covers: the digest of the text a publisher's
 * signature covers (the manifest without its signature — the code's checksum, profile, permissions,
 * limits, dependencies — the spec with its golden cases, and the test report). An approval of this
 * digest lets that package, and no package differing in any of those, past `trust_downgrade`.
 */
export function packageDigest(manifest: Record<string, unknown>, contents: PackageContents): string {
  return `package-sha256:${sha256(manifestSigningText(manifest, contents))}`;
}

/** `packageDigest` of a whole package, or of a plugin record holding one: its manifest, spec and test report (none: null). */
export function packageDigestOf(pkg: { manifest: unknown; spec: unknown; testReport?: unknown }): string {
  return packageDigest(pkg.manifest as Record<string, unknown>, { spec: pkg.spec, testReport: pkg.testReport ?? null });
}

/** A plugin as its approvals see it: its id and the parts of its package the digest covers. */
export interface ApprovalSubject {
  id: string;
  manifest: Record<string, unknown>;
  spec: unknown;
  testReport?: unknown;
}

/**
 * Whether an operator approved this plugin: its code's checksum (what a held or installed plugin's
 * approval signs) or its whole package (packageDigest, what `plugin approve --package` signs). Only
 * the package digest lets a package past trust_downgrade (preflight, and the hub's downgradesTrust).
 */
export function verifyPluginApproval(
  plugin: ApprovalSubject,
  approval: { keyId: string; signature: string },
  keys: KeysState,
): SignatureCheck {
  const byCode = verifyApproval({ pluginId: plugin.id, checksum: String(plugin.manifest["checksum"]), ...approval }, keys);
  if (byCode.ok) return byCode;
  const byPackage = verifyApproval({ pluginId: plugin.id, checksum: packageDigestOf(plugin), ...approval }, keys);
  return byPackage.ok ? byPackage : byCode;
}

/**
 * Whether one of `approvals` lets this package past trust_downgrade: an operator's approval of its
 * package digest, never of its code alone. Install (preflight) and every reader (the hub's fold)
 * decide it here, so they cannot disagree.
 */
export function approvesPackage(
  approvals: readonly { keyId: string; signature: string }[],
  plugin: ApprovalSubject,
  keys: KeysState,
): boolean {
  const digest = packageDigestOf(plugin);
  return approvals.some((a) => verifyApproval({ pluginId: plugin.id, checksum: digest, ...a }, keys).ok);
}

/** The text an operator's approval signs: which plugin, and exactly which code (its checksum) or package (packageDigest). */
export function approvalSigningText(pluginId: string, checksum: string): string {
  return canonicalJson({ checksum, pluginId, purpose: "capsmith.plugin-approval/v1" });
}

export function signApproval(plugin: { pluginId: string; checksum: string }, key: SigningKey): { keyId: string; signature: string } {
  const sig = signText(approvalSigningText(plugin.pluginId, plugin.checksum), key);
  return { keyId: sig.keyId, signature: sig.value };
}

/** Checks a `PluginApproved` against the plugin's checksum; operator keys only unless `roles` says otherwise. */
export function verifyApproval(
  approval: { pluginId: string; checksum: string; keyId: string; signature: string },
  keys: KeysState,
  options: VerifyOptions = {},
): SignatureCheck {
  const text = approvalSigningText(approval.pluginId, approval.checksum);
  return verifySigned(text, { keyId: approval.keyId, value: approval.signature }, keys, options.roles ?? APPROVER_ROLES, "the approval");
}

function verifySigned(text: string, signature: Signature | undefined | null, keys: KeysState, roles: readonly KeyRole[] | undefined, what: string): SignatureCheck {
  if (!signature) return fail("signature_missing", null, `${what} is not signed`, "Sign it with a key this hub trusts (capsmith plugin pack --sign KEY).");
  const key = Object.hasOwn(keys.keys, signature.keyId) ? keys.keys[signature.keyId] : undefined;
  if (!key) {
    return fail("signature_untrusted", signature.keyId, `${what} is signed by key ${signature.keyId}, which this hub does not trust`, "Trust the signer's public key with capsmith keys trust --public-key FILE --name NAME, if you trust its owner.");
  }
  if (key.revoked) {
    return fail("key_revoked", signature.keyId, `${what} is signed by key ${signature.keyId} (${key.name}), revoked${key.revokedReason ? `: ${key.revokedReason}` : ""}`, "Have it signed again with a key that is not revoked.");
  }
  if (roles && !roles.includes(key.role)) {
    return fail("signature_untrusted", signature.keyId, `${what} is signed by key ${signature.keyId} (${key.name}), trusted as ${key.role}, not as ${roles.join(" or ")}`, `Sign it with a key trusted as ${roles.join(" or ")}.`);
  }
  if (!verifyText(text, signature.value, key.publicKey)) {
    return fail("signature_invalid", signature.keyId, `${what}'s signature by key ${signature.keyId} (${key.name}) does not match its content: it was changed after signing`, "Do not use this package; get an untampered copy from its publisher.");
  }
  return { ok: true, keyId: signature.keyId, name: key.name, role: key.role };
}

function asSignature(value: unknown): Signature | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { keyId, value: v } = value as Record<string, unknown>;
  return typeof keyId === "string" && typeof v === "string" ? { keyId, value: v } : undefined;
}

function fail(code: SignatureFailureCode, keyId: string | null, message: string, nextStep: string): SignatureCheck {
  return { ok: false, code, keyId, message, nextStep };
}
