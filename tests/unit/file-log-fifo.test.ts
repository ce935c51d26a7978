/**
 * The file log opens events.log and events.index only when they are regular files
 * (src/events/open-regular.ts): a FIFO of either name hung the open forever (a read of a FIFO waits
 * for a writer); now the open is refused at once with log_unavailable, and a FIFO events.log is
 * neither read nor replaced.
 */
import { execFileSync } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openFileLog } from "../../src/events/index.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-fifo-log-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const opening = (readOnly: boolean) => openFileLog({ dir, clock: steppingClock(), newId: counterIds("f"), actor: "test", readOnly });
const codeOf = (err: unknown): unknown => (err as { code?: unknown }).code;

describe("a FIFO where the file log's files go", () => {
  for (const readOnly of [true, false]) {
    it(`FIXED (hung before): events.log a FIFO: the ${readOnly ? "reader" : "writer"} is refused at once with log_unavailable, and nothing is made beside it`, async () => {
      execFileSync("mkfifo", [join(dir, "events.log")]);
      const error = await opening(readOnly).then(() => undefined, (err: unknown) => err);
      expect(codeOf(error)).toBe("log_unavailable");
      expect(await readdir(dir)).toEqual(["events.log"]);
    }, 10_000);

    it(`FIXED (hung before): events.index a FIFO beside a log: the ${readOnly ? "reader" : "writer"} is refused at once with log_unavailable`, async () => {
      await writeFile(join(dir, "events.log"), "");
      execFileSync("mkfifo", [join(dir, "events.index")]);
      const error = await opening(readOnly).then(() => undefined, (err: unknown) => err);
      expect(codeOf(error)).toBe("log_unavailable");
    }, 10_000);
  }
});
