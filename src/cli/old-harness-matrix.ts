/**
 * A `harness/` an older capsmith wrote: before compat-matrix.json carried its `format` (commit
 * 7054519), `plugin harness` wrote the bare report, `JSON.stringify(report, null, 2)`, and
 * compat-matrix.md beside it from the same report. A data directory the harness ran on first holds
 * only that folder, so it is told for capsmith's by its exact shape, never by its name: both files
 * must be there, the JSON exactly the old report (its keys in the writer's order, their types, no
 * other key, the writer's own spacing) and the Markdown exactly what the old writer made of that
 * report. A user's own harness/compat-matrix.json matches none of that and stays foreign.
 */

/** The old report's keys, in the order its writer put them (JSON.stringify keeps it). */
const REPORT_KEYS = ["ok", "hostVersion", "plugins", "matrix"];
const PLUGIN_KEYS = ["pluginId", "ok", "checks"];
const CHECK_KEYS = ["step", "ok", "detail"];
const CELL_KEYS = ["plugin", "version", "host", "api", "compatible", "errors"];
/** What a check's step was: a harness step, or an install phase with a failure injected. */
const STEP = /^(install|configure|execute|update|rollback|uninstall|fault:[a-z_-]+)$/;

interface OldCheck { step: string; ok: boolean; detail: string }
interface OldPlugin { pluginId: string; ok: boolean; checks: OldCheck[] }
interface OldCell { plugin: string; version: string; host: string; api: string; compatible: boolean; errors: string[] }
interface OldReport { ok: boolean; hostVersion: string; plugins: OldPlugin[]; matrix: OldCell[] }

/** Whether `json` and `markdown` (compat-matrix.json and compat-matrix.md) are exactly what an older plugin harness wrote. */
export function isOldHarnessMatrix(json: string, markdown: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return false;
  }
  if (!isOldReport(value)) return false;
  return json === JSON.stringify(value, null, 2) + "\n" && markdown === oldMarkdown(value);
}

function isOldReport(value: unknown): value is OldReport {
  if (!hasKeys(value, REPORT_KEYS)) return false;
  const { ok, hostVersion, plugins, matrix } = value;
  if (typeof ok !== "boolean" || typeof hostVersion !== "string" || !/^\d+\.\d+\.\d+\S*$/.test(hostVersion)) return false;
  if (!Array.isArray(plugins) || !plugins.every(isOldPlugin) || !Array.isArray(matrix) || !matrix.every(isOldCell)) return false;
  return ok === plugins.every((p) => p.ok);
}

function isOldPlugin(value: unknown): value is OldPlugin {
  if (!hasKeys(value, PLUGIN_KEYS)) return false;
  const { pluginId, ok, checks } = value;
  return typeof pluginId === "string" && typeof ok === "boolean" && Array.isArray(checks) && checks.length > 0 && checks.every(isOldCheck);
}

function isOldCheck(value: unknown): value is OldCheck {
  return hasKeys(value, CHECK_KEYS) && typeof value.step === "string" && STEP.test(value.step) && typeof value.ok === "boolean" && typeof value.detail === "string";
}

function isOldCell(value: unknown): value is OldCell {
  if (!hasKeys(value, CELL_KEYS)) return false;
  const { plugin, version, host, api, compatible, errors } = value;
  return [plugin, version, host, api].every((s) => typeof s === "string") && typeof compatible === "boolean" && Array.isArray(errors) && errors.every((e) => typeof e === "string");
}

/** An object whose keys are exactly `keys`, in that order. */
function hasKeys(value: unknown, keys: readonly string[]): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const own = Object.keys(value);
  return own.length === keys.length && own.every((key, i) => key === keys[i]);
}

/**
 * compat-matrix.md as the older writer made it (harnessMarkdown as of then), kept here as it was:
 * the live writer may change, what older versions left on disk does not.
 */
function oldMarkdown(report: OldReport): string {
  const lines = [`# Plugin harness (host ${report.hostVersion})`, "", `Result: ${report.ok ? "all passed" : "FAILURES"}`, ""];
  for (const p of report.plugins) {
    lines.push(`## ${p.pluginId}: ${p.ok ? "passed" : "failed"}`, "", "| step | ok | detail |", "|---|---|---|");
    for (const c of p.checks) lines.push(`| ${c.step} | ${c.ok ? "yes" : "NO"} | ${c.detail.replace(/\|/g, "\\|").replace(/\n/g, " ")} |`);
    lines.push("");
  }
  lines.push("## Compatibility matrix", "", "| plugin | version | host | API | compatible | errors |", "|---|---|---|---|---|---|");
  for (const m of report.matrix) lines.push(`| ${m.plugin} | ${m.version} | ${m.host} | ${m.api} | ${m.compatible ? "yes" : "no"} | ${m.errors.join(", ")} |`);
  return lines.join("\n") + "\n";
}
