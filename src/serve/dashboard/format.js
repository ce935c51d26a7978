// Figures for people: percentages, milliseconds, deltas, times.
export const pct = (x, digits = 2) => (x === null || x === undefined ? "–" : `${(x * 100).toFixed(digits)}%`);
export const ms = (x) => (x === null || x === undefined ? "–" : x >= 100 ? `${Math.round(x)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`);
export const num = (x) => (x === null || x === undefined ? "–" : x.toLocaleString("en"));
export const times = (x) => (x === null || x === undefined ? "–" : `${x.toFixed(2)}×`);
export const usd = (x) => (x === null || x === undefined ? "–" : `$${x.toFixed(6)}`);
export const pp = (x) => (x === null || x === undefined ? "" : x === 0 ? "= previous" : `${x > 0 ? "+" : ""}${(x * 100).toFixed(2)} pp vs previous`);
export const ratio = (x) => (x === null || x === undefined ? "" : `${x.toFixed(2)}× previous`);
export const when = (iso) => (iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "short", timeStyle: "medium" }) : "–");
export const tone = (availability, target) => (availability === null || availability === undefined ? "" : availability >= target ? "good" : availability >= target - (1 - target) * 4 ? "warn" : "bad");
