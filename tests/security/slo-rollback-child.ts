// A governor process that answers one slo quarantine and is SIGKILLed mid-rollback by its fault plan
// (CAPSMITH_FAULT=crash:<phase>): what a governor that dies between the rollback transaction's steps
// leaves in the log. argv: DATA_DIR QUARANTINE_SEQ CLOCK_MS POLICY_JSON
import { createSloRollback } from "../../src/agents/slo-rollback.ts";
import { subjectFor } from "../../src/events/index.ts";
import type { StoredEvent } from "../../src/events/index.ts";
import { parsePolicy } from "../../src/hub/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";

const [dir, seqArg, clockArg, policyJson] = process.argv.slice(2) as [string, string, string, string];
const policy = parsePolicy(JSON.parse(policyJson));
const now = new Date(Number(clockArg));
const governor = await openTestCapsmith({ dir, policy, clock: { now: () => now }, roles: [], config: { signKey: "governor", fault: process.env["CAPSMITH_FAULT"] ?? "" } });
let quarantine: StoredEvent<"PluginQuarantined"> | undefined;
for await (const e of governor.log.read(subjectFor("plugin", "double_it"), { fromSeq: Number(seqArg), untilSeq: Number(seqArg) })) quarantine = e as StoredEvent<"PluginQuarantined">;
if (!quarantine) throw new Error(`no event at seq ${seqArg}`);
await createSloRollback({ hub: governor.runtime.hub, policy }).handle(quarantine, governor.runtime.agents.ctx);
process.stdout.write("finished without a crash\n");
await governor.dispose();
