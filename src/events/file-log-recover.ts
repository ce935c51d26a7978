/**
 * What a writer does under the log's lock before it seals anything: catch the index up with the
 * file, cut a torn tail, and read back the checkpoint's subject heads it is about to chain onto.
 * Only the lock holder may do either repair: without the lock an unterminated last line may be
 * another process's write in progress, and a head is only worth checking when an append will link
 * to it. Both keep an append from chaining onto something readers of the log do not hold.
 */
import type { LogFile } from "./file-log-read.ts";
import { readRecord } from "./file-log-read.ts";

/** Under the lock: catches the index up with the file, then cuts an unterminated last line and syncs the cut. */
export async function catchUpAndCutTornTail(file: LogFile): Promise<void> {
  const { size, restAt } = await file.index.catchUp();
  if (restAt < size) {
    // An unterminated last line under the lock: its writer died before acknowledging it.
    file.logger?.warn({ file: file.path, offset: restAt, bytes: size - restAt }, "cutting the torn tail of the event log");
    await file.handle.truncate(restAt);
    await file.handle.sync();
  }
}

/**
 * Under the lock, before sealing: each head an append chains to that came from the checkpoint is
 * read back from the log. One the log does not hold (a checkpoint edited to match its checksum)
 * would chain the append to nothing every reader knows, so the index is built from the log again.
 */
export async function confirmHeads(file: LogFile, subjects: ReadonlySet<string>): Promise<void> {
  const index = file.index;
  for (const subject of subjects) {
    if (!index.uncheckedHeads.has(subject)) continue;
    const head = index.heads.get(subject)!;
    const record = head.seq <= index.count ? await readRecord(file, head.seq) : undefined;
    const last = record?.events.at(-1);
    if (last?.subject === subject && last.hash === head.hash) {
      index.uncheckedHeads.delete(subject);
      continue;
    }
    file.logger?.warn({ file: file.path, subject, seq: head.seq }, "the index checkpoint names a subject head the log does not hold; indexing the log from its start");
    index.reset();
    await index.catchUp();
    return;
  }
}
