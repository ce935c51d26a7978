/**
 * A governor in its own process on a shared data directory:
 *   node governor-child.ts DATA_DIR LEASE_MS ACK_WAIT_MS [FAULT]
 * FAULT (e.g. crash:health-check) SIGKILLs it at that point of an install. Prints `ready` once its
 * agents run; ends on stdin EOF.
 */
import { openTestCapsmith } from "../support/capsmith.ts";

const [dir, leaseMs, ackWaitMs, fault] = process.argv.slice(2) as [string, string, string, string | undefined];
const capsmith = await openTestCapsmith({ dir, roles: ["governor"], ackWaitMs: Number(ackWaitMs), config: { installLeaseMs: Number(leaseMs), ...(fault ? { fault } : {}) } });
process.stdout.write("ready\n");
process.stdin.resume();
process.stdin.on("end", () => void capsmith.close().then(() => process.exit(0)));
