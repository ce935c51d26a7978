// The API from the browser: the bearer token (kept in this tab's sessionStorage, never in a cookie,
// so another site cannot make the browser act with it), JSON calls, and server-sent events read with
// fetch (EventSource cannot send an Authorization header), resuming from the last record seen.
const KEY = "capsmith.token";

export function takeTokenFromUrl() {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!m) return;
  sessionStorage.setItem(KEY, decodeURIComponent(m[1]));
  history.replaceState(null, "", location.pathname + "#/");
}

export const token = () => sessionStorage.getItem(KEY);
export const setToken = (t) => sessionStorage.setItem(KEY, t);
export const forgetToken = () => sessionStorage.removeItem(KEY);

export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = error?.code ?? "http_error";
    this.nextStep = error?.nextStep;
  }
}

export async function api(path, { method = "GET", body, signal } = {}) {
  const res = await fetch(path, {
    method,
    signal,
    headers: { authorization: `Bearer ${token() ?? ""}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, json.error);
  return json;
}

/** Follows an SSE endpoint until `signal` aborts, reconnecting after a drop with Last-Event-ID. */
export async function follow(path, { onMessage, onState, signal }) {
  let lastId;
  while (!signal.aborted) {
    try {
      const res = await fetch(path, { signal, headers: { authorization: `Bearer ${token() ?? ""}`, accept: "text/event-stream", ...(lastId ? { "last-event-id": lastId } : {}) } });
      if (!res.ok) {
        const json = await res.json().catch(() => ({}));
        throw new ApiError(res.status, json.error);
      }
      onState?.("live");
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const message = { event: "message", data: "" };
          for (const line of block.split("\n")) {
            if (line.startsWith("data: ")) message.data += line.slice(6);
            else if (line.startsWith("event: ")) message.event = line.slice(7);
            else if (line.startsWith("id: ")) lastId = line.slice(4);
          }
          if (message.data) onMessage(message.event, JSON.parse(message.data));
        }
      }
    } catch (err) {
      if (signal.aborted) return;
      onState?.(err instanceof ApiError ? `error: ${err.message}` : "reconnecting…");
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) return;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}
