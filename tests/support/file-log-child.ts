/**
 * A real process on a shared embedded log, for the multi-process tests and the bench:
 *   node file-log-child.ts DIR append NAME COUNT [--conditional] [--subject S] [--batch N]
 *     appends COUNT records (conditional: re-reads the head and retries on conflict), printing
 *     `ack SEQ TEXT` once each is acknowledged, then `done MS CONFLICTS`; with `--go` it waits for
 *     a line on stdin before it starts;
 *   node file-log-child.ts DIR subscribe NAME DURABLE [--hang TEXT]
 *     handles a durable's records, printing `handled TEXT ATTEMPT`; on `--hang TEXT` it never
 *     finishes that record (to be killed holding it). Ends on stdin EOF.
 * It prints `ready` once its log is open.
 */
import { ConcurrencyError, openFileLog } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { counterIds, steppingClock } from "./deterministic.ts";

const [dir, mode, name, ...rest] = process.argv.slice(2) as [string, string, string, ...string[]];
const flag = (f: string): string | undefined => {
  const i = rest.indexOf(f);
  return i >= 0 ? rest[i + 1] : undefined;
};
const log = await openFileLog({ dir, clock: steppingClock(), newId: counterIds(name), actor: name, followIntervalMs: 50 });
const out = (line: string): boolean => process.stdout.write(`${line}\n`);
out("ready");

if (mode === "append") {
  const count = Number(rest[0]);
  const conditional = rest.includes("--conditional");
  const subject = flag("--subject") ?? "capsmith.evt.note.shared";
  const batch = Number(flag("--batch") ?? 1);
  if (rest.includes("--go")) await new Promise((resolve) => process.stdin.once("data", resolve));
  let conflicts = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const text = `${name}-${i}`;
    const events = Array.from({ length: batch }, (_, k) => ({ type: "OperatorNote", subject, data: { text: k === 0 ? text : `${text}.${k}` } }) as NewEvent);
    for (;;) {
      try {
        const expected = conditional ? ((await log.subjectHead(subject))?.seq ?? 0) : undefined;
        const result = await log.append(events, expected === undefined ? {} : { expectedSubjectSeq: expected });
        out(`ack ${result.seq} ${text}`);
        break;
      } catch (err) {
        if (!(err instanceof ConcurrencyError)) throw err;
        conflicts++;
      }
    }
  }
  out(`done ${Math.round(performance.now() - started)} ${conflicts}`);
  await log.close();
} else if (mode === "subscribe") {
  const hang = flag("--hang");
  const sub = await log.subscribe(rest[0]!, { filter: "capsmith.evt.>", ackWaitMs: 60_000, retryDelayMs: 50 }, async (e, delivery) => {
    const text = (e.data as { text: string }).text;
    if (text === hang) {
      out(`holding ${text} ${delivery.attempt}`);
      await new Promise(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 1));
    out(`handled ${text} ${delivery.attempt}`);
  });
  process.stdin.resume();
  process.stdin.on("end", () => {
    void sub.stop().then(() => log.close()).then(() => out("stopped"));
  });
}
