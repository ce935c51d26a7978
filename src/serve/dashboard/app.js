// The dashboard: a token to sign in with (kept in this tab only), hash routes to the views, and a
// live subscription to the gap subjects that keeps the pending-approvals count current.
import { api, ApiError, follow, forgetToken, setToken, takeTokenFromUrl, token } from "./api.js";
import { approvalsView } from "./approvals.js";
import { h, render } from "./dom.js";
import { eventsView } from "./events.js";
import { fleetView } from "./fleet.js";
import { pluginView } from "./plugin.js";

const view = document.getElementById("view");
const who = document.getElementById("who");
const badge = document.getElementById("approval-count");
let me;
let current;
let live;

function route() {
  const parts = location.hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] === "plugin" && parts[1]) return { name: "plugin", id: parts[1], window: parts[2] === "30d" ? "30d" : "7d" };
  if (parts[0] === "events") return { name: "events" };
  if (parts[0] === "approvals") return { name: "approvals" };
  return { name: "fleet" };
}

async function show() {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const r = route();
  for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("here", a.dataset.view === r.name);
  render(view, h("p", { class: "loading" }, "Loading…"));
  try {
    const page =
      r.name === "plugin" ? await pluginView(controller.signal, r.id, r.window)
        : r.name === "events" ? await eventsView(controller.signal)
          : r.name === "approvals" ? await approvalsView(controller.signal, me, () => void show())
            : await fleetView(controller.signal);
    if (!controller.signal.aborted) render(view, page);
    document.body.dataset.view = r.name;
    document.body.dataset.ready = "true";
  } catch (err) {
    if (controller.signal.aborted) return;
    if (err instanceof ApiError && err.status === 401) return signIn("That token is not accepted (revoked, or from another server).");
    render(view, h("div", { class: "error" }, h("h1", {}, "Could not load this page"), h("p", {}, `[${err.code ?? "error"}] ${err.message}`), err.nextStep ? h("p", {}, err.nextStep) : null));
  }
}

async function refreshBadge() {
  const { approvals } = await api("/v1/approvals").catch(() => ({ approvals: [] }));
  badge.hidden = approvals.length === 0;
  render(badge, String(approvals.length));
}

function signIn(problem) {
  live?.abort();
  render(who);
  render(view, h("section", { class: "signin" },
    h("h1", {}, "Sign in"),
    h("p", {}, "Paste a capsmith token. capsmith serve made an operator token on its first start (its path is printed when it starts); ",
      h("code", {}, "capsmith tokens create --role viewer"), " makes a read-only one."),
    problem ? h("p", { class: "error" }, problem) : null,
    h("form", { onsubmit: (e) => { e.preventDefault(); setToken(e.target.token.value.trim()); void start(); } },
      h("input", { name: "token", type: "password", autocomplete: "off", placeholder: "csm_…", "aria-label": "token", required: true }),
      h("button", { type: "submit" }, "Sign in")),
  ));
}

async function start() {
  takeTokenFromUrl();
  if (!token()) return signIn();
  try {
    me = await api("/v1/me");
  } catch (err) {
    forgetToken();
    return signIn(err instanceof ApiError && err.status === 401 ? "That token is not accepted." : `The server did not answer: ${err.message}`);
  }
  render(who, `${me.label} · ${me.role} `, h("button", { class: "link", onclick: () => { forgetToken(); signIn(); } }, "sign out"));
  live?.abort();
  live = new AbortController();
  void refreshBadge();
  void follow("/v1/events/stream?filter=capsmith.evt.gap.>", {
    signal: live.signal,
    onMessage: (type) => {
      if (type === "ApprovalRequested" || type === "GapClosed" || type === "PluginApproved" || type === "PluginRejected") {
        void refreshBadge();
        if (route().name === "approvals") void show();
      }
    },
  });
  await show();
}

addEventListener("hashchange", () => void (token() && me ? show() : start()));
void start();
