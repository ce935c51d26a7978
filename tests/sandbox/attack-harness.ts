/**
 * What the sandbox attack rounds (tests/sandbox/attack-round*.test.ts) share: a host for one test,
 * a result's code, the workers' pids, and the check that a hostile call ended on its own.
 */
import { expect } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { CallResult, PluginDefinition, PluginHost, PluginLimits } from "../../src/sandbox/index.ts";

/** A call's outcome as one word: "ok" or its error code. */
export const code = (r: CallResult): string => (r.ok ? "ok" : r.error.code);

/** The pid of every worker of `h`. */
export const pids = async (h: PluginHost): Promise<(number | undefined)[]> => (await h.stats()).map((s) => s.pid);

/** Runs `body` with a fresh host, closed afterwards whatever happens. */
export const withHost = async (options: Parameters<typeof createPluginHost>[0], body: (h: PluginHost) => Promise<void>): Promise<void> => {
  const h = createPluginHost(options);
  try {
    await body(h);
  } finally {
    await h.close();
  }
};

/**
 * `hostile` (loaded as "hostile") runs next to a benign plugin on a host made with `options`: its
 * call must end with one of `codes` by the worker's own doing (no `observed`, such as "host_timer"),
 * its worker kept, and the benign plugin must still answer.
 */
export const besideBenign = (options: Parameters<typeof createPluginHost>[0], hostile: Omit<PluginDefinition, "id">, codes: string[]): Promise<void> =>
  withHost(options, async (h) => {
    await h.load({ id: "benign", code: `export default (x) => x + 1` });
    await h.load({ id: "hostile", ...hostile });
    const before = await pids(h);
    const r = await h.call("hostile", null);
    expect(codes).toContain(code(r));
    if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
    expect(await pids(h)).toEqual(expect.arrayContaining(before));
    expect(await h.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
  });

/**
 * A plugin whose default export is `source` runs next to a benign one on one worker: its call must
 * end `timeout` by the worker's own check (no `observed: "host_timer"`), or be refused at once with
 * one of `refusals` (a bound the sandbox documents), its worker kept, and the benign plugin must
 * still answer.
 */
export const endsOnItsOwn = (source: string, limits: PluginLimits = {}, refusals: string[] = [], graceMs = 1_000): Promise<void> =>
  besideBenign({ workers: 1, graceMs }, { limits: { timeoutMs: 500, ...limits }, code: source }, ["timeout", ...refusals]);
