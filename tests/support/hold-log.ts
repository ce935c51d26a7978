// A child process that opens the file log in argv[2] for writing, appends one event, says "ready"
// and waits to be killed. Used to test the one-writer lock across real processes.
import { openFileLog } from "../../src/events/index.ts";
import { counterIds, steppingClock } from "./deterministic.ts";

const log = await openFileLog({ dir: process.argv[2]!, clock: steppingClock(), newId: counterIds("child"), actor: "child" });
await log.append([{ type: "OperatorNote", subject: "capsmith.evt.note.child", data: { text: "from the child" } }]);
process.stdout.write("ready\n");
setInterval(() => undefined, 1_000);
