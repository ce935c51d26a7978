import { it } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
it("probe", { timeout: 120_000 }, async () => {
  const h = createPluginHost({ workers: 1, graceMs: 30_000 });
  try {
    await h.load({ id: "slow", allow: ["eval"], limits: { timeoutMs: 300 }, code: `export default () => { const t = "({ async [/*" + "/* ".repeat(43600) + "[*/ 'k']() {} })"; let n = 0; for (;;) { n++; try { eval(t); } catch (e) { return e.code ?? e.name; } host.log(String(n)); } }` });
    await h.load({ id: "small", allow: ["eval"], limits: { timeoutMs: 300 }, code: `export default () => { let n = 0; for (;;) { n++; try { eval("1+1"); } catch (e) { return e.code ?? e.name; } } }` });
    await h.load({ id: "loop", limits: { timeoutMs: 300 }, code: `export default () => { for (;;) {} }` });
    for (const id of ["loop", "small", "slow", "slow"]) {
      const s = performance.now();
      const r = await h.call(id, null);
      console.log(id, "wall", Math.round(performance.now() - s), JSON.stringify(r).slice(0, 300));
    }
  } finally { await h.close(); }
});
