/**
 * The CLI's logger to CAPSMITH_LOG_FILE (src/cli/logger.ts): the file, and the directories to it, are
 * made by the first line logged, never by making the logger, since every command makes its logger
 * before it checks its data directory and the file may be inside it.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createLogger } from "../../src/cli/logger.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-logger-file-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

it("makes no file (nor its directory) until it logs a line; then writes the line there", async () => {
  const file = join(dir, "data", "capsmith.log");
  const logger = createLogger("info", file);
  logger.debug("below the level: nothing to write");
  await new Promise<void>((resolve) => logger.flush(() => resolve()));
  expect(await exists(join(dir, "data"))).toBe(false);

  logger.info({ n: 1 }, "first line");
  logger.warn("second line");
  await new Promise<void>((resolve, reject) => logger.flush((err) => (err ? reject(err) : resolve())));
  const lines = (await readFile(file, "utf8")).trim().split("\n").map((line) => JSON.parse(line) as { msg: string; n?: number });
  expect(lines.map((line) => [line.msg, line.n])).toEqual([["first line", 1], ["second line", undefined]]);
});

it("calls a flush back only once every line logged before it is in the file", async () => {
  const file = join(dir, "capsmith.log");
  const logger = createLogger("info", file);
  // Enough lines that writes are still in flight when flush is called.
  for (let n = 0; n < 5000; n++) logger.info({ n, pad: "x".repeat(200) }, "line");
  await new Promise<void>((resolve, reject) => logger.flush((err) => (err ? reject(err) : resolve())));
  const lines = (await readFile(file, "utf8")).trim().split("\n");
  expect(lines.length).toBe(5000);
  expect((JSON.parse(lines.at(-1) as string) as { n: number }).n).toBe(4999);
});

it("a log file that cannot be opened (its path runs through a file) fails no command: the line goes to stderr", async () => {
  await writeFile(join(dir, "notes.txt"), "x");
  const logger = createLogger("info", join(dir, "notes.txt", "capsmith.log"));
  expect(() => logger.warn("a warning")).not.toThrow();
  await new Promise<void>((resolve) => logger.flush(() => resolve()));
  expect(await readFile(join(dir, "notes.txt"), "utf8")).toBe("x");
});
