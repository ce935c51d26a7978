/**
 * Private keys on disk: one JSON file per key in `<data>/keys/<name>.json`, mode 0600, in a 0700
 * directory. A key file is never overwritten; the public half and the key id are re-derived from the
 * private key on load, so an edited file cannot claim another key's identity.
 */
import { chmod, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { zodIssues } from "../events/index.ts";
import { createFileOnce } from "../platform/index.ts";
import { HubError } from "./errors.ts";
import { KEY_NAME, KEY_ROLES, generateSigningKey, privateKeyPem, signingKeyFromPem } from "./keys.ts";
import type { KeyRole, PublicKeyInfo, SigningKey } from "./keys.ts";

export const KEY_FILE_FORMAT = "capsmith-key/v1";

const keyFileSchema = z
  .object({
    format: z.literal(KEY_FILE_FORMAT),
    name: z.string().regex(KEY_NAME),
    role: z.enum(KEY_ROLES as [KeyRole, ...KeyRole[]]),
    keyId: z.string(),
    publicKey: z.string(),
    privateKey: z.string().startsWith("-----BEGIN PRIVATE KEY-----"),
  })
  .strict();

export interface KeyStore {
  readonly dir: string;
  /** Generates and saves a key; `key_exists` if the name is taken, `invalid_key` for a bad name. */
  generate(name: string, role: KeyRole): Promise<SigningKey>;
  /** `key_not_found` when there is no such file, `invalid_key` when it is damaged. */
  load(name: string): Promise<SigningKey>;
  /** Public halves of every readable key, by name; damaged files are skipped. */
  list(): Promise<PublicKeyInfo[]>;
  /** Deletes a key file (undoing a `generate` whose next step failed). */
  remove(name: string): Promise<void>;
}

export function openKeyStore(dataDir: string): KeyStore {
  const dir = join(dataDir, "keys");
  const fileOf = (name: string): string => {
    assertKeyName(name);
    return join(dir, `${name}.json`);
  };

  const store: KeyStore = {
    dir,
    async generate(name, role) {
      const file = fileOf(name);
      const key = generateSigningKey(name, role);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const body = { format: KEY_FILE_FORMAT, name, role, keyId: key.keyId, publicKey: key.publicKey, privateKey: privateKeyPem(key) };
      try {
        // Never overwrite a key (losing a private key loses everything it signed), and never let
        // another process read one half written (two first commands on a new directory at once).
        await createFileOnce(file, JSON.stringify(body, null, 2) + "\n", { mode: 0o600 });
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === "EEXIST") {
          throw new HubError("key_exists", `a key named ${name} already exists in ${dir}`, { cause, nextStep: "Pick another name, or use the existing key." });
        }
        throw cause;
      }
      await chmod(file, 0o600); // the umask may have narrowed the mode, never widened it; be explicit
      return key;
    },

    async load(name) {
      const file = fileOf(name);
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (cause) {
        throw new HubError("key_not_found", `no key named ${name} in ${dir}`, { cause, nextStep: "List keys with capsmith keys list, or create one with capsmith keys generate NAME." });
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (cause) {
        throw damaged(file, cause);
      }
      const parsed = keyFileSchema.safeParse(value);
      if (!parsed.success) throw damaged(file, undefined, zodIssues(parsed.error.issues));
      let key: SigningKey;
      try {
        key = signingKeyFromPem(parsed.data.name, parsed.data.role, parsed.data.privateKey);
      } catch (cause) {
        throw damaged(file, cause);
      }
      if (key.keyId !== parsed.data.keyId || key.publicKey !== parsed.data.publicKey || parsed.data.name !== name) throw damaged(file);
      return key;
    },

    async list() {
      let names: string[];
      try {
        names = (await readdir(dir)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).filter((n) => KEY_NAME.test(n));
      } catch {
        return [];
      }
      const out: PublicKeyInfo[] = [];
      for (const name of names.sort()) {
        try {
          const { role, keyId, publicKey } = await store.load(name);
          out.push({ name, role, keyId, publicKey });
        } catch {
          // A damaged file is reported when someone loads it by name.
        }
      }
      return out;
    },

    async remove(name) {
      await rm(fileOf(name), { force: true });
    },
  };
  return store;
}

export function assertKeyName(name: string): void {
  if (!KEY_NAME.test(name)) {
    throw new HubError("invalid_key", `"${name}" is not a key name`, { nextStep: "Name keys with letters, digits, _ and - (at most 64), e.g. release_2026." });
  }
}

function damaged(file: string, cause?: unknown, issues?: { path: string; message: string }[]): HubError {
  return new HubError("invalid_key", `key file ${file} is damaged or was edited`, {
    cause,
    nextStep: "Restore the file from a backup (capsmith help operations); a key cannot be recovered from its public half.",
    ...(issues ? { details: { issues } } : {}),
  });
}
