/**
 * Opening the event log's files (events.log, events.index) only when they are regular files. Opening
 * a FIFO waits for its other end, forever in a data directory no one writes, so a FIFO put there by
 * anyone would hang every command; capsmith never makes one, nor a device or a socket, there.
 */
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { EventLogError } from "./errors.ts";

/**
 * Opens `path` with `flags` when it is a regular file. It is opened non-blocking (no effect on a
 * regular file) and its type taken from the open handle (no swap between a look and the open);
 * anything else is closed unread and refused with `log_unavailable`. Open errors (ENOENT, EISDIR
 * for writing) are thrown as they are.
 */
export async function openRegular(path: string, flags: number): Promise<FileHandle> {
  const handle = await open(path, flags | (constants.O_NONBLOCK ?? 0), 0o666);
  const info = await handle.stat().catch(async (err: unknown) => {
    await handle.close();
    throw err;
  });
  if (info.isFile()) return handle;
  await handle.close();
  throw new EventLogError("log_unavailable", `${path} is not a regular file (a FIFO, a device, a socket or a directory), so the event log cannot use it: nothing was read from it or written to it`, {
    nextStep: "capsmith never makes one there: move it out of the data directory (a copy of the real file, if there was one, goes back in its place).",
    details: { path },
  });
}
