/**
 * Ed25519 keys (node:crypto): key ids, the public-key forms other hubs trust, and signing text.
 * A public key travels as the base64url of its 32 raw bytes; its `keyId` is the first 16 hex digits
 * of the sha256 of those bytes, so anyone holding the key can recompute the id.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, hash, sign, verify } from "node:crypto";
import type { KeyObject } from "node:crypto";
import { z } from "zod";
import { eventCatalog, zodIssues } from "../events/index.ts";
import type { EventData, Signature } from "../events/index.ts";
import { HubError } from "./errors.ts";

export type KeyRole = EventData<"KeyTrusted">["role"];
export const KEY_ROLES: readonly KeyRole[] = eventCatalog.KeyTrusted.data.shape.role.options;
/** Roles whose signature on a manifest makes it "signed by a trusted publisher" (T3). */
export const PUBLISHER_ROLES: readonly KeyRole[] = ["publisher", "governor"];
/** Roles whose signed approval counts as an operator approval (T2). */
export const APPROVER_ROLES: readonly KeyRole[] = ["operator"];

export const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const PUBLIC_KEY_FORMAT = "capsmith-public-key/v1";

/** What anyone may know about a key. */
export interface PublicKeyInfo {
  name: string;
  role: KeyRole;
  keyId: string;
  /** base64url of the 32 raw Ed25519 public-key bytes. */
  publicKey: string;
}

/** A key this hub can sign with. */
export interface SigningKey extends PublicKeyInfo {
  readonly privateKey: KeyObject;
}

export function generateSigningKey(name: string, role: KeyRole): SigningKey {
  const pair = generateKeyPairSync("ed25519");
  const publicKey = rawPublicKey(pair.publicKey);
  return { name, role, keyId: keyIdOf(publicKey), publicKey, privateKey: pair.privateKey };
}

/** Rebuilds a signing key from its PKCS#8 PEM; the public half is derived, never trusted from a file. */
export function signingKeyFromPem(name: string, role: KeyRole, pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") throw new HubError("invalid_key", `key ${name} is ${privateKey.asymmetricKeyType}, not Ed25519`);
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return { name, role, keyId: keyIdOf(publicKey), publicKey, privateKey };
}

export function privateKeyPem(key: SigningKey): string {
  return key.privateKey.export({ format: "pem", type: "pkcs8" }).toString();
}

export function keyIdOf(publicKey: string): string {
  return hash("sha256", decodeRawPublicKey(publicKey), "hex").slice(0, 16);
}

/** Signs UTF-8 text; the value is base64url. */
export function signText(text: string, key: SigningKey): Signature {
  return { keyId: key.keyId, value: sign(null, Buffer.from(text, "utf8"), key.privateKey).toString("base64url") };
}

/** False for a bad signature, including one that is not canonical base64url of 64 bytes. */
export function verifyText(text: string, value: string, publicKey: string): boolean {
  const bytes = Buffer.from(value, "base64url");
  if (bytes.length !== 64 || bytes.toString("base64url") !== value) return false;
  try {
    return verify(null, Buffer.from(text, "utf8"), publicKeyObject(publicKey), bytes);
  } catch {
    return false;
  }
}

export function publicKeyObject(publicKey: string): KeyObject {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: publicKey }, format: "jwk" });
}

// ── Public-key files: what `keys export` writes and `keys trust --public-key` reads ────────────────

const publicKeyFileSchema = z
  .object({
    format: z.literal(PUBLIC_KEY_FORMAT),
    name: z.string().regex(KEY_NAME, "letters, digits, _ and -, at most 64"),
    role: z.enum(KEY_ROLES as [KeyRole, ...KeyRole[]]),
    keyId: z.string(),
    publicKey: z.string(),
  })
  .strict();

export function publicKeyFileText(info: PublicKeyInfo): string {
  const { name, role, keyId, publicKey } = info;
  return JSON.stringify({ format: PUBLIC_KEY_FORMAT, name, role, keyId, publicKey }, null, 2) + "\n";
}

/**
 * Reads a public key: our JSON export (name and role included) or an SPKI PEM (`openssl pkey
 * -pubout`), which names neither. The key id is always recomputed; a file whose id disagrees is refused.
 */
export function parsePublicKeyFile(text: string, what: string): { publicKey: string; keyId: string; name?: string; role?: KeyRole } {
  if (text.trimStart().startsWith("-----BEGIN")) {
    let key: KeyObject;
    try {
      key = createPublicKey(text);
    } catch (cause) {
      throw invalidKey(`${what} is not a PEM public key`, cause);
    }
    if (key.asymmetricKeyType !== "ed25519") throw invalidKey(`${what} holds a ${key.asymmetricKeyType} key; capsmith keys are Ed25519`);
    const publicKey = rawPublicKey(key);
    return { publicKey, keyId: keyIdOf(publicKey) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw invalidKey(`${what} is neither a capsmith public-key file nor a PEM public key`, cause);
  }
  const parsed = publicKeyFileSchema.safeParse(value);
  if (!parsed.success) throw invalidKey(`${what} is not a valid capsmith public-key file`, undefined, zodIssues(parsed.error.issues));
  const { name, role, publicKey, keyId } = parsed.data;
  let derived: string;
  try {
    derived = keyIdOf(publicKey);
  } catch (cause) {
    throw invalidKey(`${what}: publicKey is not a base64url Ed25519 key`, cause);
  }
  if (derived !== keyId) throw invalidKey(`${what}: keyId ${keyId} does not belong to its public key (${derived})`);
  return { publicKey, keyId, name, role };
}

function rawPublicKey(key: KeyObject): string {
  const x = key.export({ format: "jwk" }).x;
  if (typeof x !== "string") throw new HubError("invalid_key", "not an Ed25519 public key");
  return x;
}

function decodeRawPublicKey(publicKey: string): Buffer {
  const bytes = Buffer.from(publicKey, "base64url");
  if (bytes.length !== 32 || bytes.toString("base64url") !== publicKey) {
    throw new HubError("invalid_key", "a public key is the base64url of 32 raw Ed25519 bytes", { nextStep: "Export the key with capsmith keys export." });
  }
  return bytes;
}

function invalidKey(message: string, cause?: unknown, issues?: { path: string; message: string }[]): HubError {
  return new HubError("invalid_key", message, {
    cause,
    nextStep: "Use a file written by capsmith keys export, or an Ed25519 public key in PEM form.",
    ...(issues ? { details: { issues } } : {}),
  });
}
