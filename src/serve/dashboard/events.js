// The live event feed: the newest records, then every new event as it is appended (server-sent
// events, resumed from the last record seen after a drop).
import { api, follow } from "./api.js";
import { h, render } from "./dom.js";
import { when } from "./format.js";

const KEEP = 500;

export async function eventsView(signal) {
  const first = await api("/v1/events?tail=50&limit=200", { signal });
  const body = h("tbody");
  const state = h("span", { class: "live-state" }, "connecting…");
  const add = (e, top) => {
    const row = h("tr", { class: `ev ${e.type}` }, h("td", {}, String(e.seq)), h("td", {}, when(e.time)), h("td", {}, e.type), h("td", {}, e.subject), h("td", {}, e.actor), h("td", { class: "data" }, JSON.stringify(e.data).slice(0, 240)));
    if (top) body.prepend(row);
    else body.append(row);
    while (body.children.length > KEEP) body.lastElementChild.remove();
  };
  for (const e of first.events.slice().reverse()) add(e, false);
  void follow(`/v1/events/stream?from=${first.next}`, { signal, onMessage: (_type, e) => add(e, true), onState: (s) => render(state, s) });
  return h("section", { class: "events" },
    h("h1", {}, "Live events ", state),
    h("table", { class: "feed" }, h("thead", {}, h("tr", {}, ["seq", "time", "type", "subject", "actor", "data"].map((c) => h("th", {}, c)))), body),
  );
}
