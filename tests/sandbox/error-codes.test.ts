/**
 * F8: a call's error code comes from what the host observed (the timer, heap statistics, the
 * worker's memory), never from text the plugin controls: a plugin cannot make its own failure look
 * like `memory_limit`, `timeout` or a crash.
 */
import { describe, expect, it } from "vitest";
import { useHost } from "./host-fixture.ts";

describe("error codes come from the host's observations", () => {
  const host = useHost();

  const forged: [string, string][] = [
    ["a thrown RangeError that reads like an allocation failure", `export default () => { throw new RangeError("Array buffer allocation failed"); }`],
    ["a thrown RangeError: Invalid string length", `export default () => { throw new RangeError("Invalid string length"); }`],
    ["a thrown object with a code", `export default () => { throw { code: "memory_limit", name: "RangeError", message: "allocation failed" }; }`],
    ["an unhandled rejection that says memory limit", `export default () => { Promise.reject(new Error("Isolate was disposed during execution due to memory limit")); return 1; }`],
    ["an unhandled rejection that says timed out", `export default () => { Promise.reject(new Error("Script execution timed out.")); return 1; }`],
    ["a toJSON that throws an allocation failure", `export default () => ({ toJSON() { throw new RangeError("Invalid string length"); } })`],
  ];

  for (const [name, code] of forged) {
    it(`is not fooled by ${name}`, async () => {
      await host().load({ id: "forger", code });
      const r = await host().call("forger", null);
      expect(r.ok ? "ok" : r.error.code).toBeOneOf(["plugin_error", "output_invalid"]);
    });
  }

  it("still reports a real memory limit and a real timeout", async () => {
    await host().load({ id: "hog", code: `export default () => { const a = []; for (;;) a.push(new Array(1e5).fill(1)); }`, limits: { timeoutMs: 5_000 } });
    expect(await host().call("hog", null)).toMatchObject({ ok: false, error: { code: "memory_limit" } });
    await host().load({ id: "spin", code: `export default () => { for (;;) {} }`, limits: { timeoutMs: 200 } });
    expect(await host().call("spin", null)).toMatchObject({ ok: false, error: { code: "timeout" } });
  });
});
