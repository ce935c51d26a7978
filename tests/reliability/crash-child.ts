// The process the crash harness kills: capsmith's own log, projector and hub doing work on the
// embedded log in argv[2] until it is SIGKILLed. It prints a line for every acknowledged append
// (`ack <seq> <msgId> <id,id,...>`) and every finished install (`tx <txId> <ok> <pluginId>`) only
// after the log acknowledged it, so the harness knows what must survive the kill.
//
// argv: DIR MODE TAG SEED [REPEAT_MSG_ID]
//   MODE append      single, batched and pipelined appends
//   MODE checkpoint  appends while the read model snapshots all projections in a loop
//   MODE install     install/update/rollback transactions (CAPSMITH_FAULT=crash:<phase> honoured)
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { openFileLog, subjectFor } from "../../src/events/index.ts";
import type { EventLog, NewEvent } from "../../src/events/index.ts";
import { createHubService } from "../../src/hub/hub-service.ts";
import { parseFaults } from "../../src/hub/faults.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { fileSnapshotStore, openReadModel } from "../../projections/index.ts";
import { GOOD_CODE, WRONG_CODE, checksumVerify, makePackage } from "../support/plugin-packages.ts";
import { CRASH_LOG_IDENTITY, SNAPSHOT_SUBDIR, mulberry32 } from "./crash-harness.ts";

const [dir, mode, tag, seedArg, repeatMsgId] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const random = mulberry32(Number(seedArg));
const logger = pino({ level: "warn" }, pino.destination(2));
const log = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "crash-child", logger });
const say = (line: string): void => void process.stdout.write(line + "\n"); // a pipe: written synchronously
const pick = (n: number): number => Math.floor(random() * n);

let counter = 0;
const acked: string[] = [];
function note(subject: string, big: boolean): NewEvent {
  const id = `${tag}-${++counter}`;
  // Big notes make one group commit span many pages, so a kill can land inside the write itself.
  const text = `${id} ` + "x".repeat(big ? 2_000 + pick(6_000) : 1 + pick(120));
  return { type: "OperatorNote", subject, id, data: { text } } as NewEvent;
}

async function appendAndAck(events: NewEvent[], msgId: string): Promise<void> {
  const result = await log.append(events, { msgId });
  if (result.duplicate) throw new Error(`fresh msgId ${msgId} was taken for a duplicate`);
  say(`ack ${result.seq} ${msgId} ${result.events.map((e) => e.id).join(",")}`);
  acked.push(msgId);
}

async function expectDuplicate(msgId: string): Promise<void> {
  const again = await log.append([note(subjectFor("note", "dup"), false)], { msgId });
  if (!again.duplicate) throw new Error(`msgId ${msgId} was stored twice`);
  say(`dup ${msgId}`);
}

async function appendForever(): Promise<void> {
  if (repeatMsgId) await expectDuplicate(repeatMsgId); // acknowledged before the last kill
  let n = 0;
  for (;;) {
    const subject = subjectFor("note", `t${pick(6)}`);
    const kind = pick(10);
    const msgId = `${tag}-m${++n}`;
    if (kind < 3) {
      await appendAndAck([note(subject, false)], msgId);
    } else if (kind < 6) {
      await appendAndAck(Array.from({ length: 2 + pick(8) }, () => note(subject, random() < 0.15)), msgId);
    } else if (kind < 9) {
      // Pipelined: many appends in flight at once share group commits; each is acked on its own.
      const width = 4 + pick(16);
      await Promise.all(Array.from({ length: width }, (_, k) => {
        const s = subjectFor("note", `p${pick(8)}`);
        return appendAndAck(Array.from({ length: 1 + pick(4) }, () => note(s, random() < 0.05)), `${msgId}.${k}`);
      }));
    } else if (acked.length > 0) {
      await expectDuplicate(acked[pick(acked.length)]!);
    }
    // A short pause now and then keeps the log small enough to check after every kill.
    await sleep(pick(3));
  }
}

async function checkpointForever(): Promise<void> {
  const readModel = await openReadModel({ log, identity: async () => CRASH_LOG_IDENTITY, snapshots: fileSnapshotStore(join(dir, SNAPSHOT_SUBDIR)) });
  let stop = false;
  const checkpoints = (async () => {
    while (!stop) {
      await readModel.current();
      say(`checkpoint ${await readModel.snapshot()}`);
    }
  })();
  try {
    await appendForever();
  } finally {
    stop = true;
    await checkpoints;
  }
}

async function installForever(target: EventLog): Promise<void> {
  const sandbox = createPluginHost({ workers: 1 });
  const readModel = await openReadModel({ log: target, identity: async () => CRASH_LOG_IDENTITY });
  const hub = createHubService({
    log: target, readModel, sandbox, newId: uuidIds, logger, faults: parseFaults(process.env["CAPSMITH_FAULT"]),
    verify: (pkg) => checksumVerify(pkg), tierFor: () => ({ tier: "T1", reasons: ["tests pass"] }),
  });
  // capsmith's first writable open rolls back what the last kill left unfinished.
  for (const txId of await hub.recover()) say(`recovered ${txId}`);
  say("ready");
  for (let k = 0; ; k++) {
    const roll = pick(10);
    const state = await hub.state();
    const active = state.capabilities["double_it"]?.active;
    if (roll < 2 && active) {
      const outcome = await hub.switchTo("double_it", { kind: "rollback" }).catch((err: { code?: string }) => {
        if (err.code === "nothing_to_roll_back") return undefined;
        throw err;
      });
      if (outcome && !outcome.unchanged) say(`tx ${outcome.txId} ${outcome.ok} ${outcome.pluginId}`);
      continue;
    }
    // Versions grow with the run (tag) and the step, so no install is a downgrade or a repeat.
    const version = `${tag.replace(/\D/g, "") || "0"}.${k}.0`;
    const code = roll < 3 ? WRONG_CODE : GOOD_CODE.replace("* 2", `* 2 + ${k} * 0`);
    const outcome = await hub.install(makePackage(version, code), { source: "crash-harness" });
    say(`tx ${outcome.txId} ${outcome.ok} ${outcome.pluginId}`);
  }
}

if (mode === "install") await installForever(log);
else {
  say("ready");
  await (mode === "checkpoint" ? checkpointForever() : appendForever());
}
