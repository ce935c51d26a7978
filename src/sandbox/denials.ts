/**
 * PermissionDenied audit events, coalesced. A worker counts a call's refusals by kind; here, the
 * first refusal of a kind (plugin, operation, why: profile, allowlist, address, ...) is recorded at
 * once, with its target and reason, and any more within the next window become one event with their
 * count when it closes. The kind never depends on what the plugin asked for, so a plugin that
 * floods refusals (of as many different targets as it likes) costs the log a handful of events
 * per window, not one fsynced event per refusal.
 */
import type { NewEvent } from "../events/index.ts";
import { eventText, subjectFor } from "../events/index.ts";
import type { DenialSummary } from "./protocol.ts";

export const DENIAL_WINDOW_MS = 1_000;

interface Pending {
  event: NewEvent & { data: Record<string, unknown> };
  count: number;
  timer: NodeJS.Timeout;
}

export class DenialAudit {
  private readonly open = new Map<string, Pending>();
  private readonly sink: ((event: NewEvent) => void | Promise<void>) | undefined;
  private readonly windowMs: number;

  constructor(sink: ((event: NewEvent) => void | Promise<void>) | undefined, windowMs = DENIAL_WINDOW_MS) {
    this.sink = sink;
    this.windowMs = windowMs;
  }

  record(plugin: string, profile: string, denial: DenialSummary): void {
    if (!this.sink) return;
    const key = `${plugin}\u0000${denial.operation}\u0000${denial.kind}`;
    const pending = this.open.get(key);
    if (pending) {
      pending.count += denial.count;
      return;
    }
    const event = {
      type: "PermissionDenied",
      // On the sandbox's own aggregate (the plugin's capability, from `capability@version`, after any
      // `health:`/`test:` prefix a check's load id carries), never on the hub's plugin subjects, whose
      // appends are conditional on their heads.
      subject: subjectFor("sandbox", capabilityOf(plugin)),
      data: { plugin, operation: denial.operation, target: eventText(denial.target, 500), profile, reason: eventText(denial.reason, 1_000) },
    } as NewEvent & { data: Record<string, unknown> };
    this.emit(event, denial.count);
    this.open.set(key, { event, count: 0, timer: this.window(key) });
  }

  /** Writes what the open windows hold. */
  flush(): void {
    for (const [key, pending] of this.open) {
      clearTimeout(pending.timer);
      this.open.delete(key);
      if (pending.count > 0) this.emit(pending.event, pending.count);
    }
  }

  private window(key: string): NodeJS.Timeout {
    const timer = setTimeout(() => {
      const pending = this.open.get(key);
      if (!pending) return;
      if (pending.count === 0) return void this.open.delete(key);
      this.emit(pending.event, pending.count);
      pending.count = 0;
      pending.timer = this.window(key);
    }, this.windowMs);
    timer.unref();
    return timer;
  }

  private emit(event: NewEvent & { data: Record<string, unknown> }, count: number): void {
    const sink = this.sink!;
    const copy = { ...event, data: { ...event.data, count } } as NewEvent;
    // The sink's own failure must not turn into the plugin's; the log adapter reports it.
    void Promise.resolve()
      .then(() => sink(copy))
      .catch(() => undefined);
  }
}

/** The capability a sandbox load id names: `[check:]capability@version[#checksum]` → `capability`. */
function capabilityOf(plugin: string): string {
  const name = plugin.split(/[@#]/)[0]!;
  return name.slice(name.lastIndexOf(":") + 1).replace(/[^A-Za-z0-9_-]/g, "_") || "plugin";
}
