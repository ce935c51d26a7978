/**
 * Bearer tokens for the HTTP API and MCP: `<data>/serve/tokens.json` (mode 0600, in a 0700 folder)
 * holds each token's id, role, label and the sha256 of the token — never the token itself. A token
 * is shown once, when it is made. On first start `serve` makes an operator token and leaves it in
 * `<data>/serve/operator.token` (0600) for the person who started it.
 *
 * Checking a token hashes it and compares digests with `timingSafeEqual` against every entry, so how
 * long a check takes says nothing about how much of a token was right. The file is read again when
 * it changes, so `capsmith tokens create` and `revoke` take effect on a running server: a new token
 * at once (an unknown token makes the server look again), a revoked one within a second.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { chmod, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { ServeError } from "./errors.ts";
import { API_ROLES } from "./roles.ts";
import type { ApiRole } from "./roles.ts";

export const TOKEN_FILE_FORMAT = "capsmith-tokens/v1";
const TOKEN_PREFIX = "csm_";
const RECHECK_MS = 1_000;

const entrySchema = z.object({
  id: z.string(),
  role: z.enum(API_ROLES),
  label: z.string(),
  createdAt: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const fileSchema = z.object({ format: z.literal(TOKEN_FILE_FORMAT), tokens: z.array(entrySchema) });

export type TokenInfo = Omit<z.infer<typeof entrySchema>, "sha256">;

export interface TokenStore {
  readonly file: string;
  /** Makes a token for `role`; the token is in the answer and nowhere else. */
  create(role: ApiRole, label?: string): Promise<TokenInfo & { token: string }>;
  list(): Promise<TokenInfo[]>;
  /** Removes a token by id; false when there was none. */
  revoke(id: string): Promise<boolean>;
  /** The token's entry, or undefined for a token this store does not hold. */
  verify(token: string): Promise<TokenInfo | undefined>;
  /** The ids of the tokens held now (the file looked at no more than once a second). */
  heldIds(): Promise<Set<string>>;
  /**
   * Makes the first operator token when the store holds none, leaving it in `operatorTokenFile`;
   * says whether it made one.
   */
  ensureOperatorToken(): Promise<{ created: boolean; operatorTokenFile: string }>;
}

interface Entry extends TokenInfo {
  digest: Buffer;
}

export function openTokenStore(dataDir: string, options: { now?: () => Date } = {}): TokenStore {
  const dir = join(dataDir, "serve");
  const file = join(dir, "tokens.json");
  const operatorTokenFile = join(dir, "operator.token");
  const now = options.now ?? (() => new Date());
  let cache: { entries: Entry[]; mtimeMs: number; size: number; checkedAt: number } | undefined;

  async function load(): Promise<Entry[]> {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw err;
    }
    let parsed;
    try {
      parsed = fileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      throw new ServeError("invalid_token_store", `${file} is not a capsmith token file`, {
        nextStep: `Move it away and start capsmith serve again (a new operator token is made), or fix the JSON.`,
      });
    }
    return parsed.data.tokens.map(({ sha256, ...info }) => ({ ...info, digest: Buffer.from(sha256, "hex") }));
  }

  /** The entries, re-read when the file changed (looked at no more than once a second unless `fresh`). */
  async function entries(fresh = false): Promise<Entry[]> {
    const at = performance.now();
    if (cache && !fresh && at - cache.checkedAt < RECHECK_MS) return cache.entries;
    const info = await stat(file).catch(() => undefined);
    if (cache && info && info.mtimeMs === cache.mtimeMs && info.size === cache.size) {
      cache.checkedAt = at;
      return cache.entries;
    }
    const loaded = await load();
    cache = { entries: loaded, mtimeMs: info?.mtimeMs ?? 0, size: info?.size ?? 0, checkedAt: at };
    return loaded;
  }

  async function save(list: Entry[]): Promise<void> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // mkdir leaves a folder that already existed as it was: narrow it (another user may not list it).
    await chmod(dir, 0o700);
    const body = { format: TOKEN_FILE_FORMAT, tokens: list.map(({ digest, ...info }) => ({ ...info, sha256: digest.toString("hex") })) };
    // Written whole under a temporary name, then renamed: a reader sees the old file or the new.
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(body, null, 2) + "\n", { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, file);
    cache = undefined;
  }

  const store: TokenStore = {
    file,
    async create(role, label) {
      const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
      const digest = digestOf(token);
      const entry: Entry = { id: digest.toString("hex").slice(0, 12), role, label: label ?? role, createdAt: now().toISOString(), digest };
      cache = undefined;
      await save([...(await entries()), entry]);
      const { digest: _digest, ...info } = entry;
      return { ...info, token };
    },
    async list() {
      cache = undefined;
      return (await entries()).map(({ digest: _digest, ...info }) => info);
    },
    async revoke(id) {
      cache = undefined;
      const list = await entries();
      const kept = list.filter((e) => e.id !== id);
      if (kept.length === list.length) return false;
      await save(kept);
      return true;
    },
    async verify(token) {
      if (!token.startsWith(TOKEN_PREFIX) || token.length > 256) return undefined;
      const digest = digestOf(token);
      // A token made a moment ago by `capsmith tokens create` is found by looking at the file again.
      const found = match(await entries(), digest) ?? match(await entries(true), digest);
      if (!found) return undefined;
      const { digest: _digest, ...info } = found;
      return info;
    },
    async heldIds() {
      return new Set((await entries()).map((e) => e.id));
    },
    async ensureOperatorToken() {
      cache = undefined;
      if ((await entries()).length > 0) return { created: false, operatorTokenFile };
      const made = await store.create("operator", "first operator token (made by capsmith serve)");
      await writeFile(operatorTokenFile, made.token + "\n", { mode: 0o600 });
      await chmod(operatorTokenFile, 0o600);
      return { created: true, operatorTokenFile };
    },
  };
  return store;
}

/** Every entry is compared, in constant time each, whether or not one matched already. */
function match(list: readonly Entry[], digest: Buffer): Entry | undefined {
  let found: Entry | undefined;
  for (const entry of list) if (timingSafeEqual(entry.digest, digest) && !found) found = entry;
  return found;
}

function digestOf(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}
