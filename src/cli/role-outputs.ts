/**
 * What `keys roles --out DIR` writes beside the role folders: DIR/public/<role>.json (each role's
 * public key) and DIR/nats.env (a NATS password per role). Both names are common ones (a web
 * project's public/, a project's own .env files), so before any key is generated each is checked:
 * absent, or exactly what an earlier `keys roles` wrote there (its public-key files, its password
 * lines), which a new run may write again; anything else is someone's and is refused, nothing written.
 */
import { lstat, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parsePublicKeyFile } from "../hub/index.ts";
import { UsageError } from "./errors.ts";

/** Neither file keys roles writes is near this large: a larger one is not read. */
const MAX_BYTES = 64 * 1024;

/** A line of nats.env as keys roles writes it: letters and hex only. */
const PASSWORD_LINE = /^CAPSMITH_NATS_([A-Z]+)_PASS=pw[0-9a-f]{32}$/;

/**
 * Refuses (invalid_input, nothing written) when DIR/public or DIR/nats.env is there and is not what
 * `keys roles` writes for `roles`. Meant to run before the first key is generated.
 */
export async function requireRoleOutputsFree(out: string, roles: readonly string[]): Promise<void> {
  const publicWhy = await publicDirWhy(join(out, "public"), roles);
  if (publicWhy) throw refused(out, join(out, "public"), publicWhy);
  const envWhy = await natsEnvWhy(join(out, "nats.env"), roles);
  if (envWhy) throw refused(out, join(out, "nats.env"), envWhy);
}

function refused(out: string, path: string, why: string): UsageError {
  return new UsageError("invalid_input", `cannot write ${path}: ${why} (someone else's file, most likely); nothing was generated or written in ${out}`, {
    nextStep: `Name an empty or new --out directory, or move ${path} out of ${out} if it is not needed there.`,
    details: { reason: "out_not_ours", out, path },
  });
}

/** Why DIR/public is not keys roles's, or undefined when it is absent, empty, or holds only role public-key files. */
async function publicDirWhy(dir: string, roles: readonly string[]): Promise<string | undefined> {
  const info = await lstat(dir).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isDirectory()) return "it is there and is not a folder";
  const files = await readdir(dir);
  for (const file of files.sort()) {
    const role = roles.find((r) => file === `${r}.json`);
    if (!role) return `it holds ${file}, which keys roles never writes`;
    if (!(await isRolePublicKey(join(dir, file), role))) return `its ${file} is not a capsmith public-key file of the ${role} role`;
  }
  return undefined;
}

async function isRolePublicKey(file: string, role: string): Promise<boolean> {
  const text = await smallRegularText(file);
  if (text === undefined || !text.trimStart().startsWith("{")) return false;
  try {
    return parsePublicKeyFile(text, file).role === role;
  } catch {
    return false;
  }
}

/**
 * Why DIR/nats.env is not keys roles's, or undefined when it is absent or holds only its password
 * lines, each for one of the roles or sys, once (an older version wrote one role fewer).
 */
async function natsEnvWhy(file: string, roles: readonly string[]): Promise<string | undefined> {
  if (!(await lstat(file).then(() => true, () => false))) return undefined;
  const text = await smallRegularText(file);
  if (text === undefined) return "it is there and is not a small regular file";
  const names = text.endsWith("\n") ? text.slice(0, -1).split("\n").map((line) => PASSWORD_LINE.exec(line)?.[1]) : [undefined];
  const known = new Set([...roles, "sys"].map((role) => role.toUpperCase()));
  const ours = names.every((name) => name !== undefined && known.has(name)) && new Set(names).size === names.length;
  return ours ? undefined : "it holds other lines than the password lines keys roles writes";
}

/** A regular file's text (never a FIFO, device or link, which are not opened), or undefined. */
async function smallRegularText(file: string): Promise<string | undefined> {
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isFile() || info.size > MAX_BYTES) return undefined;
  return readFile(file, "utf8").catch(() => undefined);
}
