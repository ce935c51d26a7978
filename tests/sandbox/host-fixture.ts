/** A plugin host for one test file: made before its tests (with whatever setup they share), closed after. */
import { afterAll, beforeAll } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost, PluginHostOptions } from "../../src/sandbox/index.ts";

export function useHost(options: PluginHostOptions = { workers: 1 }, setup?: (host: PluginHost) => Promise<unknown>): () => PluginHost {
  let host: PluginHost | undefined;
  beforeAll(async () => {
    host = createPluginHost(options);
    await setup?.(host);
  });
  afterAll(async () => {
    await host?.close();
  });
  return () => host!;
}

/** A plugin every file can check the host still answers with: `benign(x) = x + 1`. */
export const loadBenign = (host: PluginHost): Promise<unknown> => host.load({ id: "benign", code: `export default (x) => x + 1` });
