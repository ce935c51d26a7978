/**
 * A second capsmith process on a shared data directory that keeps invoking a capability while
 * another process updates it:
 *   node invoke-loop-child.ts DATA_DIR CAPABILITY UNTIL_PLUGIN_ID
 * prints `ready` once it has served one call, `fail PLUGIN CODE MESSAGE` for every call that did not
 * answer, then `done CALLS FAILURES SEEN` once UNTIL_PLUGIN_ID has served 10 calls (SEEN: the plugin
 * ids that answered, comma-separated).
 */
import { invokeCapability, openTestCapsmith } from "../support/capsmith.ts";

const [dir, capability, until] = process.argv.slice(2) as [string, string, string];
const capsmith = await openTestCapsmith({ dir, roles: [] });
const say = (line: string): boolean => process.stdout.write(`${line}\n`);
let calls = 0;
let failures = 0;
let afterUntil = 0;
const seen = new Set<string>();
try {
  for (let n = 1; afterUntil < 10; n++) {
    const result = await invokeCapability(capsmith.runtime, capability, { n });
    calls++;
    if (result.ok && result.output === n * 2) {
      seen.add(result.pluginId);
      if (result.pluginId === until) afterUntil++;
    } else {
      failures++;
      say(`fail ${result.pluginId} ${result.error?.code ?? "wrong_output"} ${result.error?.message ?? JSON.stringify(result.output)}`);
    }
    if (calls === 1) say("ready");
  }
  say(`done ${calls} ${failures} ${[...seen].join(",")}`);
} finally {
  await capsmith.close();
}
