/**
 * The hub as a table, the same in `capsmith plugin list` and the REPL's `/plugins`: one row per
 * plugin (its status says which version is active), then what waits for an operator. The layout
 * hints say which columns are counts and which give way first on a narrow terminal.
 */
import type { HubState } from "../../projections/index.ts";

export interface PluginTable {
  columns: string[];
  rows: string[][];
  layout: { right: number[]; shrink: number[] };
}

const COLUMNS = ["plugin", "status", "tier", "profile", "calls", "fails", "origin"];

export function pluginTable(hub: HubState, options: { all?: boolean; waiting?: readonly { pluginId: string; gapId: string }[] } = {}): PluginTable {
  const plugins = Object.values(hub.plugins)
    .filter((p) => options.all || (p.status !== "uninstalled" && p.status !== "failed"))
    .sort((a, b) => (a.capability < b.capability ? -1 : a.capability > b.capability ? 1 : a.installedSeq - b.installedSeq));
  const rows = plugins.map((p) => [
    p.id, p.status, p.tier, p.profile, String(p.usage.calls), String(p.usage.failures),
    String((p.manifest["provenance"] as { origin?: string } | undefined)?.origin ?? ""),
  ]);
  for (const w of options.waiting ?? []) rows.push([w.pluginId, "awaiting approval", "-", "-", "", "", `gap ${w.gapId.slice(0, 8)}`]);
  // origin, profile and status give way before the plugin id, which people need whole.
  return { columns: COLUMNS, rows, layout: { right: [4, 5], shrink: [6, 3, 1] } };
}
