/**
 * A tester agent in a real process on an embedded data directory, for the redrive crash attack:
 *   node redrive-agent-child.ts DIR MODE ACK_WAIT_MS
 * It runs the agent loop with one tester reactor on the gap subjects that, for the note "poison",
 * prints `handling ID` and then (MODE hang) never finishes — to be SIGKILLed holding it — or
 * (MODE ok) prints `handled ID`. Every other note it passes over, printing `seen ID`. It prints
 * `ready` once the loop runs, and stops on stdin EOF.
 */
import { pino } from "pino";
import { startAgents } from "../../src/agents/loop/start-agents.ts";
import type { Reactor } from "../../src/agents/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "./capsmith.ts";

const [dir, mode, ackWait] = process.argv.slice(2) as [string, string, string];
const out = (line: string): boolean => process.stdout.write(`${line}\n`);
const capsmith = await openTestCapsmith({ dir });
const reactor: Reactor = {
  role: "tester",
  filter: "capsmith.evt.gap.>",
  async handle(event) {
    if (event.type !== "OperatorNote" || (event.data as { text: string }).text !== "poison") {
      out(`seen ${event.id}`);
      return;
    }
    out(`handling ${event.id}`);
    if (mode === "hang") await new Promise(() => undefined);
    out(`handled ${event.id}`);
  },
};
const agents = await startAgents(capsmith.readModel, [reactor], { clock: systemClock, newId: uuidIds, logger: pino({ level: "silent" }) }, { maxAttempts: 2, ackWaitMs: Number(ackWait) });
out("ready");
process.stdin.resume();
process.stdin.on("end", () => {
  void agents.stop().then(() => capsmith.close()).then(() => process.exit(0));
});
