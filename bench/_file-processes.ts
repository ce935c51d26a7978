/**
 * Several processes on one embedded log, for `npm run bench -- eventlog`: `processes` real processes
 * each make `each` conditional appends on ONE subject (read the head, append expecting it, re-read
 * and retry on a conflict), all started at once. Then the log is checked: every acknowledged append
 * is at the seq it was acknowledged with, the subject's chain is one unbroken line (no fork), and
 * nothing else is there.
 */
import { join } from "node:path";
import { ALL_EVENTS, ChainVerifier, openFileLog } from "../src/events/index.ts";
import { systemClock, uuidIds } from "../src/platform/index.ts";
import { spawnLines } from "../tests/support/child-lines.ts";

const CHILD = join(import.meta.dirname, "../tests/support/file-log-child.ts");

export interface ProcessesFigure {
  appends: number;
  ms: number;
  conflicts: number;
  forks: number;
  lostAcks: number;
}

export async function conditionalAppendsFromProcesses(dir: string, processes: number, each: number): Promise<ProcessesFigure> {
  const children = Array.from({ length: processes }, (_, i) => spawnLines(CHILD, [dir, "append", `p${i + 1}`, String(each), "--conditional", "--go"]));
  try {
    await Promise.all(children.map((c) => c.waitFor((l) => l === "ready")));
    const start = performance.now();
    for (const c of children) c.proc.stdin!.write("go\n");
    const done = await Promise.all(children.map((c) => c.waitFor((l) => l.startsWith("done "), 600_000)));
    const ms = performance.now() - start;
    const log = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "bench", readOnly: true });
    const bySeq = new Map<number, string>();
    const verifier = new ChainVerifier();
    let forks = 0;
    for await (const e of log.read(ALL_EVENTS)) {
      if (verifier.check(e)) forks++;
      bySeq.set(e.seq, (e.data as { text: string }).text);
    }
    await log.close();
    const acks = children.flatMap((c) => c.lines.filter((l) => l.startsWith("ack ")).map((l) => l.split(" ")));
    const lostAcks = acks.filter(([, seq, text]) => bySeq.get(Number(seq)) !== text).length + (processes * each - acks.length) + (bySeq.size - acks.length);
    const conflicts = done.reduce((sum, line) => sum + Number(line.split(" ")[2]), 0);
    return { appends: acks.length, ms, conflicts, forks, lostAcks };
  } finally {
    for (const c of children) c.proc.kill("SIGKILL");
  }
}
