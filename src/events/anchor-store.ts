/**
 * Anchor files: one JSON file per anchor, `{statement, signature}`. Writers keep theirs in the data
 * directory's `anchors/` (the newest few); what makes them worth anything is the copy an operator
 * keeps somewhere the data directory's owner cannot write.
 */
import { mkdir, open, readFile, readdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { anchorFileSchema, anchorSigningText } from "./anchor.ts";
import type { AnchorFile, AnchorStatement } from "./anchor.ts";
import { EventLogError, zodIssues } from "./errors.ts";

/** Signs the text of a statement: the signer's key id, its public key and the signature (base64url). */
export type AnchorSigner = (text: string) => AnchorFile["signature"];

export function signAnchor(statement: AnchorStatement, sign: AnchorSigner): AnchorFile {
  return { statement, signature: sign(anchorSigningText(statement)) };
}

/** Reads and checks the form of an anchor file (`anchor_invalid` otherwise); the signature is the caller's to check. */
export async function readAnchorFile(file: string): Promise<AnchorFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    throw new EventLogError("anchor_invalid", `cannot read the anchor file ${file}: ${(cause as Error).message}`, { cause, nextStep: "Give the file `capsmith audit anchor --out FILE` wrote." });
  }
  return parseAnchor(text, file);
}

export function parseAnchor(text: string, what: string): AnchorFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new EventLogError("anchor_invalid", `${what} is not JSON`, { cause, nextStep: "Give the file `capsmith audit anchor --out FILE` wrote." });
  }
  const parsed = anchorFileSchema.safeParse(value);
  if (!parsed.success) {
    throw new EventLogError("anchor_invalid", `${what} is not a capsmith anchor`, { nextStep: "Give the file `capsmith audit anchor --out FILE` wrote.", details: { issues: zodIssues(parsed.error.issues) } });
  }
  return parsed.data;
}

/** Writes a file whole or not at all (temporary name, fsync, rename). */
export async function writeAnchorFile(file: string, anchor: AnchorFile): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await open(tmp, "w", 0o644);
  try {
    await handle.writeFile(JSON.stringify(anchor, null, 1) + "\n");
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}

export interface AnchorStore {
  readonly dir: string;
  /** Saves an anchor as `anchor-<seq>.json`; keeps the newest `keep`. Returns the file. */
  save(anchor: AnchorFile): Promise<string>;
  /** The anchors there, newest first (unreadable files skipped). */
  list(): Promise<{ file: string; anchor: AnchorFile }[]>;
}

export function anchorStore(dir: string, keep = 10): AnchorStore {
  const names = async (): Promise<string[]> =>
    (await readdir(dir).catch(() => [] as string[])).filter((n) => /^anchor-\d{12}\.json$/.test(n)).sort().reverse();
  return {
    dir,
    async save(anchor) {
      await mkdir(dir, { recursive: true });
      const file = join(dir, `anchor-${String(anchor.statement.seq).padStart(12, "0")}.json`);
      await writeAnchorFile(file, anchor);
      for (const old of (await names()).slice(keep)) await rm(join(dir, old), { force: true });
      return file;
    },
    async list() {
      const out: { file: string; anchor: AnchorFile }[] = [];
      for (const name of await names()) {
        const file = join(dir, name);
        try {
          out.push({ file, anchor: parseAnchor(await readFile(file, "utf8"), file) });
        } catch {
          // A damaged anchor is simply not used; `audit verify --anchor` names it when given.
        }
      }
      return out;
    },
  };
}
