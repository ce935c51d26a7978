import { SandboxError } from "./errors.ts";
import { createPluginHost } from "./plugin-host.ts";
import type { PluginHostOptions } from "./plugin-host.ts";
import type { CallOptions, CallResult, PluginDefinition } from "./types.ts";

/**
 * Loads one plugin into a fresh one-worker host, calls it once and closes the host, whatever the
 * plugin does (what `capsmith sandbox exec` runs). Load failures come back as `{ ok: false }` too.
 */
export async function runPluginOnce(
  plugin: Omit<PluginDefinition, "id"> & { id?: string },
  input: unknown,
  options: { host?: PluginHostOptions; call?: CallOptions } = {},
): Promise<CallResult> {
  // One call: no background lane (moving its worker there would only start another process).
  const host = createPluginHost({ workers: 1, backgroundAfterMs: Number.POSITIVE_INFINITY, ...options.host });
  try {
    const handle = await host.load({ ...plugin, id: plugin.id ?? "exec" });
    return await host.call(handle, input, options.call);
  } catch (err) {
    if (err instanceof SandboxError) return { ok: false, error: err, logs: [] };
    throw err;
  } finally {
    await host.close();
  }
}
