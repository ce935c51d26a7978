// A child process that installs a package into the file log in argv[2] from the JSON file argv[3],
// with CAPSMITH_FAULT honoured, then prints the outcome. Crash tests SIGKILL it through the fault plan.
import { readFile } from "node:fs/promises";
import { openFileLog } from "../../src/events/index.ts";
import { createHubService } from "../../src/hub/hub-service.ts";
import { parseFaults } from "../../src/hub/faults.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { openReadModel } from "../../projections/index.ts";
import { checksumVerify } from "./plugin-packages.ts";

const log = await openFileLog({ dir: process.argv[2]!, clock: systemClock, newId: uuidIds, actor: "governor" });
const sandbox = createPluginHost({ workers: 1 });
const readModel = await openReadModel({ log, identity: async () => "file:install-child" });
const service = createHubService({ log, readModel, sandbox, newId: uuidIds, verify: (pkg) => checksumVerify(pkg), tierFor: () => ({ tier: "T1", reasons: ["tests pass"] }), faults: parseFaults(process.env["CAPSMITH_FAULT"]) });
const outcome = await service.install(JSON.parse(await readFile(process.argv[3]!, "utf8")), { source: "test" });
process.stdout.write(JSON.stringify(outcome) + "\n");
await sandbox.close();
await log.close();
