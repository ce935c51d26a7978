// A governor process that answers one slo quarantine on the data directory in argv and dies where
// its fault plan says (CAPSMITH_FAULT=crash:<phase>): the rollback transaction it leaves for a
// takeover. Signs as SIGN_KEY when given (a signed data directory), else writes unsigned.
// argv: DATA_DIR QUARANTINE_SEQ CLOCK_MS POLICY_JSON [SIGN_KEY]
import { createSloRollback } from "../../src/agents/slo-rollback.ts";
import { subjectFor } from "../../src/events/index.ts";
import type { StoredEvent } from "../../src/events/index.ts";
import { parsePolicy } from "../../src/hub/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";

const [dir, seqArg, clockArg, policyJson, signKey] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const policy = parsePolicy(JSON.parse(policyJson));
const now = new Date(Number(clockArg));
const fault = process.env["CAPSMITH_FAULT"] ?? "";
const governor = await openTestCapsmith({ dir, policy, clock: { now: () => now }, roles: [], config: { fault, ...(signKey ? { signKey } : {}) } });
let quarantine: StoredEvent<"PluginQuarantined"> | undefined;
for await (const e of governor.log.read(subjectFor("plugin", "double_it"), { fromSeq: Number(seqArg), untilSeq: Number(seqArg) })) quarantine = e as StoredEvent<"PluginQuarantined">;
if (!quarantine) throw new Error(`no event at seq ${seqArg}`);
await createSloRollback({ hub: governor.runtime.hub, policy }).handle(quarantine, governor.runtime.agents.ctx);
process.stdout.write("finished without a crash\n");
await governor.dispose();
