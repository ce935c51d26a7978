// One plugin: versions and tier, SLO trends over 7 or 30 days against the window before, latency
// percentiles, error budget, cost per success, the install timeline (phases, rollbacks), audit trail.
import { api } from "./api.js";
import { trendCharts } from "./charts.js";
import { card, h, table, viewLink } from "./dom.js";
import { ms, num, pct, pp, ratio, times, tone, usd, when } from "./format.js";

const PHASES = ["download", "verify", "dependency-prepare", "activate", "health-check"];

export async function pluginView(signal, id, window = "7d") {
  const shown = await api(`/v1/plugins/${encodeURIComponent(id)}`, { signal });
  const p = shown.plugin;
  const [slo, audit, trend] = await Promise.all([
    api(`/v1/slo?window=${window}&plugin=${encodeURIComponent(p.id)}`, { signal }),
    api(`/v1/audit?plugin=${encodeURIComponent(p.capability)}&limit=200`, { signal }),
    api(`/v1/slo/trend?window=${window}&id=${encodeURIComponent(p.id)}`, { signal }).catch(() => null),
  ]);
  const row = slo.plugins[0];
  const c = row?.current;
  const target = slo.targets.availability;
  const description = typeof p.spec?.description === "string" ? p.spec.description : "";
  return h("section", { class: "plugin" },
    h("p", { class: "crumbs" }, viewLink("Fleet", ""), " / ", p.capability),
    h("h1", {}, p.id, " ", h("span", { class: `pill ${p.status}` }, p.status), " ", h("span", { class: `pill tier ${p.tier}` }, p.tier)),
    h("p", { class: "muted" }, description, ` · profile ${p.profile} · installed at seq ${p.installedSeq}`),
    h("div", { class: "window-switch" }, "Window: ",
      ["7d", "30d"].map((w) => (w === window ? h("strong", {}, w) : viewLink(w, "plugin", p.id, w))), " — each against the window before it"),
    h("div", { class: "cards" },
      card(`Calls, ${window}`, num(c?.calls ?? 0), row ? ratio(row.trend.callsPerHour) : ""),
      card("Availability", pct(c?.availability), row ? pp(row.trend.availability) || `target ${pct(target)}` : "", tone(c?.availability, target)),
      card("Latency p50 / p95 / p99", c?.latencyMs ? `${ms(c.latencyMs.p50)} / ${ms(c.latencyMs.p95)} / ${ms(c.latencyMs.p99)}` : "–", row ? ratio(row.trend.p95) : ""),
      card("Error budget left", pct(c?.errorBudget.remaining, 1), `burn rate ${times(c?.errorBudget.burnRate)}`, c && c.errorBudget.remaining !== null && c.errorBudget.remaining < 0 ? "bad" : ""),
      card("Cost per success", ms(c?.cost.cpuMsPerSuccess), c?.cost.costUsdPerSuccess == null ? "CPU time" : usd(c.cost.costUsdPerSuccess)),
      card("Previous window", c ? `${num(row.previous.calls)} calls` : "–", row ? `availability ${pct(row.previous.availability)}, p95 ${ms(row.previous.latencyMs?.p95)}` : ""),
    ),
    trend ? trendCharts(trend) : h("p", { class: "muted" }, "No usage recorded yet: the charts draw once the plugin has been called."),
    h("h2", {}, "Versions"),
    table(["version", "status", "tier", "calls", "failures", ""], shown.versions.map((v) => [viewLink(v.version, "plugin", v.id), v.status, v.tier, num(v.usage.calls), num(v.usage.failures), v.active ? "● active" : ""]), { class: "versions" }),
    h("h2", {}, "Install timeline"),
    shown.history.length === 0 ? h("p", { class: "muted" }, "no installs") : h("ol", { class: "timeline" }, shown.history.slice().reverse().map((tx) => timelineItem(tx))),
    h("h2", {}, "Audit trail"),
    table(["seq", "time", "actor", "what"], audit.entries.slice().reverse().map((e) => [String(e.seq), when(e.time), e.actor + (e.keyId ? ` (key ${e.keyId.slice(0, 12)}…)` : ""), e.what]), { class: "audit" }),
  );
}

function timelineItem(tx) {
  const done = new Set(tx.phases.map((ph) => ph.phase));
  const failedAt = tx.failure?.phase;
  return h("li", { class: `tx ${tx.outcome}` },
    h("div", { class: "tx-head" }, h("strong", {}, `${tx.kind} ${tx.pluginId}`), " ", h("span", { class: `pill ${tx.outcome}` }, tx.outcome.replace("_", " ")), " ", h("span", { class: "muted" }, when(tx.startedAt), ` · seq ${tx.startedSeq}`)),
    h("div", { class: "phases" }, PHASES.map((ph) => h("span", { class: `phase ${done.has(ph) ? "done" : ph === failedAt ? "failed" : ""}`, title: ph }, ph))),
    tx.failure ? h("div", { class: "failure" }, `failed at ${tx.failure.phase}: [${tx.failure.code}] ${tx.failure.message}; ${tx.failure.restored ? `rolled back to ${tx.failure.restored}` : "no version active"}`) : null,
  );
}
