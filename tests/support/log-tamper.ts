/**
 * What an attacker with write access to a data directory can do to the embedded log: rewrite a
 * record and make everything after it consistent again (each event's hash recomputed, the chain of
 * its subject re-linked, every line's CRC fixed), so that the log on its own verifies.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { eventHash } from "../../src/events/index.ts";

interface Line {
  seq: number;
  msgId: string;
  events: Record<string, unknown>[];
}

export function crcLine(json: string): string {
  return `${crc32(json).toString(16).padStart(8, "0")} ${json}`;
}

/** Parses events.log (every line must be good). */
export async function readLogLines(dir: string): Promise<Line[]> {
  const text = await readFile(join(dir, "events.log"), "utf8");
  return text.trimEnd().split("\n").map((l) => JSON.parse(l.slice(9)) as Line);
}

export async function writeLogLines(dir: string, lines: Line[]): Promise<void> {
  await writeFile(join(dir, "events.log"), lines.map((l) => crcLine(JSON.stringify(l)) + "\n").join(""));
}

/**
 * Applies `edit` to the events of record `seq`, then re-hashes and re-links every event from there
 * on, per subject, and rewrites the file with fresh CRCs: a rewrite the log itself cannot tell.
 */
export async function rewriteRecord(dir: string, seq: number, edit: (event: Record<string, unknown>) => void): Promise<void> {
  const lines = await readLogLines(dir);
  const heads = new Map<string, string>();
  for (const line of lines) {
    for (const event of line.events) {
      const subject = event["subject"] as string;
      if (line.seq === seq) edit(event);
      if (line.seq >= seq) {
        event["prevHash"] = heads.get(subject) ?? null;
        delete event["sig"];
        event["hash"] = eventHash(event as never);
      }
      heads.set(subject, event["hash"] as string);
    }
  }
  await writeLogLines(dir, lines);
}
