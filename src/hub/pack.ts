/**
 * Packing: a plugin directory (`manifest.json`, `plugin.js`, `spec.json`, optional
 * `test-report.json`) becomes one package file. Pack computes the checksum, fills `id` when absent,
 * validates the whole package, and signs the normalised manifest when given a key.
 */
import { lstat, readFile, realpath, rename, rm, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { zodIssues } from "../events/index.ts";
import { HubError } from "./errors.ts";
import type { SigningKey } from "./keys.ts";
import { checksumOf } from "./manifest.ts";
import { PACKAGE_FORMAT, pluginPackageSchema } from "./package-format.ts";
import type { PluginPackage } from "./package-format.ts";
import { signManifest } from "./signature.ts";

export const PLUGIN_DIR_FILES = { manifest: "manifest.json", code: "plugin.js", spec: "spec.json", testReport: "test-report.json" } as const;

export interface PluginSources {
  manifest: unknown;
  code: string;
  spec: unknown;
  testReport?: unknown;
}

export function packPlugin(sources: PluginSources, options: { key?: SigningKey } = {}): PluginPackage {
  if (typeof sources.manifest !== "object" || sources.manifest === null || Array.isArray(sources.manifest)) {
    throw invalid("the manifest is not a JSON object", [{ path: "manifest", message: "expected an object" }]);
  }
  // Any signature in the directory covered another checksum; pack signs afresh or not at all. A
  // `$schema` pointer is for editors, not part of the manifest.
  const { signature: _stale, $schema: _editor, ...manifest } = sources.manifest as Record<string, unknown>;
  manifest["checksum"] = checksumOf(sources.code);
  if (manifest["id"] === undefined && typeof manifest["capability"] === "string" && typeof manifest["version"] === "string") {
    manifest["id"] = `${manifest["capability"]}@${manifest["version"]}`;
  }
  const candidate = {
    format: PACKAGE_FORMAT,
    manifest,
    code: sources.code,
    spec: sources.spec,
    ...(sources.testReport === undefined ? {} : { testReport: sources.testReport }),
  };
  const parsed = pluginPackageSchema.safeParse(candidate);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error.issues);
    throw invalid(`the plugin does not make a valid package: ${issues[0]!.path}: ${issues[0]!.message}`, issues);
  }
  const pkg = parsed.data;
  if (pkg.spec.capability !== pkg.manifest.capability) {
    throw invalid(`spec.json is for ${pkg.spec.capability}, manifest.json for ${pkg.manifest.capability}`, [{ path: "spec.capability", message: "must equal manifest.capability" }]);
  }
  return options.key ? { ...pkg, manifest: signManifest(pkg.manifest, options.key, pkg) } : pkg;
}

/**
 * What no package may carry: a private key in any of the forms keys travel in (PEM, a PGP key block,
 * an OpenSSH or PuTTY key, a capsmith key file, a JWK's private part as JSON or as a JavaScript
 * object, an Ed25519 PKCS#8 key as bare base64 of its DER). A package is published; a key inside it
 * is leaked.
 */
const KEY_LIKE = [
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/,
  /-----BEGIN OPENSSH PRIVATE KEY-----/,
  /PuTTY-User-Key-File-\d+:/,
  /["']?format["']?\s*:\s*["'`]capsmith-key\/v1/,
  /["']?privateKey["']?\s*:/,
  /(?:^|[^\w$])["']?d["']?\s*:\s*["'`][A-Za-z0-9_-]{40,}/m,
  /M[CF][4E]CAQ[AE]wBQYDK2V[wu]BCIEI/,
];

/**
 * Reads a plugin directory; `invalid_package` naming the file that is missing, not JSON, a symlink
 * or other non-regular file, outside the directory, or holding something that looks like a key.
 */
export async function readPluginDir(dir: string): Promise<PluginSources> {
  const root = await realpath(dir).catch((cause: unknown) => {
    throw new HubError("invalid_package", `cannot read the plugin directory ${dir}`, { cause, nextStep: "Pass the directory that holds manifest.json, plugin.js and spec.json." });
  });
  const read = async (name: string, optional = false): Promise<string | undefined> => {
    const file = join(dir, name);
    let text: string;
    let links: number;
    try {
      const info = await lstat(file);
      if (info.isSymbolicLink()) throw unsafe(file, "is a symbolic link; pack reads only regular files in the plugin directory, never what a link points at");
      if (!info.isFile()) throw unsafe(file, "is not a regular file");
      const where = relative(root, await realpath(file));
      if (where.startsWith("..") || where.includes(sep)) throw unsafe(file, "is outside the plugin directory");
      text = await readFile(file, "utf8");
      links = info.nlink;
    } catch (cause) {
      if (cause instanceof HubError) throw cause;
      if (optional && (cause as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new HubError("invalid_package", `cannot read ${file}`, { cause, nextStep: `A plugin directory holds ${Object.values(PLUGIN_DIR_FILES).join(", ")} (the last optional).` });
    }
    if (KEY_LIKE.some((pattern) => pattern.test(text))) throw unsafe(file, "looks like it holds a private key; a package is published, and a key in it is leaked");
    // A hard link is the same file as one elsewhere (a secret outside the directory, say): only a file of its own is packed.
    if (links > 1) throw unsafe(file, `is a hard link (${links} names for one file); pack reads only files of the plugin directory's own`);
    return text;
  };
  const json = (name: string, text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (cause) {
      throw new HubError("invalid_package", `${join(dir, name)} is not valid JSON: ${(cause as Error).message}`, { cause, nextStep: `Fix the JSON in ${name}.` });
    }
  };
  const manifest = json(PLUGIN_DIR_FILES.manifest, (await read(PLUGIN_DIR_FILES.manifest))!);
  const code = (await read(PLUGIN_DIR_FILES.code))!;
  const spec = json(PLUGIN_DIR_FILES.spec, (await read(PLUGIN_DIR_FILES.spec))!);
  const report = await read(PLUGIN_DIR_FILES.testReport, true);
  return { manifest, code, spec, ...(report === undefined ? {} : { testReport: json(PLUGIN_DIR_FILES.testReport, report) }) };
}

/** Writes a package file whole or not at all (temp file, then rename). */
export async function writePackage(file: string, pkg: PluginPackage): Promise<number> {
  const text = JSON.stringify(pkg, null, 2) + "\n";
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, text, { flag: "wx" });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return Buffer.byteLength(text);
}

function unsafe(file: string, why: string): HubError {
  return new HubError("invalid_package", `${file} ${why}`, { nextStep: "Put the real file in the plugin directory (no links, no keys) and pack again; keep keys in <data>/keys only." });
}

function invalid(message: string, issues: { path: string; message: string }[]): HubError {
  return new HubError("invalid_package", message, { nextStep: "Fix the files in the plugin directory (see details.issues) and pack again.", details: { issues } });
}
