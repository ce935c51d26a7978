/**
 * Which plugins are tools, watched: one `readModel.onChange` subscription per process, a cheap
 * signature of the active plugins compared after each change (debounced, since every invocation
 * grows the log), and listeners told only when the set of tools really changed.
 */
import type { ReadModel } from "../../../projections/index.ts";
import { coalesced } from "../../platform/coalesce.ts";
import { activePlugins } from "./tools.ts";

export interface ToolCatalog {
  /** `listener` runs when the active plugins change; returns the unsubscribe. */
  onToolsChanged(listener: () => void): () => void;
  close(): void;
}

export async function createToolCatalog(readModel: ReadModel, options: { debounceMs?: number } = {}): Promise<ToolCatalog> {
  const listeners = new Set<() => void>();
  const debounceMs = options.debounceMs ?? 25;
  let timer: NodeJS.Timeout | undefined;

  const signatureNow = async (): Promise<string> =>
    activePlugins(await readModel.state("hub")).map((p) => `${p.id}:${p.tier}`).join(",");

  let signature = await signatureNow();
  // Checks never overlap: news during a check asks once more after it.
  const check = coalesced(async () => {
    const now = await signatureNow();
    const changed = now !== signature;
    signature = now;
    if (changed) for (const l of [...listeners]) l();
  });

  const off = readModel.onChange(() => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void check().catch(() => undefined);
    }, debounceMs);
  });

  return {
    onToolsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      off();
      if (timer) clearTimeout(timer);
      listeners.clear();
    },
  };
}
