// Trend charts with uPlot: the current window as a solid line, the previous window (shifted onto the
// same slots) dashed beside it, so a change shows at a glance.
import { h } from "./dom.js";

const COLORS = ["#1f6feb", "#d29922", "#a371f7", "#3fb950", "#f85149"];

/**
 * A chart of `series` ([{label, values, dashed?}]) over `times` (ISO strings). Returns the element;
 * uPlot draws into it once it is in the document and has a width.
 */
export function lineChart(title, times, series, { unit = "", height = 180, yRange } = {}) {
  const holder = h("div", { class: "chart", dataset: { chart: title } });
  const figure = h("figure", { class: "chart-box" }, h("figcaption", {}, title), holder);
  const xs = times.map((t) => Date.parse(t) / 1000);
  const data = [xs, ...series.map((s) => s.values.map((v) => (v === null || v === undefined ? null : v)))];
  const draw = () => {
    const width = Math.max(240, holder.clientWidth || 480);
    const opts = {
      width,
      height,
      cursor: { drag: { x: false, y: false } },
      legend: { live: true },
      scales: { x: { time: true }, y: yRange ? { range: (u, min, max) => yRange(min, max) } : {} },
      axes: [{ stroke: "#8b949e", grid: { stroke: "#30363d" } }, { stroke: "#8b949e", grid: { stroke: "#30363d" }, size: 60, values: (u, ticks) => ticks.map((t) => `${+t.toFixed(4)}${unit}`) }],
      series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: s.color ?? COLORS[i % COLORS.length], width: 2, dash: s.dashed ? [6, 4] : undefined, spanGaps: false }))],
    };
    new window.uPlot(opts, data, holder);
  };
  // Draw once attached (uPlot needs the width the layout gives).
  requestAnimationFrame(() => (window.uPlot ? draw() : addEventListener("load", draw, { once: true })));
  return figure;
}

/** A trend (from GET /v1/slo/trend) as charts: volume, availability, latency, burn, cost. */
export function trendCharts(trend) {
  const t = trend.current.map((p) => p.t);
  const cur = (k) => trend.current.map((p) => p[k]);
  const prev = (k) => trend.previous.map((p) => p[k]);
  const availability = (points) => points.map((p) => (p.availability === null ? null : p.availability * 100));
  return h("div", { class: "charts" },
    lineChart("Calls per slot", t, [{ label: "calls", values: cur("calls") }, { label: "previous window", values: prev("calls"), dashed: true }, { label: "failures", values: cur("failures"), color: "#f85149" }]),
    lineChart("Availability %", t, [{ label: "availability", values: availability(trend.current) }, { label: "previous window", values: availability(trend.previous), dashed: true }], { unit: "%", yRange: (min) => [Math.min(Number.isFinite(min) ? Math.floor(min) : 99, 99), 100] }),
    lineChart("Latency (ms)", t, [{ label: "p50", values: cur("p50") }, { label: "p95", values: cur("p95") }, { label: "p99", values: cur("p99") }, { label: "p95 previous", values: prev("p95"), dashed: true }]),
    lineChart("Error budget burn rate", t, [{ label: "burn", values: cur("burnRate") }, { label: "previous window", values: prev("burnRate"), dashed: true }], { unit: "×" }),
    lineChart("CPU ms per success", t, [{ label: "cpu ms / ok", values: cur("cpuMsPerSuccess") }, { label: "previous window", values: prev("cpuMsPerSuccess"), dashed: true }]),
  );
}
