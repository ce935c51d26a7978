// Plugins policy holds for an operator: what they are, why they are held, their tests, and approve /
// reject. The buttons call the API with the operator's bearer token (never a cookie).
import { api } from "./api.js";
import { h, render, viewLink } from "./dom.js";

export async function approvalsView(signal, me, refresh) {
  const { approvals } = await api("/v1/approvals", { signal });
  const operator = me.permissions.includes("approve");
  const note = !operator
    ? h("p", { class: "notice" }, `Your token's role is ${me.role}: only an operator token may approve or reject.`)
    : !me.approveKey
      ? h("p", { class: "notice" }, "This server holds no operator key (start it with --approve-key NAME): approving here needs one. Rejecting works.")
      : h("p", { class: "muted" }, `Approvals are signed with the server's operator key ${me.approveKey.slice(0, 16)}….`);
  return h("section", { class: "approvals" },
    h("h1", {}, "Pending approvals"),
    note,
    approvals.length === 0 ? h("p", { class: "muted empty" }, "Nothing waits for an operator.") : approvals.map((a) => item(a, operator, Boolean(me.approveKey), refresh)),
  );
}

function item(a, operator, canSign, refresh) {
  const status = h("p", { class: "result" });
  const reason = h("input", { type: "text", placeholder: "why reject (required to reject)", "aria-label": `reason to reject ${a.pluginId}` });
  const act = async (path, body) => {
    try {
      await api(path, { method: "POST", body });
      render(status, "done");
      refresh();
    } catch (err) {
      render(status, `error [${err.code}]: ${err.message}`, err.nextStep ? ` — ${err.nextStep}` : "");
    }
  };
  return h("article", { class: "approval", dataset: { plugin: a.pluginId } },
    h("h2", {}, a.pluginId),
    h("ul", {},
      h("li", {}, "held because: ", a.reasons.join("; ") || "policy"),
      h("li", {}, `profile ${a.profile}, permissions ${JSON.stringify(a.permissions)}`),
      h("li", {}, a.tests ? `tests: ${a.tests.passed} passed, ${a.tests.failed} failed` : "no test report"),
      h("li", {}, "code checksum ", h("code", {}, a.checksum)),
      a.activeId ? h("li", {}, "would replace ", viewLink(a.activeId, "plugin", a.activeId)) : null,
    ),
    h("div", { class: "actions" },
      h("button", { class: "approve", disabled: !operator || !canSign, onclick: () => act(`/v1/approvals/${encodeURIComponent(a.pluginId)}/approve`, { note: "approved in the dashboard" }) }, "Approve"),
      reason,
      h("button", { class: "reject", disabled: !operator, onclick: () => (reason.value.trim() ? act(`/v1/approvals/${encodeURIComponent(a.pluginId)}/reject`, { reason: reason.value.trim() }) : render(status, "give a reason to reject")) }, "Reject"),
    ),
    status,
  );
}
